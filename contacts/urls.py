from django.urls import path

from contacts import views

urlpatterns = [
    path("contacts/", views.ContactListView.as_view(), name="contact-list"),
    path("contacts/<int:pk>/", views.ContactDetailView.as_view(), name="contact-detail"),
    path("contacts/<int:pk>/decide/", views.contact_decide, name="contact-decide"),
    path("contacts/<int:pk>/share/", views.contact_share, name="contact-share"),
]
