"""The filter forms' Python-rendered widgets write exactly what Django's templates write."""

import datetime

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from festivals.filters import FestivalFilter
from heritage.filters import HeritageSiteFilter
from programmes.filters import ProgrammeFilter
from routes.filters import RouteFilter
from scoculture import widgets
from universities.filters import UniversityFilter

CHOICES = [
    ("", "Any"),
    ("kz", "Kazakhstan"),
    ("a&b", 'Quotes " & <tags>'),
    (3, "Three"),
    ("lazy", gettext_lazy("Sort by")),
    ("safe", mark_safe("<b>Safe</b> &amp; sound")),
    ("it's", "Xi'an"),
]
GROUPED = [("", "Any"), ("Central Asia", [("kz", "Kazakhstan"), ("uz", "Uzbekistan")])]
ATTRS = [
    {},
    {"id": "id_f", "class": "wide"},
    {"id": "id_f", "required": True, "disabled": False, "aria-describedby": "id_f_error"},
    {"data-x": 'a "quoted" <value>'},
    {"aria-label": gettext_lazy("Search"), "data-n": 3, "title": mark_safe("<i>x</i>")},
]


def pairs():
    values = ["", "kz", "a&b", "3", None]
    yield forms.Select(choices=CHOICES), widgets.Select(choices=CHOICES), values
    yield forms.Select(choices=GROUPED), widgets.Select(choices=GROUPED), ["", "uz"]
    yield forms.TextInput(), widgets.TextInput(), ["", 'silk <road> & "more"', None]
    yield forms.NumberInput(), widgets.NumberInput(), [2026, None]
    date_attrs = {"type": "date"}
    yield (
        forms.DateInput(attrs=date_attrs, format="%Y-%m-%d"),
        widgets.DateInput(attrs=date_attrs, format="%Y-%m-%d"),
        [datetime.date(2030, 1, 2), "not a date", None],
    )
    yield forms.CheckboxInput(), widgets.CheckboxInput(), [True, False, None, "on"]


@pytest.mark.parametrize(("django_widget", "ours", "values"), list(pairs()))
@pytest.mark.parametrize("attrs", ATTRS)
def test_the_html_is_djangos(django_widget, ours, values, attrs):
    for value in values:
        expected = django_widget.render("f", value, attrs=dict(attrs))
        assert ours.render("f", value, attrs=dict(attrs)) == expected, value


@pytest.mark.django_db
@pytest.mark.parametrize(
    "filterset",
    [FestivalFilter, HeritageSiteFilter, ProgrammeFilter, RouteFilter, UniversityFilter],
)
def test_every_public_filter_form_uses_them(filterset):
    for field in filterset().form:
        assert isinstance(field.field.widget, widgets.PythonRendered), field.name
