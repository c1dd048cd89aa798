"""Each history row of a record that reaches its operation through a parent (an agenda item,
a presence, a mandate) keeps the operation's id: the operation's history lists it by that id."""

from django.core.exceptions import ObjectDoesNotExist
from simple_history.signals import pre_create_historical_record

from cmcoord.models import OperationHistory
from cmcoord.services import operation_id_of


def _keep_operation(sender, instance, history_instance, **kwargs):
    if isinstance(history_instance, OperationHistory) and history_instance.operation_id is None:
        try:
            history_instance.operation_id = operation_id_of(instance)
        except ObjectDoesNotExist:  # its parent went first (a cascade): the row stays, unplaced
            history_instance.operation_id = None


def connect() -> None:
    pre_create_historical_record.connect(_keep_operation, dispatch_uid="cmcoord_history_operation")
