""" "Waiting for you" (cmcoord/queues.py): the interlocutor decisions the cell and the HCT/UNCT owe.

Officers: military actors nobody has put to the HCT/UNCT yet (undecided, no open question): until
the HCT/UNCT decides, field staff cannot see their contacts. HCT/UNCT: the questions officers asked,
until decided (a deferred question stays). Both start from the models' ``for_user``. The HCT/UNCT is
told of a new question when it is asked (``contacts.services``), so these queues send no notice of
their own.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from actors.models import Actor, InterlocutorStatus
from cmcoord import queues
from cmcoord.roles import Role
from contacts.models import InterlocutorQuestion


def actors_to_put(user, operation_ids, now):
    open_questions = (
        InterlocutorQuestion.objects.awaiting_hct().filter(actor__isnull=False).values("actor_id")
    )
    return (
        Actor.objects.for_user(user)
        .filter(operation__in=operation_ids, interlocutor_status=InterlocutorStatus.UNDECIDED)
        .military()
        .exclude(pk__in=open_questions.filter(actor__isnull=False))
        .order_by("name", "pk")
    )


def questions_to_decide(user, operation_ids, now):
    return (
        InterlocutorQuestion.objects.for_user(user)
        .filter(operation__in=operation_ids)
        .awaiting_hct()
        .select_related("actor", "contact")
        .order_by("asked_at", "pk")
    )


def _ask_about(actor) -> str:
    return reverse("contacts:question-list", args=[actor.operation_id]) + f"?actor={actor.pk}#ask"


def _question_link(question) -> str:
    return reverse("contacts:question-list", args=[question.operation_id]) + f"#question-{question.pk}"


def register() -> None:
    queues.register(
        "interlocutor_ask",
        roles={Role.OFFICER},
        title=gettext_lazy("Military actors to put to the HCT/UNCT as interlocutors"),
        items=actors_to_put,
        link=_ask_about,
    )
    queues.register(
        "interlocutor_decide",
        roles={Role.HCT},
        title=gettext_lazy("Interlocutor decisions requested"),
        items=questions_to_decide,
        link=_question_link,
        label=lambda question: str(question.target),
    )
