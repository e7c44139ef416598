from django.urls import path

from . import views

app_name = "heritage"

urlpatterns = [
    path("", views.SiteListView.as_view(), name="site_list"),
    path("<slug:slug>/", views.SiteDetailView.as_view(), name="site_detail"),
]
