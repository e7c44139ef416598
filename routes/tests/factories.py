import factory

from routes.models import Route, RouteStop, Theme
from scoculture.tests.factories import CountryFactory, PublishedFactory


class RouteFactory(PublishedFactory):
    class Meta:
        model = Route

    title = factory.Sequence(lambda n: f"Route {n}")
    slug = factory.Sequence(lambda n: f"route-{n}")
    theme = Theme.SILK_ROADS
    suggested_days = 5


class CityStopFactory(factory.django.DjangoModelFactory):
    """A stop at a city of its own; pass heritage_site=... (and no point) for a site stop."""

    class Meta:
        model = RouteStop

    route = factory.SubFactory(RouteFactory)
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"City {n}")
    country = factory.SubFactory(CountryFactory)
    latitude = "40.000000"
    longitude = "70.000000"


def site_stop(route, site, position, country=None):
    """A stop at `site`, in its (first) country."""
    return RouteStop.objects.create(
        route=route,
        heritage_site=site,
        position=position,
        country=country or site.countries.first(),
    )
