"""`{% field_rows form %}`: the fields of a filter form, each in its <div class="field"> with
its label, widget, help text and errors.

Written in Python, as the widgets are (scoculture.widgets): a list page's form has some
seventeen fields, and the template's tags and look-ups for each cost more than the widget.
"""

from django import template
from django.utils.safestring import mark_safe

from scoculture.widgets import escaped

register = template.Library()


@register.simple_tag
def field_rows(form):
    return mark_safe("".join(field_row(field) for field in form))


def field_row(field):
    errors = field.errors
    kind = field.widget_type
    classes = f"field field--{kind} field--error" if errors else f"field field--{kind}"
    label = f'<label for="{escaped(field.id_for_label)}">{escaped(field.label)}</label>'
    if kind == "checkbox":
        # The box before its label, as browsers and screen readers expect of a checkbox.
        return f'\n  <div class="{classes}">\n    {field}{label}\n  </div>'
    lines = [label, str(field)]
    if field.help_text:
        help_id = f"{field.auto_id}-help"
        lines.append(
            f'<p class="field__help" id="{escaped(help_id)}">{escaped(field.help_text)}</p>'
        )
    lines.extend(f'<p class="field__error">{escaped(error)}</p>' for error in errors)
    return f'\n  <div class="{classes}">\n    ' + "\n    ".join(lines) + "\n  </div>"
