"""The upload field and the gallery formset the admin uses."""

from django import forms
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import images
from .models import Photo

ACCEPT = "image/jpeg,image/png,image/webp"


class PhotoFileField(forms.FileField):
    """A file judged by its content: Pillow must open, verify and fully decode it.

    The whole conversion (upright, stripped, rendered) runs here, so anything that could fail
    is a form error; the result rides on the upload to `Photo.save`, which only stores it.
    Nothing is written to storage here: a refused file never reaches MEDIA_ROOT.
    """

    widget = forms.ClearableFileInput(attrs={"accept": ACCEPT})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        upload.processed = images.process(upload)
        return upload


class PhotoForm(forms.ModelForm):
    original = PhotoFileField(label=_("Image"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["original"].help_text = _(
            "JPEG, PNG or WebP, at most %(mb).0f MB and %(mp).0f megapixels. Location and "
            "camera data are removed."
        ) % {"mb": images.max_upload_bytes() / 1_048_576, "mp": images.max_pixels() / 1e6}

    class Meta:
        model = Photo
        fields = ("original", "alt_text", "caption", "credit", "licence", "position", "is_lead")


class PhotoInlineFormSet(BaseGenericInlineFormSet):
    """At most one lead photo, checked before the database constraint can turn it into a 500."""

    def _kept_forms(self):
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            yield form

    def clean(self):
        super().clean()
        leads = [form for form in self._kept_forms() if form.cleaned_data.get("is_lead")]
        if len(leads) > 1:
            raise ValidationError(_("Mark only one photo as the lead image."), code="several_leads")

    def save(self, commit=True):
        # Moving the lead from one photo to another: clear the old one first, or the
        # one-lead constraint trips when the new lead is saved before the old is unmarked.
        if commit and self.instance.pk:
            leads = [form for form in self._kept_forms() if form.cleaned_data.get("is_lead")]
            keep = [form.instance.pk for form in leads if form.instance.pk]
            if leads:
                self.get_queryset().filter(is_lead=True).exclude(pk__in=keep).update(is_lead=False)
        return super().save(commit=commit)


class PhotoChangeForm(PhotoForm):
    """One photo edited on its own (the photo list): it may not become a second lead."""

    def clean(self):
        cleaned = super().clean()
        photo = self.instance
        if cleaned.get("is_lead") and photo.content_type_id:
            others = Photo.objects.filter(
                content_type_id=photo.content_type_id, object_id=photo.object_id, is_lead=True
            ).exclude(pk=photo.pk)
            if others.exists():
                self.add_error(
                    "is_lead",
                    _("This item already has a lead image; untick it there first."),
                )
        return cleaned
