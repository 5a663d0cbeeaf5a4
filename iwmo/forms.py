"""Forms: validation only; the view hands cleaned_data to the import service."""

from __future__ import annotations

from django import forms
from django.conf import settings

from wijkteam.forms import form_helper

UPLOAD_EXTENSIONS = (".xml", ".zip")


def max_upload_bytes() -> int:
    return settings.IWMO_UPLOAD_MAX_MB * 1024 * 1024


def too_big_message() -> str:
    return (
        f"Wat u koos is samen groter dan {settings.IWMO_UPLOAD_MAX_MB} MB. Kies minder "
        "bestanden, of importeer een grote map met `manage.py import_iwmo`."
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xml,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class BerichtUploadForm(forms.Form):
    files = MultipleFileField(
        label="Berichten",
        help_text="Een of meer iWmo-berichten (.xml, tot "
        f"{settings.DATA_UPLOAD_MAX_NUMBER_FILES} tegelijk), of een zip-bestand met "
        f"berichten. Samen hoogstens {settings.IWMO_UPLOAD_MAX_MB} MB.",
        error_messages={"required": "Kies een of meer bestanden."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if sum(upload.size for upload in uploads) > max_upload_bytes():
            raise forms.ValidationError(too_big_message())
        wrong = [
            upload.name
            for upload in uploads
            if not upload.name.lower().endswith(UPLOAD_EXTENSIONS)
        ]
        if wrong:
            raise forms.ValidationError(
                "Alleen .xml- en .zip-bestanden: "
                + ", ".join(wrong)
                + " is geen van beide."
            )
        return uploads
