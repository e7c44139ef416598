"""The universities of the SCO University network and its priority areas."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from photos.models import Mapped, Photo, lead_photo_prefetch, locator_map_prefetch
from scoculture.links import WebURLField, web_url_constraint
from scoculture.models import (
    Country,
    Publishable,
    PublishableQuerySet,
    PublishedRelation,
    Vocabulary,
    coordinate_constraints,
    publishable_indexes,
    translated_indexes,
)


class PriorityArea(Vocabulary):
    """A priority area of the SCO University (regional studies, ecology, energy, IT...)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("SCO University priority area")
        verbose_name_plural = _("SCO University priority areas")


class UniversityQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.with_published("country").prefetch_related(
            lead_photo_prefetch(), locator_map_prefetch(), "priority_areas"
        )

    def network_members(self):
        return self.filter(sco_university_member=True)

    def country_counts(self):
        """{country slug: how many of these universities it has}: one grouped query."""
        return dict(self.order_by().values_list("country__slug").annotate(n=Count("pk")))

    def count_by_country_and_area(self):
        """{(country id, priority area id): universities}: one grouped query over the links."""
        links = self.model.priority_areas.through.objects.filter(
            university__in=self.order_by().values("pk")
        )
        return {
            (country, area): n
            for country, area, n in links.order_by()
            .values_list("university__country", "priorityarea")
            .annotate(n=Count("university", distinct=True))
        }

    def for_detail(self):
        """A university page: its country, priority areas and published programmes."""
        # Programmes point here; their model is reached through the relation, so this app
        # never imports the programmes app, which stands above it.
        programme = self.model._meta.get_field("programmes").related_model
        return self.with_published("country").prefetch_related(
            "priority_areas",
            Prefetch(
                "programmes",
                queryset=programme.objects.published().with_published("host_country"),
                to_attr="published_programmes",
            ),
        )


class University(Mapped, Publishable):
    """A university, most of them in the SCO University network of 80+ institutions."""

    name = models.CharField(_("name"), max_length=255)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="universities", verbose_name=_("country")
    )
    published_country = PublishedRelation("country")
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = WebURLField(_("website"), blank=True)
    sco_university_member = models.BooleanField(_("SCO University member"), default=False)
    sco_university_since = models.PositiveSmallIntegerField(
        _("member since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2007), MaxValueValidator(2100)],
        help_text=_("The SCO University was founded in 2007."),
    )
    priority_areas = models.ManyToManyField(
        PriorityArea, blank=True, related_name="universities", verbose_name=_("priority areas")
    )
    description = models.TextField(_("description"), blank=True)

    photos = GenericRelation(Photo, verbose_name=_("photos"))
    map_countries_from = "country"

    objects = UniversityQuerySet.as_manager()

    class Meta:
        verbose_name = _("university")
        verbose_name_plural = _("universities")
        ordering = ["name"]
        indexes = [
            *publishable_indexes("university"),
            # The admin's date drill-down steps along it (scoculture.admin_dates).
            models.Index(fields=["published_at"], name="university_published_idx"),
            *translated_indexes("university", "name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sco_university_since__isnull=True)
                | models.Q(sco_university_member=True),
                name="university_since_only_for_members",
            ),
            web_url_constraint("university", "website"),
            *coordinate_constraints("university"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("universities:university_detail", kwargs={"slug": self.slug})
