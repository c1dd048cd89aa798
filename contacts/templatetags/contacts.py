"""Contacts shown on other apps' pages (an actor's page) without those apps importing contacts."""

from django import template

from cmcoord.masking import attach_visible
from contacts.models import Contact
from contacts.rules import contact_channels

register = template.Library()


@register.inclusion_tag("contacts/_contact_table.html", takes_context=True)
def contacts_of(context, actor):
    """The actor's contacts the reader may see, with the channels their role reads."""
    user = context["request"].user
    contacts = Contact.objects.for_user(user).filter(actor=actor).select_related("actor")
    return {
        "contacts": attach_visible(user, contacts, "actor"),
        "channels": contact_channels(user, actor.operation_id),
        "operation": context["operation"],
    }
