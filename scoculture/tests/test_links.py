"""Outside links are http(s) only: model validation, a database constraint, safe rendering."""

from contextlib import contextmanager

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.template import Context, Template
from django.utils import translation

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.links import WebURLField, blank_unsafe_urls, web_url
from scoculture.tests.structured import json_ld
from universities.tests.factories import UniversityFactory

UNSAFE = ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x"]
PROJECT_APPS = ("scoculture", "photos", "programmes", "heritage", "reports")

# (factory, field): every outside URL a public page shows.
URL_FIELDS = [
    (ProgrammeFactory, "website"),
    (FestivalFactory, "website"),
    (UniversityFactory, "website"),
    (HeritageSiteFactory, "official_url"),
    (HeritageSiteFactory, "virtual_tour_url"),
]
FIELD_IDS = [f"{factory._meta.model.__name__}.{field}" for factory, field in URL_FIELDS]


def constraint_name(model, field):
    return next(
        constraint.name
        for constraint in model._meta.constraints
        if constraint.name.endswith(f"_{field}_http")
    )


@contextmanager
def constraint_off(model, field):
    """Write past the constraint, as data from before it (or a hand-edited database) would."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA ignore_check_constraints = ON")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA ignore_check_constraints = OFF")
    else:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:  # the test's transaction rolls this back
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks: ALTER runs
            cursor.execute(
                f"ALTER TABLE {quote(model._meta.db_table)} "
                f"DROP CONSTRAINT {quote(constraint_name(model, field))}"
            )
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        yield


def sneak(record, field, value):
    model = type(record)
    with constraint_off(model, field):
        model.objects.filter(pk=record.pk).update(**{field: value})


def test_every_url_field_of_the_project_is_http_only_in_the_model_and_the_database():
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.URLField):
                name = f"{model.__name__}.{field.name}"
                assert isinstance(field, WebURLField), name
                assert constraint_name(model, field.name), name


@pytest.mark.django_db
@pytest.mark.parametrize("factory, field", URL_FIELDS, ids=FIELD_IDS)
def test_the_database_refuses_an_unsafe_url_from_any_path(factory, field):
    record = factory(**{field: "https://example.org/"})
    for value in UNSAFE:
        setattr(record, field, value)
        with pytest.raises(IntegrityError), transaction.atomic():
            record.save()
        with pytest.raises(IntegrityError), transaction.atomic():
            type(record).objects.filter(pk=record.pk).update(**{field: value})
    for value in ("", "http://example.org/", "HTTPS://EXAMPLE.ORG/a"):
        type(record).objects.filter(pk=record.pk).update(**{field: value})


@pytest.mark.django_db
@pytest.mark.parametrize("factory, field", URL_FIELDS, ids=FIELD_IDS)
def test_model_validation_accepts_http_and_https_only(factory, field):
    record = factory()
    for value in [*UNSAFE, "ftp://example.org/file"]:
        setattr(record, field, value)
        with pytest.raises(ValidationError) as error:
            record.full_clean()
        assert field in error.value.message_dict
    setattr(record, field, "https://example.org/")
    record.full_clean()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("javascript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("//evil.example", ""),
        ("data:text/html,x", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_url_filter(value, expected):
    assert web_url(value) == expected
    template = Template("{% load links %}{{ url|safe_url }}")
    assert template.render(Context({"url": value})) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("factory, field", URL_FIELDS, ids=FIELD_IDS)
def test_an_unsafe_url_that_got_in_is_never_a_link_in_any_language(client, factory, field):
    record = factory()
    sneak(record, field, "javascript:alert(1)")
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            url = record.get_absolute_url()
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "javascript:" not in html.lower(), (language, url)
        assert "javascript" not in str(json_ld(response)).lower()


@pytest.mark.django_db
@pytest.mark.parametrize("factory, field", URL_FIELDS, ids=FIELD_IDS)
def test_the_data_migration_blanks_unsafe_urls_and_keeps_the_others(factory, field):
    model = factory._meta.model
    unsafe, safe = factory(), factory(**{field: "https://example.org/"})
    sneak(unsafe, field, "javascript:alert(1)")
    operation = blank_unsafe_urls(model._meta.app_label, [(model._meta.model_name, field)])
    operation.code(apps, None)
    unsafe.refresh_from_db()
    safe.refresh_from_db()
    assert getattr(unsafe, field) == ""
    assert getattr(safe, field) == "https://example.org/"
