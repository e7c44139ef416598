"""The shared core: what every content model has, and the SCO's countries."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname

from scoculture.sources import cite


class Sector(models.TextChoices):
    """Who runs an activity: the seeds distinguish state-led and people-to-people exchanges."""

    GOVERNMENT = "government", _("Government-led")
    UNIVERSITY = "university", _("University")
    PEOPLE = "people", _("People-to-people / civil society")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Vocabulary(models.Model):
    """A short controlled list that editors maintain (languages, fields of study...)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The one place that decides what the public may see.

        A record is public once it is marked published and its publication time has come,
        until its expiry time, if it has one: the window holds at every query, with no job
        that must run for a record to appear or disappear on time.
        """
        now = timezone.now()
        return self.filter(
            models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now),
            status=Publishable.Status.PUBLISHED,
            published_at__lte=now,
        )

    def drafts(self):
        return self.filter(status=Publishable.Status.DRAFT)

    def for_detail(self):
        """The related rows a detail page needs; models with related rows override it."""
        return self.all()

    def with_published(self, *relations):
        """Join each foreign key in `relations`, read as `published_<name>` (PublishedRelation).

        The one place that decides whether a public page may show a related record: a draft,
        scheduled or expired record at the other end reads as None, so list cards, detail
        pages, feeds and JSON-LD that use `published_<name>` cannot name it. Joined in the
        rows' own query and decided per row in Python, by the rule of `published()`: a query
        a relation fewer than prefetching the published records.
        """
        for name in relations:
            if not isinstance(getattr(self.model, f"published_{name}", None), PublishedRelation):
                raise TypeError(f"{self.model.__name__} declares no published_{name}")
        return self.select_related(*relations)


class PublishedRelation:
    """`obj.published_<name>`: the record that the foreign key `name` points at while the
    public may see it (`Publishable.is_published`, the rule of `published()`), else None.

    Declared on the model (`published_host_country = PublishedRelation("host_country")`);
    `with_published("host_country")` joins the record into the rows' query, so reading it
    costs no query. Without the join the foreign key loads it, one query a row.
    """

    def __init__(self, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        related = getattr(instance, self.name)
        return related if related is not None and related.is_published else None


class ReviewState(models.TextChoices):
    """Where a draft stands between its editor and the publishers ("" when nobody asked)."""

    SUBMITTED = "submitted", _("Awaiting review")
    RETURNED = "returned", _("Sent back to the editor")


class Publishable(models.Model):
    """Abstract base of every content model: slug, publication state, timestamps, provenance."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("Set when the record is first published; a future time schedules it."),
    )
    expire_at = models.DateTimeField(
        _("expires at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it public; from this time visitors no longer see it."),
    )
    review_state = models.CharField(
        _("review"),
        max_length=10,
        choices=ReviewState.choices,
        blank=True,
        default="",
        help_text=_("Editors submit a draft for review; only publishers publish it."),
    )
    review_comment = models.TextField(
        _("comment from the publisher"),
        blank=True,
        help_text=_("Why the draft was sent back, for its editor."),
    )
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where the facts come from: a URL or a seed document reference. A note for "
            "editors: visitors see the sources it cites, listed by title, never the note."
        ),
    )
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_(
            "Some details (dates, places, partners) are illustrative: the public page "
            "marks the record as an example."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Publishing without a date means "now"; an explicit date is kept (scheduling).
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.status == self.Status.PUBLISHED:
            self.review_state = ""  # the review ends with publication
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.expire_at and self.published_at and self.expire_at <= self.published_at:
            raise ValidationError(
                {"expire_at": _("The expiry time must come after the publication time.")}
            )

    def citations(self):
        """The sources a visitor sees, cited from the editors' `source` note."""
        return cite(self.source)

    @property
    def is_published(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.expire_at is None or self.expire_at > now)
        )


def publishable_indexes(prefix):
    """The index every public list uses (visibility first, then recency); the expiry times to
    come, which the public cache looks for (`next_scheduled_change`): few rows expire, so the
    index holds only those, and no table is read to find the first; and the last changes,
    whose newest published one dates a kind's sitemaps in their index (without it, a read of
    every row: a second at a million programmes)."""
    return [
        models.Index(fields=["status", "-published_at"], name=f"{prefix}_visible_idx"),
        models.Index(fields=["updated_at"], name=f"{prefix}_updated_idx"),
        models.Index(
            fields=["expire_at"],
            name=f"{prefix}_expiry_idx",
            condition=models.Q(expire_at__isnull=False),
        ),
    ]


def translated_indexes(prefix, field, *, within=()):
    """One index per language's column of a translated field, named as modeltranslation
    names the copies it makes of an index on the field itself.

    Declared directly because the field's own column is never queried: modeltranslation
    turns `order_by("title")` into `title_<active language>`, so an index on `title` itself
    would cost every write and serve no read.

    `within`: columns the index starts with, for a list filtered by them and sorted by the
    field: it reads the filtered rows in order, where walking the field's own index skips
    every row of other values first.
    """
    name = f"{prefix}_{'_'.join(within)}_{field}-" if within else f"{prefix}_{field}_idx-"
    return [
        models.Index(
            fields=[*within, build_localized_fieldname(field, language)],
            name=name + language,
        )
        for language in mt_settings.AVAILABLE_LANGUAGES
    ]


def latitude_field():
    """A point's latitude in decimal degrees (WGS 84), optional: Located models, route stops."""
    return models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )


def longitude_field():
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )


class Country(Publishable):
    """A state of the SCO family: member, observer or dialogue partner."""

    class SCOStatus(models.TextChoices):
        MEMBER = "member", _("Member state")
        OBSERVER = "observer", _("Observer state")
        DIALOGUE_PARTNER = "dialogue_partner", _("Dialogue partner")

    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2, upper case (CN, RU, KZ...)."),
    )
    sco_status = models.CharField(_("SCO status"), max_length=20, choices=SCOStatus.choices)
    joined_year = models.PositiveSmallIntegerField(
        _("year joined"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1996), MaxValueValidator(2100)],
        help_text=_("Year the country took its current SCO status."),
    )
    description = models.TextField(_("short description"), blank=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        indexes = [
            *publishable_indexes("country"),
            models.Index(fields=["sco_status", "name"], name="country_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("countries:country_detail", kwargs={"slug": self.slug})


def published_countries(relation, to_attr=None):
    """The Prefetch of a many-to-many to Country that public pages use: published, by name."""
    return models.Prefetch(
        relation, queryset=Country.objects.published().order_by("name"), to_attr=to_attr
    )


class Publishing(models.Model):
    """No table: carries the permission to publish, unpublish and schedule any content."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("publish_content", _("Can publish, unpublish and schedule content"))]

    def __str__(self):
        return "publishing"


class Export(models.Model):
    """No table: carries the permission that lets staff download CSV reports."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("export_data", _("Can export CSV reports"))]

    def __str__(self):
        return "export"


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


class Located(models.Model):
    """A point on the map: latitude and longitude in degrees (WGS 84), both or neither."""

    latitude = latitude_field()
    longitude = longitude_field()

    class Meta:
        abstract = True

    def clean(self):
        # Collects the other bases' errors too, so a form shows every mistake at once.
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if (self.latitude is None) != (self.longitude is None):
            errors.setdefault("longitude", []).append(
                ValidationError(_("Give both latitude and longitude, or neither."))
            )
        if errors:
            raise ValidationError(errors)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


def coordinate_constraints(prefix):
    """The database's own range checks of latitude_field() and longitude_field()."""
    return [
        models.CheckConstraint(
            condition=models.Q(latitude__gte=-90, latitude__lte=90)
            | models.Q(latitude__isnull=True),
            name=f"{prefix}_latitude_range",
        ),
        models.CheckConstraint(
            condition=models.Q(longitude__gte=-180, longitude__lte=180)
            | models.Q(longitude__isnull=True),
            name=f"{prefix}_longitude_range",
        ),
    ]


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

        Two grouped queries: the hosts, then the guests that are not also the host. A guest
        counts when one of these rows has it and another host: one semi-join of the guests
        with the rows, where "one of these rows" and "not the host" as two conditions joined
        the rows twice (1.35 to 1.7 s for two million partners at a million programmes, now
        0.7 to 0.8 s).
        """
        counts = dict(self.order_by().values_list("host_country__slug").annotate(n=Count("pk")))
        guests, row = self._guests()
        hosted_by_another = (
            self.order_by().filter(pk=OuterRef(row)).exclude(host_country=OuterRef("country"))
        )
        taking_part = (
            guests.filter(Exists(hosted_by_another))
            .values_list("country__slug")
            .annotate(n=Count("pk"))
        )
        for slug, n in taking_part:
            counts[slug] = counts.get(slug, 0) + n
        return counts

    def country_pairs(self):
        """{(country id a, country id b): n} with a < b: how many of these rows both countries
        take part in, as host or guest; a row counts once per pair even when its host is also
        a guest. One query: the memberships (a UNION, so duplicates go) joined with themselves
        on the row. The staff cooperation report and the public explorer read it."""
        rows, params = self.order_by().values("pk").query.sql_with_params()
        model = self.model
        field = model._meta.get_field(self.guest_relation)
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        host = quote(model._meta.get_field("host_country").column)
        pk = quote(model._meta.pk.column)
        through = quote(field.remote_field.through._meta.db_table)
        row, country = quote(field.m2m_column_name()), quote(field.m2m_reverse_name())
        sql = f"""
            WITH members (item, country) AS (
                SELECT {pk}, {host} FROM {table} WHERE {pk} IN ({rows})
                UNION
                SELECT {row}, {country} FROM {through} WHERE {row} IN ({rows})
            )
            SELECT a.country, b.country, COUNT(*)
            FROM members a JOIN members b ON a.item = b.item AND a.country < b.country
            GROUP BY a.country, b.country
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *params])
            return {(a, b): n for a, b, n in cursor.fetchall()}
