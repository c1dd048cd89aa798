"""The officers' pages to create, edit and delete contacts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cmcoord.edit_views import RecordDeleteView, RecordFormView, RecordWords
from cmcoord.views_base import query_id
from contacts.forms import ContactForm
from contacts.models import Contact

CONTACT_WORDS = RecordWords(
    new=_("New contact"),
    edit=_("Edit contact: %(name)s"),
    created=_("Contact “%(name)s” created."),
    saved=_("Contact “%(name)s” saved."),
    delete_link=_("Delete this contact…"),
    delete_question=_("Delete contact “%(name)s”?"),
    deleted=_("Contact “%(name)s” deleted."),
)


class ContactFormView(RecordFormView):
    """``contacts/new/?actor=<id>`` starts with the actor chosen (if the user may choose it)."""

    model = Contact
    form_class = ContactForm
    words = CONTACT_WORDS
    delete_route = "contacts:delete"

    def initial(self):
        actor = query_id(self.request, "actor")
        return {"actor": actor} if self.creating and actor else {}

    def cancel_url(self):
        return super().cancel_url() or reverse("contacts:list", args=[self.operation.pk])


class ContactDeleteView(RecordDeleteView):
    model = Contact
    words = CONTACT_WORDS

    def list_url(self):
        return reverse("contacts:list", args=[self.operation.pk])
