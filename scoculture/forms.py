"""Forms shared by the content admins."""

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _


class EditConflictForm(forms.ModelForm):
    """Refuses to save over a change that another editor saved after this form was opened.

    The form carries the record's `updated_at` as it was when the editor opened it; if the
    database holds a newer one on save, the editor gets a form error instead of silently
    overwriting the other editor's work (optimistic locking, no lock held while editing).
    """

    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields["opened_version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        opened = cleaned_data.get("opened_version")
        if self.instance.pk and opened:
            saved = (
                type(self.instance)
                ._base_manager.filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
            if saved and saved.isoformat() != opened:
                raise forms.ValidationError(
                    _(
                        "Someone else saved this record at %(time)s, after you opened it. "
                        "Open it again in a new tab to see their changes, then make yours; "
                        "nothing was saved."
                    ),
                    code="edit_conflict",
                    params={"time": date_format(localtime(saved), "DATETIME_FORMAT")},
                )
        return cleaned_data
