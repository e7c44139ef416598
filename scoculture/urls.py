from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

country_patterns = (
    [
        path("", views.CountryListView.as_view(), name="country_list"),
        path("<slug:slug>/", views.CountryDetailView.as_view(), name="country_detail"),
    ],
    "countries",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("countries/", include(country_patterns)),
    path("heritage/", include("heritage.urls")),
    path("", include("programmes.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
