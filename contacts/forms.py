from actors.models import Actor
from cmcoord.edit_forms import RecordForm, date_widgets, text_widgets
from contacts.models import Contact


class ContactForm(RecordForm):
    """A contact's details; whether it is an interlocutor is the HCT/UNCT's decision, not here."""

    class Meta:
        model = Contact
        fields = [
            "actor",
            "full_name",
            "rank_or_title",
            "position",
            "position_detail",
            "phone",
            "email",
            "satellite_phone",
            "radio_call_sign",
            "languages",
            "last_verified_on",
            "sensitivity",
            "notes",
        ]
        widgets = {**date_widgets("last_verified_on"), **text_widgets("notes")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope("actor", Actor.objects.for_user(self.user).filter(operation=self.operation))
