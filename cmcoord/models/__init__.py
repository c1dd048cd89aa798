from .base import OperationHistory, OperationRecord, RecordChanged, Sensitivity, TimeStamped, Versioned
from .idempotency import IdempotencyKey
from .notifications import Heartbeat, Notification, NotificationKind, NotificationPreference, ReminderDelivery
from .operations import (
    EmergencyType,
    GuidelineDocument,
    GuidelineStatus,
    Operation,
    OperationGroupObjectPermission,
    OperationUserObjectPermission,
    Phase,
    Strategy,
    StrategyStatus,
)
from .places import Area, Sector, SecurityAssessment, SecurityLevel
from .tokens import PartnerToken, UserToken
from .users import User

__all__ = [
    "Area",
    "EmergencyType",
    "GuidelineDocument",
    "GuidelineStatus",
    "Heartbeat",
    "IdempotencyKey",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "Operation",
    "OperationGroupObjectPermission",
    "OperationHistory",
    "OperationRecord",
    "OperationUserObjectPermission",
    "PartnerToken",
    "RecordChanged",
    "Phase",
    "ReminderDelivery",
    "SecurityAssessment",
    "SecurityLevel",
    "Sector",
    "Sensitivity",
    "Strategy",
    "StrategyStatus",
    "TimeStamped",
    "User",
    "UserToken",
    "Versioned",
]
