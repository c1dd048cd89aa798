"""The pages of an operation that span the apps (namespace "web"): its dashboard, the strategy
form posted from it, the history of its records and the search across them. Mounted under
/operations/<op>/."""

from django.urls import path

from web import search, views

app_name = "web"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("strategy/", views.StrategyView.as_view(), name="strategy"),
    path("strategy/versions/", views.StrategyVersionsView.as_view(), name="strategy-versions"),
    path("history/", views.HistoryView.as_view(), name="history"),
    path("search/", search.SearchView.as_view(), name="search"),
]
