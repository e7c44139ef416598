"""Cultural and natural heritage sites of the SCO countries."""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from photos.models import Mapped, Photo, lead_photo_prefetch, locator_map_prefetch
from scoculture.links import WebURLField, web_url_constraint
from scoculture.models import (
    Country,
    Publishable,
    PublishableQuerySet,
    coordinate_constraints,
    publishable_indexes,
    published_countries,
    translated_indexes,
)
from scoculture.sources import cite

FIRST_INSCRIPTION_YEAR = 1978  # the first World Heritage List
CULTURAL_CRITERIA = ("i", "ii", "iii", "iv", "v", "vi")
NATURAL_CRITERIA = ("vii", "viii", "ix", "x")
ALL_CRITERIA = CULTURAL_CRITERIA + NATURAL_CRITERIA
CRITERIA_PATTERN = r"^(\((i|ii|iii|iv|v|vi|vii|viii|ix|x)\))*$"


def parse_criteria(value):
    """'(ii)(iii)(v)' -> ['ii', 'iii', 'v']"""
    return re.findall(r"\(([ivx]+)\)", value or "")


class HeritageSiteQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.prefetch_related(
            lead_photo_prefetch(),
            locator_map_prefetch(),
            published_countries("countries"),
        )

    def in_country(self, slug):
        """Sites in the country of `slug`; Exists keeps a transboundary site once."""
        links = self.model.countries.through.objects.filter(
            heritagesite=OuterRef("pk"), country__slug=slug
        )
        return self.filter(Exists(links))

    def country_counts(self):
        """{country slug: how many of these sites lie in it}; a transboundary site counts once
        in each of its countries. One grouped query over the links."""
        links = self.model.countries.through.objects.filter(
            heritagesite__in=self.order_by().values("pk")
        )
        return dict(links.values_list("country__slug").annotate(n=Count("pk")))

    def newest_inscriptions(self):
        """Inscribed World Heritage properties, the latest inscription first. A property with
        no year recorded is left out: it cannot be the newest, and PostgreSQL would sort it
        first (its index scan starts past the 50,000 sites without a year at 100,000)."""
        return self.filter(unesco_status="inscribed", year_inscribed__isnull=False).order_by(
            "-year_inscribed", "name"
        )

    def with_criterion(self, criterion):
        """Criteria are stored as '(ii)(iii)': '(iii)' matches (iii) and never (ii)."""
        return self.filter(criteria__contains=f"({criterion})")

    def for_detail(self):
        """A site page: its published countries, and the published programmes and festivals
        that refer to it (reached through the reverse relations, as heritage imports no app
        above it)."""

        def published(accessor):
            related_model = self.model._meta.get_field(accessor).related_model
            return Prefetch(
                accessor,
                queryset=related_model.objects.published().with_published("host_country"),
                to_attr=f"published_{accessor}",
            )

        return self.prefetch_related(
            published_countries("countries", to_attr="published_countries"),
            published("programmes"),
            published("festivals"),
        )

    def transboundary(self):
        """Sites in more than one country, by the count each site keeps."""
        return self.filter(country_count__gt=1)

    def recount_countries(self):
        """Stores each of these sites' number of countries in its `country_count`."""
        links = (
            self.model.countries.through.objects.filter(heritagesite=OuterRef("pk"))
            .order_by()
            .values("heritagesite")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.update(country_count=Coalesce(Subquery(links), 0))


class HeritageSite(Mapped, Publishable):
    """A World Heritage property (or a tentative-list site) in one or more SCO countries.

    Transboundary properties, such as the Silk Roads Chang'an-Tianshan corridor, are one
    record with several countries. Programmes and festivals link here (reverse accessors
    `programmes` and `festivals`).
    """

    class UNESCOStatus(models.TextChoices):
        INSCRIBED = "inscribed", _("Inscribed on the World Heritage List")
        TENTATIVE = "tentative", _("On the Tentative List")
        NOT_LISTED = "not_listed", _("Not listed")

    class Category(models.TextChoices):
        CULTURAL = "cultural", _("Cultural")
        NATURAL = "natural", _("Natural")
        MIXED = "mixed", _("Mixed")

    name = models.CharField(_("name"), max_length=255)
    # Untranslated: a spelling is the same in every language's page, and search reads them all.
    alternate_names = models.TextField(
        _("alternate names"),
        blank=True,
        help_text=_(
            "Other names and spellings, one a line (Uzbek Latin, Russian and other "
            "transliterations, former names). Search finds the site by them."
        ),
    )
    countries = models.ManyToManyField(
        Country, related_name="heritage_sites", verbose_name=_("countries")
    )
    # Kept by heritage.signals whenever the links change: "transboundary" (two or more) is a
    # filter and a facet of the list, which grouped the whole links table (725 ms at 100,000
    # sites) where a partial index now holds the few sites it keeps.
    country_count = models.PositiveSmallIntegerField(
        _("number of countries"), default=0, editable=False
    )
    unesco_reference = models.CharField(
        _("UNESCO reference"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\d+(bis|ter|rev)?$", _("Use the UNESCO form, e.g. 603rev."))],
        help_text=_("The World Heritage Centre's number, for example 603rev or 1442."),
    )
    unesco_status = models.CharField(
        _("UNESCO status"),
        max_length=12,
        choices=UNESCOStatus.choices,
        default=UNESCOStatus.INSCRIBED,
    )
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    criteria = models.CharField(
        _("criteria"),
        max_length=60,
        blank=True,
        validators=[RegexValidator(CRITERIA_PATTERN, _("Write criteria as (ii)(iii)(vi)."))],
        help_text=_("UNESCO selection criteria in UNESCO notation, e.g. (ii)(iii)(v)(vi)."),
    )
    year_inscribed = models.PositiveSmallIntegerField(
        _("year inscribed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_INSCRIPTION_YEAR), MaxValueValidator(2100)],
    )
    in_danger = models.BooleanField(_("in danger"), default=False)
    region = models.CharField(_("region or city"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    official_url = WebURLField(_("official page"), blank=True)
    virtual_tour_url = WebURLField(_("virtual tour"), blank=True)

    photos = GenericRelation(Photo, verbose_name=_("photos"))
    map_countries_from = "countries"

    objects = HeritageSiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("heritage site")
        verbose_name_plural = _("heritage sites")
        ordering = ["name"]
        indexes = [
            *publishable_indexes("heritage"),
            models.Index(fields=["category", "unesco_status"], name="heritage_category_idx"),
            models.Index(fields=["year_inscribed"], name="heritage_year_idx"),
            models.Index(
                fields=["country_count"],
                condition=models.Q(country_count__gt=1),
                name="heritage_transboundary_idx",
            ),
            # The admin's date drill-down steps along it (scoculture.admin_dates).
            models.Index(fields=["published_at"], name="heritage_published_idx"),
            *translated_indexes("heritage", "name"),
        ]
        constraints = [
            *coordinate_constraints("heritage"),
            models.CheckConstraint(
                condition=models.Q(year_inscribed__gte=FIRST_INSCRIPTION_YEAR)
                | models.Q(year_inscribed__isnull=True),
                name="heritage_year_inscribed_from_1978",
            ),
            models.UniqueConstraint(
                fields=["unesco_reference"],
                condition=~models.Q(unesco_reference=""),
                name="heritage_unique_unesco_reference",
            ),
            web_url_constraint("heritage", "official_url"),
            web_url_constraint("heritage", "virtual_tour_url"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("heritage:site_detail", kwargs={"slug": self.slug})

    def citations(self):
        """UNESCO's entry for the property first, then what the editors' note cites."""
        return cite(self.source, unesco_reference=self.unesco_reference)

    def routes_through(self):
        """The published routes with a visible stop here, each once, by title. Reached through
        the reverse relation `route_stops`, as heritage imports no app above it."""
        stops = self.route_stops.visible()
        routes = stops.model._meta.get_field("route").related_model.objects
        return routes.published().filter(pk__in=stops.values("route")).order_by("title", "pk")

    @property
    def criteria_list(self):
        return parse_criteria(self.criteria)

    @property
    def unesco_url(self):
        if not self.unesco_reference or self.unesco_status != self.UNESCOStatus.INSCRIBED:
            return ""
        return f"https://whc.unesco.org/en/list/{re.sub(r'[^0-9]', '', self.unesco_reference)}"

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.unesco_status == self.UNESCOStatus.INSCRIBED and not self.year_inscribed:
            errors["year_inscribed"] = _("An inscribed site needs its year of inscription.")
        if self.unesco_status != self.UNESCOStatus.INSCRIBED and self.in_danger:
            errors["in_danger"] = _("Only an inscribed site can be on the List in Danger.")
        criteria = set(parse_criteria(self.criteria))
        if criteria and self.category:
            cultural = bool(criteria & set(CULTURAL_CRITERIA))
            natural = bool(criteria & set(NATURAL_CRITERIA))
            expected = {
                (True, False): self.Category.CULTURAL,
                (False, True): self.Category.NATURAL,
                (True, True): self.Category.MIXED,
            }[(cultural, natural)]
            if expected != self.category:
                errors["category"] = _(
                    "Criteria %(criteria)s make a %(expected)s site, not %(category)s."
                ) % {
                    "criteria": self.criteria,
                    "expected": self.Category(expected).label.lower(),
                    "category": self.get_category_display().lower(),
                }
        if errors:
            raise ValidationError(errors)
