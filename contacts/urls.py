from django.urls import path

from contacts import edit_views, views

urlpatterns = [
    path("contacts/", views.ContactListView.as_view(), name="contact-list"),
    path("contacts/<int:pk>/", views.ContactDetailView.as_view(), name="contact-detail"),
    # The HCT/UNCT decides on actors and contacts as interlocutors: the contacts app's rule.
    path("actors/<int:pk>/decide/", views.actor_decide, name="actor-decide"),
    path("contacts/<int:pk>/decide/", views.contact_decide, name="contact-decide"),
    path("contacts/<int:pk>/share/", views.contact_share, name="contact-share"),
    path("contacts/new/", edit_views.ContactFormView.as_view(), name="contact-create"),
    path("contacts/<int:pk>/edit/", edit_views.ContactFormView.as_view(), name="contact-update"),
    path("contacts/<int:pk>/delete/", edit_views.ContactDeleteView.as_view(), name="contact-delete"),
]
