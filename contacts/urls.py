from django.urls import path

from contacts import edit_views, question_views, views

app_name = "contacts"

urlpatterns = [
    path("contacts/", views.ContactListView.as_view(), name="list"),
    path("contacts/<int:pk>/", views.ContactDetailView.as_view(), name="detail"),
    # The HCT/UNCT decides on actors and contacts as interlocutors: the contacts app's rule.
    path("actors/<int:pk>/decide/", views.actor_decide, name="actor-decide"),
    path("contacts/<int:pk>/decide/", views.contact_decide, name="decide"),
    path("contacts/<int:pk>/share/", views.contact_share, name="share"),
    path("interlocutor-questions/", question_views.QuestionListView.as_view(), name="question-list"),
    path("interlocutor-questions/ask/", question_views.question_ask, name="question-ask"),
    path("interlocutor-questions/<int:pk>/answer/", question_views.question_answer, name="question-answer"),
    path("contacts/new/", edit_views.ContactFormView.as_view(), name="create"),
    path("contacts/<int:pk>/edit/", edit_views.ContactFormView.as_view(), name="update"),
    path("contacts/<int:pk>/delete/", edit_views.ContactDeleteView.as_view(), name="delete"),
]
