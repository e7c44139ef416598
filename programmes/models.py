"""Exchange programmes and their vocabularies (fields of study, languages of instruction)."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heritage.models import HeritageSite
from photos.models import Photo, lead_photo_prefetch
from scoculture.links import WebURLField, web_url_constraint
from scoculture.models import (
    Country,
    Dated,
    Format,
    HostedQuerySet,
    Publishable,
    PublishedRelation,
    Sector,
    Vocabulary,
    end_after_start,
    publishable_indexes,
    published_countries,
    translated_indexes,
)
from universities.models import University


class Language(Vocabulary):
    """A language of instruction."""

    code = models.CharField(
        _("language code"), max_length=10, unique=True, help_text=_("ISO 639-1, e.g. zh, ru.")
    )

    class Meta(Vocabulary.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class FieldOfStudy(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("field of study")
        verbose_name_plural = _("fields of study")


# An open call's place in deadline order, rolling admissions (no deadline) after every date.
OPEN_ORDER = Coalesce("application_deadline", Value(datetime.date.max))


class ProgrammeQuerySet(HostedQuerySet):
    guest_relation = "partner_countries"

    def for_listing(self):
        return self.with_published("host_country").prefetch_related(
            lead_photo_prefetch(),
            published_countries("partner_countries"),
            "languages",
        )

    def for_detail(self):
        """A programme page. Related rows are published ones only, under `published_*` names,
        so a template can't reach a draft through the plain relation by mistake."""
        return self.with_published("host_country").prefetch_related(
            published_countries("partner_countries", to_attr="published_partner_countries"),
            Prefetch(
                "host_universities",
                queryset=University.objects.published().with_published("country"),
                to_attr="published_host_universities",
            ),
            Prefetch(
                "heritage_sites",
                queryset=HeritageSite.objects.published(),
                to_attr="published_heritage_sites",
            ),
            "fields_of_study",
            "languages",
        )

    def open_for_applications(self, today=None):
        """Deadline today or later, or rolling (no deadline)."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(application_deadline__gte=today) | models.Q(application_deadline__isnull=True)
        )

    def open_soonest_first(self, today=None):
        """Open for applications, the soonest deadline first and rolling admissions last.

        One range of one expression (`OPEN_ORDER`, which `programme_open_order_idx` holds), so
        a LIMITed page walks the index from today and stops after its rows; the same filter
        as `open_for_applications`, an OR of ">= today" and "IS NULL", no range serves, and
        the deadline index was read from the earliest past deadline on.
        """
        today = today or timezone.localdate()
        return (
            self.alias(open_order=OPEN_ORDER).filter(open_order__gte=today).order_by("open_order")
        )

    def closing_soon(self, days=30, today=None):
        today = today or timezone.localdate()
        return self.filter(
            application_deadline__gte=today,
            application_deadline__lte=today + timezone.timedelta(days=days),
        )


class Programme(Dated, Publishable):
    """An exchange programme: student exchange, scholarship, camp, course, training..."""

    class Kind(models.TextChoices):
        STUDENT_EXCHANGE = "student_exchange", _("Student exchange")
        DUAL_DEGREE = "dual_degree", _("Dual degree")
        SCHOLARSHIP = "scholarship", _("Scholarship")
        SUMMER_SCHOOL = "summer_school", _("Summer school or camp")
        LANGUAGE_COURSE = "language_course", _("Language course")
        YOUTH_CAMP = "youth_camp", _("Youth camp")
        RESEARCH_FELLOWSHIP = "research_fellowship", _("Research fellowship")
        TRAINING = "training", _("Training")
        VOLUNTEERING = "volunteering", _("Volunteering")

    class Level(models.TextChoices):
        SCHOOL_YOUTH = "school_youth", _("School and youth")
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        DOCTORAL = "doctoral", _("Doctoral")
        PROFESSIONAL = "professional", _("Professional")
        OPEN = "open", _("Open to all")

    class Funding(models.TextChoices):
        FULL = "full", _("Fully funded")
        PARTIAL = "partial", _("Partially funded")
        SELF = "self", _("Self-funded")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    host_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="hosted_programmes",
        verbose_name=_("host country"),
    )
    published_host_country = PublishedRelation("host_country")
    partner_countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="partner_programmes",
        verbose_name=_("partner countries"),
    )
    host_universities = models.ManyToManyField(
        University, blank=True, related_name="programmes", verbose_name=_("host universities")
    )
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=12, choices=Sector.choices)
    level = models.CharField(_("level"), max_length=15, choices=Level.choices)
    fields_of_study = models.ManyToManyField(
        FieldOfStudy, blank=True, related_name="programmes", verbose_name=_("fields of study")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="programmes", verbose_name=_("languages of instruction")
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    application_deadline = models.DateField(
        _("application deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty for rolling admission."),
    )
    places = models.PositiveIntegerField(_("places offered"), null=True, blank=True)
    funding = models.CharField(_("funding"), max_length=10, choices=Funding.choices, blank=True)
    website = WebURLField(_("website"), blank=True)
    heritage_sites = models.ManyToManyField(
        HeritageSite,
        blank=True,
        related_name="programmes",
        verbose_name=_("related heritage sites"),
    )

    photos = GenericRelation(Photo, verbose_name=_("photos"))

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        indexes = [
            *publishable_indexes("programme"),
            models.Index(fields=["kind", "level"], name="programme_kind_level_idx"),
            models.Index(fields=["application_deadline"], name="programme_deadline_idx"),
            models.Index(OPEN_ORDER, name="programme_open_order_idx"),
            models.Index(fields=["start_date"], name="programme_start_idx"),
            *translated_indexes("programme", "title"),
            # A kind's titles cluster ("Volunteering ..."): walking the title index for the
            # first 24 volunteering programmes read 97,000 others first (283 ms at 1M).
            *translated_indexes("programme", "title", within=("kind",)),
        ]
        constraints = [end_after_start("programme"), web_url_constraint("programme", "website")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:programme_detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if (
            self.application_deadline
            and self.end_date
            and self.application_deadline > self.end_date
        ):
            errors["application_deadline"] = [
                _("The application deadline cannot be after the end date.")
            ]
        if errors:
            raise ValidationError(errors)

    @property
    def deadline_state(self):
        """'rolling', 'open', 'closing_soon' (within 30 days) or 'closed'."""
        if self.application_deadline is None:
            return "rolling"
        days_left = (self.application_deadline - timezone.localdate()).days
        if days_left < 0:
            return "closed"
        return "closing_soon" if days_left <= 30 else "open"
