"""E-mails about interlocutor questions (the HCT/UNCT asked, the officer answered): events on the
core's machinery, dropped at send time if the recipient may no longer read the question."""

from cmcoord import reminders
from cmcoord.reminders.events import event_message
from contacts.models import InterlocutorQuestion

RECORD = "interlocutor_question"


def no_dates_due(now) -> list:
    return []


def question_message(pk: int, delivery, now):
    readable = InterlocutorQuestion.objects.for_user(delivery.recipient).filter(pk=pk).exists()
    return event_message(delivery, readable=readable)


def register() -> None:
    reminders.register(RECORD, due=no_dates_due, message=question_message)
