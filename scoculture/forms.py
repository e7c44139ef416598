"""Forms shared by the content admins."""

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from .models import ReviewState

PUBLISHERS_ONLY = _(
    "Only publishers may publish, unpublish or schedule. Submit the draft for review instead; "
    "nothing was saved."
)


class EditConflictForm(forms.ModelForm):
    """Refuses to save over a change that another editor saved after this form was opened.

    The form carries the record's `updated_at` as it was when the editor opened it; if the
    database holds a newer one on save, the editor gets a form error instead of silently
    overwriting the other editor's work (optimistic locking, no lock held while editing).

    The check locks the row (SELECT ... FOR UPDATE; SQLite's transactions take the write lock
    as they begin) inside the admin's transaction, so no other save can come between the
    check and this save. A change form posted without its version is refused, not trusted.
    """

    opened_version = forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        error_messages={
            "required": _(
                "This form did not say which version of the record it was opened on. "
                "Open the record again and make your changes; nothing was saved."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["opened_version"].required = True
            if self.instance.updated_at:
                self.fields["opened_version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        opened = cleaned_data.get("opened_version")
        if self.instance.pk and opened:
            saved = (
                type(self.instance)
                ._base_manager.select_for_update()
                .filter(pk=self.instance.pk)
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


class ContentForm(EditConflictForm):
    """The change form of every content model: who may publish, and the review between.

    Editors write drafts and submit them for review; publishers alone publish, unpublish and
    schedule (status, publication and expiry times), and send a draft back with a comment.
    The admin sets `can_publish` for the signed-in user; a field an editor may not change is
    refused with a message however the form was posted, never silently dropped.
    """

    can_publish = True
    PUBLISHING_FIELDS = ("status", "published_at", "expire_at")

    def clean(self):
        cleaned_data = super().clean()
        changed = set(self.changed_data)
        review = cleaned_data.get("review_state")
        if not self.can_publish:
            if changed & set(self.PUBLISHING_FIELDS):
                raise forms.ValidationError(PUBLISHERS_ONLY, code="publishers_only")
            if "review_state" in changed and review == ReviewState.RETURNED:
                raise forms.ValidationError(
                    _("Only a publisher sends a draft back."), code="publishers_only"
                )
        elif review == ReviewState.RETURNED and not cleaned_data.get("review_comment"):
            self.add_error(
                "review_comment", _("Tell the editor what to change before sending it back.")
            )
        return cleaned_data
