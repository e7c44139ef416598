"""The filter forms' Python-rendered widgets write exactly what Django's templates write."""

import datetime

import pytest
from django import forms
from django.template import Context, Template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from festivals.filters import FestivalFilter
from heritage.filters import HeritageSiteFilter
from programmes.filters import ProgrammeFilter
from routes.filters import RouteFilter
from scoculture import widgets
from scoculture.templatetags.filter_forms import field_rows
from universities.filters import UniversityFilter

CHOICES = [
    ("", "Any"),
    ("kz", "Kazakhstan"),
    ("a&b", 'Quotes " & <tags>'),
    (3, "Three"),
    ("lazy", gettext_lazy("Sort by")),
    ("safe", mark_safe("<b>Safe</b> &amp; sound")),
    ("it's", "Xi'an"),
    ("kz", "Kazakhstan again: only the first of the same value is selected"),
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


# The template loop that {% field_rows %} replaced, as the filter form had it.
FIELD_LOOP = """{% for field in form %}{% if field.widget_type == "checkbox" %}
  <div class="field field--checkbox{% if field.errors %} field--error{% endif %}">
    {{ field }}<label for="{{ field.id_for_label }}">{{ field.label }}</label>
  </div>{% else %}
  <div class="field field--{{ field.widget_type }}{% if field.errors %} field--error{% endif %}">
    <label for="{{ field.id_for_label }}">{{ field.label }}</label>
    {{ field }}
    {% if field.help_text %}<p class="field__help" id="{{ field.auto_id }}-help">\
{{ field.help_text }}</p>{% endif %}
    {% for error in field.errors %}<p class="field__error">{{ error }}</p>{% endfor %}
  </div>{% endif %}{% endfor %}"""


class Tricky(forms.Form):
    name = forms.CharField(
        label='Name <b>"x"', help_text='Help & "more" <i>', widget=widgets.TextInput
    )
    kind = forms.ChoiceField(choices=CHOICES, widget=widgets.Select, label=gettext_lazy("Kind"))
    open = forms.BooleanField(label="Open & now", required=False, widget=widgets.CheckboxInput)
    year = forms.IntegerField(
        label="Year", max_value=2100, required=False, widget=widgets.NumberInput
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda: Tricky(),
        lambda: Tricky({"name": "", "kind": "nowhere", "open": "on", "year": "3000"}),
        lambda: Tricky({"name": "<script>", "kind": "kz"}),
        lambda: ProgrammeFilter({"level": "nonsense", "open": "on", "year": "1066"}).form,
        lambda: FestivalFilter().form,
    ],
)
def test_field_rows_write_what_the_template_loop_wrote(make):
    form = make()

    def words(html):
        return " ".join(html.split())

    expected = Template(FIELD_LOOP).render(Context({"form": form}))
    assert words(field_rows(form)) == words(expected)


def test_a_select_still_lists_its_options_as_djangos_subwidgets():
    options = [option.data for option in Tricky(initial={"kind": "kz"})["kind"]]
    assert [option["value"] for option in options] == [value for value, _label in CHOICES]
    assert [option["value"] for option in options if option["selected"]] == ["kz"]
