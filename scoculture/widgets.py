"""The public filter forms' widgets, rendered in Python rather than through templates.

Django renders a select with one template per option (and another per option's attributes):
on a list page with ~110 options that was a quarter of the request's time. These widgets build
the same HTML from the same context (a test compares them with Django's own, option for
option), so only the cost changes.
"""

import html

from django import forms
from django.utils.safestring import mark_safe


def escaped(value):
    """As django.utils.html.conditional_escape, without its lazy-argument wrapper: this runs
    for every option of every select on a list page."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def render_attrs(attrs):
    """As django/forms/widgets/attrs.html: False leaves a name out, True writes it bare."""
    return "".join(
        f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class PythonRendered:
    """A widget whose `html(widget_context)` replaces the template of its `template_name`."""

    def _render(self, template_name, context, renderer=None):
        return mark_safe(self.html(context["widget"]))


class Select(PythonRendered, forms.Select):
    """A single select. Its options are worked out as ChoiceWidget.optgroups() does (the
    first option whose value matches is selected; groups), as (value, label, selected)
    rather than Django's option dictionaries, which only its templates read: on a list page
    with some 150 options those were most of the form's cost."""

    def get_context(self, name, value, attrs):
        # Widget's context, without ChoiceWidget's option dictionaries (`optgroups` stays
        # Django's for anything else that asks, as BoundField.subwidgets does).
        context = forms.Widget.get_context(self, name, value, attrs)
        context["widget"]["groups"] = self.groups(context["widget"]["value"])
        return context

    def groups(self, value):
        """[(group name or None, [(value, label, selected), ...]), ...]"""
        groups = []
        has_selected = False
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            if isinstance(option_label, (list, tuple)):
                group_name, choices = option_value, option_label
            else:
                group_name, choices = None, [(option_value, option_label)]
            options = []
            for subvalue, sublabel in choices:
                selected = not has_selected and str(subvalue) in value
                has_selected |= selected
                options.append((subvalue, sublabel, selected))
            groups.append((group_name, options))
        return groups

    def html(self, widget):
        parts = [f'<select name="{escaped(widget["name"])}"{render_attrs(widget["attrs"])}>']
        for group_name, options in widget["groups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{escaped(group_name)}">')
            parts.extend(
                f'\n  <option value="{escaped(value)}"{" selected" if selected else ""}>'
                f"{escaped(label)}</option>\n"
                for value, label, selected in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return "".join(parts)


class InputHTML(PythonRendered):
    def html(self, widget):
        value = "" if widget["value"] is None else f' value="{escaped(widget["value"])}"'
        return (
            f'<input type="{escaped(widget["type"])}" name="{escaped(widget["name"])}"'
            f"{value}{render_attrs(widget['attrs'])}>"
        )


class TextInput(InputHTML, forms.TextInput):
    pass


class NumberInput(InputHTML, forms.NumberInput):
    pass


class DateInput(InputHTML, forms.DateInput):
    pass


class CheckboxInput(InputHTML, forms.CheckboxInput):
    pass
