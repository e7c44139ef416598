from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from . import dumps, views

app_name = "api"

router = SimpleRouter()
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("festivals", views.FestivalViewSet, basename="festival")
router.register("universities", views.UniversityViewSet, basename="university")
router.register("heritage-sites", views.HeritageSiteViewSet, basename="heritage-site")
router.register("routes", views.RouteViewSet, basename="route")
router.register("countries", views.CountryViewSet, basename="country")

urlpatterns = [
    path("schema.json", views.SchemaView.as_view(), name="schema"),
    path("dumps/<str:kind>.<str:fmt>", dumps.DumpView.as_view(), name="dump"),
    path("", include(router.urls)),
    # Last: what no route above matched. Only paths ending in a slash, so that Django still
    # redirects /api/v1/programmes to /api/v1/programmes/ (APPEND_SLASH).
    re_path(r"^.*/$", views.NotFoundView.as_view(), name="not_found"),
]
