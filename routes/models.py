"""Tourism routes across the SCO countries: ordered stops, the legs between them, and what
happens along the way.

A stop is either a heritage site (its name and coordinates are the site's) or a city with
its own name and coordinates. Distances are computed from the coordinates, never typed.
Programmes and festivals along a route are reached through Country's reverse relations, as
routes sits below them (README, Layout).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heritage.models import HeritageSite
from scoculture.models import (
    Country,
    Publishable,
    PublishableQuerySet,
    coordinate_constraints,
    latitude_field,
    longitude_field,
    publishable_indexes,
)

from .geo import haversine_km

MAX_DAYS = 90
ALONG_LIMIT = 12  # programmes, and festivals, shown on a route page


class Theme(models.TextChoices):
    SILK_ROADS = "silk_roads", _("Silk Roads")
    HISTORIC_CITIES = "historic_cities", _("Historic cities")
    ARCHAEOLOGY = "archaeology", _("Archaeology")
    NATURE = "nature", _("Nature and landscapes")


class RouteStopQuerySet(models.QuerySet):
    def visible(self):
        """The stops a public page may show: in a published country, and at a published
        heritage site when they name one. The one place that decides it."""
        return self.filter(
            Q(heritage_site__isnull=True)
            | Q(heritage_site__in=HeritageSite.objects.published().values("pk")),
            country__in=Country.objects.published().values("pk"),
        )


class RouteQuerySet(PublishableQuerySet):
    def with_stops(self):
        """Each route's visible stops in order, as `visible_stops`: one query."""
        return self.prefetch_related(
            Prefetch(
                "stops",
                queryset=RouteStop.objects.visible()
                .select_related("heritage_site", "country")
                .order_by("position", "pk"),
                to_attr="visible_stops",
            )
        )

    def for_listing(self):
        return self.with_stops()

    def for_detail(self):
        return self.with_stops()

    def crossing(self, country_slug):
        """Routes with a visible stop in the country of `country_slug`, each once."""
        stops = RouteStop.objects.visible().filter(route=OuterRef("pk"), country__slug=country_slug)
        return self.filter(Exists(stops))

    def length_between(self, low_km=None, high_km=None):
        """Routes whose length (over their visible stops) is at least `low_km` and under
        `high_km`. The length is computed from coordinates in Python: routes are a short
        editorial list, and a stored total would go stale when a site moves or is unpublished.
        """
        pks = [
            route.pk
            for route in self.order_by().prefetch_related(None).with_stops()
            if (low_km is None or route.length_km >= low_km)
            and (high_km is None or route.length_km < high_km)
        ]
        return self.filter(pk__in=pks)


@dataclass(frozen=True)
class Leg:
    start: "RouteStop"
    end: "RouteStop"
    km: float


class Route(Publishable):
    """A suggested journey: ordered stops (`stops`), a theme and a number of days."""

    title = models.CharField(_("title"), max_length=255)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    suggested_days = models.PositiveSmallIntegerField(
        _("suggested days"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS)],
        help_text=_("How many days the journey takes at an unhurried pace."),
    )

    objects = RouteQuerySet.as_manager()

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        ordering = ["title"]
        indexes = [*publishable_indexes("route")]
        constraints = [
            models.CheckConstraint(
                condition=Q(suggested_days__gte=1, suggested_days__lte=MAX_DAYS),
                name="route_suggested_days_range",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("routes:route_detail", kwargs={"slug": self.slug})

    # What follows reads `visible_stops` (RouteQuerySet.with_stops), so a stop at a draft
    # site counts nowhere: not in the legs, the length, the countries nor the downloads.

    def measured_stops(self):
        """The visible stops, each with `km_from_previous` (None for the first)."""
        stops = self.visible_stops
        if stops:
            for stop, km in zip(stops, [None, *(leg.km for leg in self.legs)], strict=True):
                stop.km_from_previous = km
        return stops

    @property
    def legs(self):
        stops = self.visible_stops
        return [
            Leg(start, end, haversine_km(*start.point, *end.point))
            for start, end in zip(stops, stops[1:], strict=False)
        ]

    @property
    def length_km(self):
        return sum(leg.km for leg in self.legs)

    @property
    def countries(self):
        """The countries crossed, in the order the route enters them."""
        return list({stop.country_id: stop.country for stop in self.visible_stops}.values())

    def programmes_along(self, today=None):
        """Published programmes open for applications, hosted by or open to a country
        crossed (Country's reverse relation: routes imports no app above it)."""
        programmes = Country._meta.get_field("hosted_programmes").related_model.objects
        countries = [country.pk for country in self.countries]
        return (
            programmes.published()
            .open_for_applications(today)
            .filter(Q(host_country__in=countries) | Q(partner_countries__in=countries))
            .distinct()
            .with_published("host_country")
            .order_by(models.F("application_deadline").asc(nulls_last=True), "title")[:ALONG_LIMIT]
        )

    def festivals_along(self, today=None):
        """Published festivals still to come or under way in a country crossed."""
        festivals = Country._meta.get_field("hosted_festivals").related_model.objects
        countries = [country.pk for country in self.countries]
        return (
            festivals.published()
            .upcoming(today or timezone.localdate())
            .filter(Q(host_country__in=countries) | Q(participating_countries__in=countries))
            .distinct()
            .with_published("host_country")
            .order_by("start_date", "title")[:ALONG_LIMIT]
        )


class RouteStop(models.Model):
    """One stop of a route: a heritage site, or a city with its own name and coordinates."""

    route = models.ForeignKey(
        Route, on_delete=models.CASCADE, related_name="stops", verbose_name=_("route")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    heritage_site = models.ForeignKey(
        HeritageSite,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="route_stops",
        verbose_name=_("heritage site"),
        help_text=_("A published heritage site; leave empty for a city of its own."),
    )
    name = models.CharField(
        _("city or place"),
        max_length=200,
        blank=True,
        help_text=_("For a stop that is not a heritage site."),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        blank=True,
        related_name="route_stops",
        verbose_name=_("country"),
        help_text=_("Filled from the heritage site when it lies in one country."),
    )
    latitude = latitude_field()
    longitude = longitude_field()
    note = models.CharField(_("what to see"), max_length=300, blank=True)

    objects = RouteStopQuerySet.as_manager()

    class Meta:
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ["route", "position", "pk"]
        constraints = [
            # A site stop takes the site's point; a city stop must carry its own.
            models.CheckConstraint(
                condition=Q(heritage_site__isnull=False)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="route_stop_site_or_point",
            ),
            *coordinate_constraints("route_stop"),
        ]

    def __str__(self):
        return self.place_name

    def get_absolute_url(self):
        """The site's page for a site stop; a city has no page of its own."""
        return self.heritage_site.get_absolute_url() if self.heritage_site_id else ""

    @property
    def place_name(self):
        return self.heritage_site.name if self.heritage_site_id else self.name

    @property
    def point(self) -> tuple[Decimal, Decimal]:
        source = self.heritage_site if self.heritage_site_id else self
        return source.latitude, source.longitude

    @property
    def place_latitude(self):
        return self.point[0]

    @property
    def place_longitude(self):
        return self.point[1]

    def clean(self):
        super().clean()
        errors = {}
        site = self.heritage_site if self.heritage_site_id else None
        has_point = self.latitude is not None or self.longitude is not None
        if site is None:
            if not self.name:
                # On the site field: the form shows `name` in one field a language.
                errors["heritage_site"] = _("Choose a heritage site, or give the city's name.")
            if self.latitude is None or self.longitude is None:
                errors["latitude"] = _("A city stop needs both its latitude and longitude.")
            if not self.country_id:
                errors["country"] = _("Choose the country of this city.")
        else:
            if site.latitude is None or site.longitude is None:
                errors["heritage_site"] = _(
                    "This heritage site has no coordinates yet: add them to the site first."
                )
            if self.name or has_point:
                errors["heritage_site"] = _(
                    "A heritage site stop takes the site's name and coordinates: leave the "
                    "city, latitude and longitude empty."
                )
            site_countries = list(site.countries.all())
            if not self.country_id:
                if len(site_countries) == 1:
                    self.country = site_countries[0]
                else:
                    errors["country"] = _(
                        "This site lies in several countries: choose the one of this stop."
                    )
            elif self.country not in site_countries:
                errors["country"] = _("This site does not lie in the country chosen.")
        if errors:
            raise ValidationError(errors)
