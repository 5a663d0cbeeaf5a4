"""The beheerder's search for the person an inzageverzoek is about."""

from __future__ import annotations

from django import forms

from crispy_forms.helper import FormHelper

from cases.persons.validators import normalize_bsn, validate_bsn
from wijkteam.forms import DATE_WIDGET


class InzageSearchForm(forms.Form):
    bsn = forms.CharField(
        label="BSN",
        max_length=11,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    last_name = forms.CharField(label="Achternaam", max_length=120, required=False)
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": "Vul de datum in als dd-mm-jjjj."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_bsn(self) -> str:
        bsn = normalize_bsn(self.cleaned_data["bsn"])
        if bsn:
            validate_bsn(bsn)
        return bsn

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if not data.get("bsn") and not (
            data.get("last_name") and data.get("birth_date")
        ):
            raise forms.ValidationError(
                "Vul een BSN in, of een achternaam en een geboortedatum: een "
                "inzageverzoek gaat over precies één persoon."
            )
        return data

    def search_criteria(self) -> dict:
        data = self.cleaned_data
        return {
            "bsn": data.get("bsn", ""),
            "name": data.get("last_name", ""),
            "birth_date": data.get("birth_date"),
        }
