from .base import OperationRecord, Sensitivity, TimeStamped
from .notifications import Heartbeat, Notification, NotificationKind, NotificationPreference, ReminderDelivery
from .operations import (
    EmergencyType,
    GuidelineDocument,
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
    "Heartbeat",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "Operation",
    "OperationGroupObjectPermission",
    "OperationRecord",
    "OperationUserObjectPermission",
    "PartnerToken",
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
]
