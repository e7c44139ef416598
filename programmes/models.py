"""Exchange programmes, festivals and events, and the universities of the SCO University."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from heritage.models import HeritageSite
from photos.models import Photo, lead_photo_prefetch
from scoculture.links import WebURLField, web_url_constraint
from scoculture.models import (
    Country,
    Format,
    Publishable,
    PublishableQuerySet,
    Sector,
    publishable_indexes,
    published_countries,
)


class Vocabulary(models.Model):
    """A short controlled list that editors maintain (languages, fields of study...)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class PriorityArea(Vocabulary):
    """A priority area of the SCO University (regional studies, ecology, energy, IT...)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("SCO University priority area")
        verbose_name_plural = _("SCO University priority areas")


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


class UniversityQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.with_published("country").prefetch_related(
            lead_photo_prefetch(), "priority_areas"
        )

    def network_members(self):
        return self.filter(sco_university_member=True)

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
        return self.with_published("country").prefetch_related(
            "priority_areas",
            Prefetch(
                "programmes",
                queryset=Programme.objects.published().with_published("host_country"),
                to_attr="published_programmes",
            ),
        )


class University(Publishable):
    """A university, most of them in the SCO University network of 80+ institutions."""

    name = models.CharField(_("name"), max_length=255)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="universities", verbose_name=_("country")
    )
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

    objects = UniversityQuerySet.as_manager()

    class Meta:
        verbose_name = _("university")
        verbose_name_plural = _("universities")
        ordering = ["name"]
        indexes = [
            *publishable_indexes("university"),
            models.Index(fields=["name"], name="university_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sco_university_since__isnull=True)
                | models.Q(sco_university_member=True),
                name="university_since_only_for_members",
            ),
            web_url_constraint("university", "website"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:university_detail", kwargs={"slug": self.slug})


class Dated(models.Model):
    """Start and end dates, with the end never before the start."""

    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})


def end_after_start(prefix):
    return models.CheckConstraint(
        condition=models.Q(end_date__gte=models.F("start_date"))
        | models.Q(end_date__isnull=True)
        | models.Q(start_date__isnull=True),
        name=f"{prefix}_end_after_start",
    )


class HostedQuerySet(PublishableQuerySet):
    """Rows with a host country and other countries taking part (`guest_relation`)."""

    guest_relation = None  # the many-to-many to Country: partners, participants

    def _guests(self):
        """The through table of the guest countries, and its foreign key back to the row."""
        through = getattr(self.model, self.guest_relation).through
        return through.objects, self.model._meta.model_name

    def involving_country(self, slug):
        """Hosted by or taking part: the country of `slug`; Exists keeps each row once."""
        guests, row = self._guests()
        taking_part = guests.filter(**{row: OuterRef("pk")}, country__slug=slug)
        return self.filter(models.Q(host_country__slug=slug) | Exists(taking_part))

    def country_counts(self):
        """{country slug: how many of these rows it hosts or takes part in}, each once.

        Two grouped queries: the hosts, then the guests that are not also the host.
        """
        counts = dict(self.order_by().values_list("host_country__slug").annotate(n=Count("pk")))
        guests, row = self._guests()
        taking_part = (
            guests.filter(**{f"{row}__in": self.order_by().values("pk")})
            .exclude(country=F(f"{row}__host_country"))
            .values_list("country__slug")
            .annotate(n=Count("pk"))
        )
        for slug, n in taking_part:
            counts[slug] = counts.get(slug, 0) + n
        return counts


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
            models.Index(fields=["start_date"], name="programme_start_idx"),
            models.Index(fields=["title"], name="programme_title_idx"),
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


class FestivalQuerySet(HostedQuerySet):
    guest_relation = "participating_countries"

    def for_listing(self):
        return self.with_published("host_country").prefetch_related(
            lead_photo_prefetch(),
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
        return self.filter(
            models.Q(end_date__gte=today) | models.Q(end_date__isnull=True, start_date__gte=today)
        )

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            models.Q(end_date__lt=today) | models.Q(end_date__isnull=True, start_date__lt=today)
        )


class Festival(Dated, Publishable):
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

    objects = FestivalQuerySet.as_manager()

    class Meta:
        verbose_name = _("festival or event")
        verbose_name_plural = _("festivals and events")
        ordering = ["start_date", "title"]
        indexes = [
            *publishable_indexes("festival"),
            models.Index(fields=["kind"], name="festival_kind_idx"),
            models.Index(fields=["start_date", "end_date"], name="festival_dates_idx"),
            models.Index(fields=["title"], name="festival_title_idx"),
        ]
        constraints = [end_after_start("festival"), web_url_constraint("festival", "website")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programmes:festival_detail", kwargs={"slug": self.slug})
