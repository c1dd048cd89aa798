""" "Waiting for you" (cmcoord/queues.py): phase-outs that hit the activities a person is
responsible for (``Dependency.responsible``).

A dependency enters its responsible person's queue when its asset phases out within the at-risk
horizon (or is past its date) while the civilian alternative is not ready, and leaves it once the
alternative is ready, the asset withdrawn or its date moved out. The phase-out reminders
(assets/reminders.py) tell the person, so this queue sends no notice of its own.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assets.models import Dependency
from cmcoord import queues
from cmcoord.roles import Role


def phase_outs(user, operation_ids, now):
    return (
        Dependency.objects.for_user(user)
        .filter(operation__in=operation_ids, responsible=user)
        .at_risk(today=timezone.localdate(now))
        .select_related("asset")
        .order_by("asset__phase_out_on", "pk")
    )


def phase_out_label(dependency) -> str:
    values = {
        "activity": dependency.activity,
        "asset": dependency.asset.name,
        "date": f"{dependency.asset.phase_out_on:%Y-%m-%d}",
    }
    if dependency.asset.phase_out_on < timezone.localdate():
        return _("%(activity)s relies on %(asset)s, overdue: it was to phase out on %(date)s") % values
    return _("%(activity)s relies on %(asset)s, which phases out on %(date)s") % values


def register() -> None:
    queues.register(
        "phase_outs",
        roles={Role.FIELD_STAFF},
        title=gettext_lazy("Phase-outs that hit activities you are responsible for"),
        items=phase_outs,
        label=phase_out_label,
        per_person=True,
    )
