from django.urls import path

from . import feeds, views

app_name = "programmes"

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/feed.rss", feeds.NewProgrammesFeed(), name="programme_feed"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("festivals/", views.FestivalListView.as_view(), name="festival_list"),
    path("festivals/<slug:slug>/", views.FestivalDetailView.as_view(), name="festival_detail"),
    path("festivals/<slug:slug>/calendar.ics", feeds.festival_ics, name="festival_ics"),
    path("universities/", views.UniversityListView.as_view(), name="university_list"),
    path(
        "universities/<slug:slug>/",
        views.UniversityDetailView.as_view(),
        name="university_detail",
    ),
]
