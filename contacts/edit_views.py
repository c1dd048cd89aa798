"""The officers' pages to create, edit and delete contacts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cmcoord.edit_views import RecordDeleteView, RecordFormView
from cmcoord.views_base import query_id
from contacts.forms import ContactForm
from contacts.models import Contact


class ContactFormView(RecordFormView):
    """``contacts/new/?actor=<id>`` starts with the actor chosen (if the user may choose it)."""

    model = Contact
    form_class = ContactForm
    noun = _("contact")
    delete_route = "contacts:delete"

    def initial(self):
        actor = query_id(self.request, "actor")
        return {"actor": actor} if self.creating and actor else {}

    def cancel_url(self):
        return super().cancel_url() or reverse("contacts:list", args=[self.operation.pk])


class ContactDeleteView(RecordDeleteView):
    model = Contact
    noun = _("contact")

    def list_url(self):
        return reverse("contacts:list", args=[self.operation.pk])
