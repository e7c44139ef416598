"""The public filter forms' widgets, rendered in Python rather than through templates.

Django renders a select with one template per option (and another per option's attributes):
on a list page with ~110 options that was a quarter of the request's time. These widgets build
the same HTML from the same context (a test compares them with Django's own, option for
option), so only the cost changes.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def render_attrs(attrs):
    """As django/forms/widgets/attrs.html: False leaves a name out, True writes it bare."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class PythonRendered:
    """A widget whose `html(widget_context)` replaces the template of its `template_name`."""

    def _render(self, template_name, context, renderer=None):
        return mark_safe(self.html(context["widget"]))


class Select(PythonRendered, forms.Select):
    def html(self, widget):
        options = []
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                options.append(format_html('\n  <optgroup label="{}">', group_name))
            options.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    option["value"],
                    render_attrs(option["attrs"]),
                    option["label"],
                )
                for option in group_choices
            )
            if group_name:
                options.append("\n  </optgroup>")
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            widget["name"],
            render_attrs(widget["attrs"]),
            mark_safe("".join(options)),
        )


class InputHTML(PythonRendered):
    def html(self, widget):
        value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            value,
            render_attrs(widget["attrs"]),
        )


class TextInput(InputHTML, forms.TextInput):
    pass


class NumberInput(InputHTML, forms.NumberInput):
    pass


class DateInput(InputHTML, forms.DateInput):
    pass


class CheckboxInput(InputHTML, forms.CheckboxInput):
    pass
