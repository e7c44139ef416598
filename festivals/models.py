"""Festivals and events: arts and film festivals, cultural years, exhibitions, forums."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heritage.models import HeritageSite
from photos.models import Mapped, Photo, lead_photo_prefetch, locator_map_prefetch
from scoculture.links import WebURLField, web_url_constraint
from scoculture.models import (
    Country,
    Dated,
    Format,
    HostedQuerySet,
    Publishable,
    PublishedRelation,
    Sector,
    coordinate_constraints,
    end_after_start,
    publishable_indexes,
    published_countries,
    translated_indexes,
)

# A festival's last day: its end, or its start when it has no end (one day, or open-ended).
# The date filters compare this one expression, which the festival_last_day_idx index holds.
LAST_DAY = Coalesce("end_date", "start_date")


class FestivalQuerySet(HostedQuerySet):
    guest_relation = "participating_countries"

    def for_listing(self):
        return self.with_published("host_country").prefetch_related(
            lead_photo_prefetch(),
            locator_map_prefetch(),
            published_countries("participating_countries"),
        )

    def for_detail(self):
        """A festival page: published participating countries and heritage sites only."""
        return self.with_published("host_country").prefetch_related(
            published_countries(
                "participating_countries", to_attr="published_participating_countries"
            ),
            Prefetch(
                "heritage_sites",
                queryset=HeritageSite.objects.published(),
                to_attr="published_heritage_sites",
            ),
        )

    def upcoming(self, today=None):
        """Not yet over: ends (or, without an end, starts) today or later."""
        today = today or timezone.localdate()
        return self.alias(last_day=LAST_DAY).filter(last_day__gte=today)

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.alias(last_day=LAST_DAY).filter(last_day__lt=today)


class Festival(Mapped, Dated, Publishable):
    """A festival or event: arts and film festivals, cultural years, exhibitions, forums..."""

    class Kind(models.TextChoices):
        ARTS_FESTIVAL = "arts_festival", _("Arts festival")
        FILM_FESTIVAL = "film_festival", _("Film festival")
        MUSIC = "music", _("Music")
        CULTURAL_YEAR = "cultural_year", _("Cultural year")
        EXHIBITION = "exhibition", _("Exhibition")
        SPORT = "sport", _("Sport and marathon")
        FORUM = "forum", _("Forum")
        OPEN_DAY = "open_day", _("Open day")
        MEDIA = "media", _("Media")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    host_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="hosted_festivals",
        verbose_name=_("host country"),
    )
    published_host_country = PublishedRelation("host_country")
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    participating_countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="participated_festivals",
        verbose_name=_("participating countries"),
    )
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    edition = models.CharField(
        _("edition or recurrence"),
        max_length=100,
        blank=True,
        help_text=_("For example: 5th edition, annual, biennial."),
    )
    website = WebURLField(_("website"), blank=True)
    heritage_sites = models.ManyToManyField(
        HeritageSite, blank=True, related_name="festivals", verbose_name=_("related heritage sites")
    )

    photos = GenericRelation(Photo, verbose_name=_("photos"))
    map_countries_from = "host_country"

    objects = FestivalQuerySet.as_manager()

    class Meta:
        verbose_name = _("festival or event")
        verbose_name_plural = _("festivals and events")
        ordering = ["start_date", "title"]
        indexes = [
            *publishable_indexes("festival"),
            models.Index(fields=["kind"], name="festival_kind_idx"),
            models.Index(fields=["start_date", "end_date"], name="festival_dates_idx"),
            models.Index(LAST_DAY, name="festival_last_day_idx"),
            *translated_indexes("festival", "title"),
        ]
        constraints = [
            end_after_start("festival"),
            web_url_constraint("festival", "website"),
            *coordinate_constraints("festival"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("festivals:festival_detail", kwargs={"slug": self.slug})
