"""Create the demo records that are missing, and never touch a row that exists.

A record counts as present when a row shares any of its identifying values (its slug or ISO
code, or a heritage site's UNESCO reference), so an editor may rename, re-slug, unpublish or
rewrite a demo record and the next load leaves it alone. Relations (many-to-many links) are
set only on rows created in the same run; links an editor removed stay removed.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation

from festivals.models import Festival
from heritage.models import HeritageSite, HeritageSiteQuerySet
from programmes.models import FieldOfStudy, Language, Programme
from routes.models import Route, RouteStop
from scoculture.models import Country
from universities.models import PriorityArea, University

DATA = Path(__file__).resolve().parent / "data"


@cache
def records(kind):
    """The records of data/<kind>.json: plain JSON, dates as ISO strings (the model fields
    parse them when the record is validated)."""
    with open(DATA / f"{kind}.json", encoding="utf-8") as file:
        return json.load(file)["records"]


@dataclass
class Children:
    """Rows that belong to a record and are written inside it (a route's ordered stops)."""

    model: type[models.Model]
    parent: str  # the child's foreign key to the record
    foreign_keys: dict[str, type[models.Model]] = field(default_factory=dict)
    order: str = "position"  # numbered from 1 in the order the file lists them


@dataclass
class Spec:
    """How one model's records are matched, built and linked."""

    label: str
    model: type[models.Model]
    records: list[dict]
    key: str = "slug"  # how records refer to each other
    alt_keys: tuple[str, ...] = ()
    foreign_keys: dict[str, type[models.Model]] = field(default_factory=dict)
    many_to_many: dict[str, type[models.Model]] = field(default_factory=dict)
    children: dict[str, Children] = field(default_factory=dict)
    publishable: bool = True
    # Given the rows created and linked here: keeps up what the links' signals would have,
    # as bulk inserts send none.
    after_linking: Callable[[models.QuerySet], object] | None = None


def specs():
    """In dependency order: what a record refers to is loaded before it."""
    return [
        Spec("countries", Country, records("countries"), key="code", alt_keys=("slug",)),
        Spec(
            "heritage sites",
            HeritageSite,
            records("heritage_sites"),
            alt_keys=("unesco_reference",),
            many_to_many={"countries": Country},
            after_linking=HeritageSiteQuerySet.recount_countries,
        ),
        Spec("priority areas", PriorityArea, records("priority_areas"), publishable=False),
        Spec(
            "languages",
            Language,
            records("languages"),
            key="code",
            alt_keys=("slug",),
            publishable=False,
        ),
        Spec("fields of study", FieldOfStudy, records("fields_of_study"), publishable=False),
        Spec(
            "universities",
            University,
            records("universities"),
            foreign_keys={"country": Country},
            many_to_many={"priority_areas": PriorityArea},
        ),
        Spec(
            "programmes",
            Programme,
            records("programmes"),
            foreign_keys={"host_country": Country},
            many_to_many={
                "partner_countries": Country,
                "host_universities": University,
                "fields_of_study": FieldOfStudy,
                "languages": Language,
                "heritage_sites": HeritageSite,
            },
        ),
        Spec(
            "festivals and events",
            Festival,
            records("festivals"),
            foreign_keys={"host_country": Country},
            many_to_many={"participating_countries": Country, "heritage_sites": HeritageSite},
        ),
        Spec(
            "routes",
            Route,
            records("routes"),
            children={
                "stops": Children(
                    RouteStop,
                    parent="route",
                    foreign_keys={"heritage_site": HeritageSite, "country": Country},
                )
            },
        ),
    ]


@dataclass
class Result:
    label: str
    created: int
    present: int
    skipped: int = 0  # records whose child rows no longer fit what they name


def build(spec, record, index, now):
    """An unsaved, validated instance for one record."""
    values = {
        name: value
        for name, value in record.items()
        if name not in spec.foreign_keys
        and name not in spec.many_to_many
        and name not in spec.children
    }
    for name, target in spec.foreign_keys.items():
        values[f"{name}_id"] = index[target][record[name]]
    if spec.publishable:
        values.update(status="published", published_at=now)
    instance = spec.model(**values)
    # Uniqueness and constraints are the database's job (one query each otherwise); the
    # validation here is what an editor's form would check: choices, ranges, clean().
    instance.full_clean(validate_unique=False, validate_constraints=False)
    return instance


def link(spec, created, index):
    """Bulk-insert the many-to-many rows of the instances created in this run."""
    for name, target in spec.many_to_many.items():
        relation = spec.model._meta.get_field(name)
        through = relation.remote_field.through
        source_column = f"{relation.m2m_field_name()}_id"
        target_column = f"{relation.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source_column: instance.pk, target_column: index[target][ref]})
            for record, instance in created
            for ref in dict.fromkeys(record.get(name, ()))
        ]
        through.objects.bulk_create(rows)


def build_children(spec, record, index):
    """{name: unsaved child rows} of one record, each validated as its inline form would be
    (a site stop takes its country from the site). ValidationError when one does not fit the
    rows it names: an editor changed them (a site without coordinates, in another country)."""
    built = {}
    for name, children in spec.children.items():
        rows = []
        for number, child in enumerate(record.get(name, ()), 1):
            values = {k: v for k, v in child.items() if k not in children.foreign_keys}
            for key, target in children.foreign_keys.items():
                if key in child:
                    values[f"{key}_id"] = index[target][child[key]]
            row = children.model(**values)
            setattr(row, children.order, number)
            row.full_clean(
                exclude=[children.parent], validate_unique=False, validate_constraints=False
            )
            rows.append(row)
        built[name] = rows
    return built


def add_children(spec, created, built):
    """Bulk-insert the child rows of the instances created in this run."""
    for name, children in spec.children.items():
        rows = []
        for record, instance in created:
            for row in built[record[spec.key]][name]:
                setattr(row, children.parent, instance)
                rows.append(row)
        children.model.objects.bulk_create(rows)


def load_spec(spec, index, now):
    keys = (spec.key, *spec.alt_keys)
    existing = {key: {} for key in keys}
    for row in spec.model.objects.values("pk", *keys):
        for key in keys:
            if row[key]:
                existing[key][row[key]] = row["pk"]

    refs = index.setdefault(spec.model, {})
    pending = []
    children = {}
    skipped = 0
    for record in spec.records:
        pk = next(
            (existing[key][record[key]] for key in keys if record.get(key) in existing[key]),
            None,
        )
        if pk is not None:
            refs[record[spec.key]] = pk
            continue
        try:
            children[record[spec.key]] = build_children(spec, record, index)
        except ValidationError:
            skipped += 1  # left for an editor rather than half made
            continue
        pending.append((record, build(spec, record, index, now)))

    spec.model.objects.bulk_create([instance for _, instance in pending])
    for record, instance in pending:
        refs[record[spec.key]] = instance.pk
    link(spec, pending, index)
    if spec.after_linking and pending:
        spec.after_linking(spec.model.objects.filter(pk__in=[i.pk for _, i in pending]))
    add_children(spec, pending, children)
    return Result(spec.label, len(pending), len(spec.records) - len(pending) - skipped, skipped)


def load_demo_data():
    """Create what is missing, in one transaction; returns one Result per model."""
    now = timezone.now()
    index = {}
    # Untranslated field names (name, title...) go to the default language's column.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return [load_spec(spec, index, now) for spec in specs()]
