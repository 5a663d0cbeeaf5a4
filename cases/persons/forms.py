from __future__ import annotations

from django import forms

from cases.persons.validators import normalize_bsn, normalize_postcode, validate_bsn
from wijkteam.forms import DATE_WIDGET

NEW = "nieuw"
ANONYMOUS = "anoniem"


class PersonSearchForm(forms.Form):
    """The desk's search fields; also the data of a new resident."""

    first_name = forms.CharField(label="Voornaam", max_length=80, required=False)
    prefix = forms.CharField(label="Tussenvoegsel", max_length=20, required=False)
    last_name = forms.CharField(label="Achternaam", max_length=120, required=False)
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=DATE_WIDGET,
        error_messages={"invalid": "Vul de datum in als dd-mm-jjjj."},
    )
    postcode = forms.CharField(label="Postcode", max_length=7, required=False)
    house_number = forms.CharField(label="Huisnummer", max_length=12, required=False)
    bsn = forms.CharField(
        label="BSN",
        max_length=11,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="Niet verplicht. Wordt gecontroleerd met de 11-proef.",
    )

    SEARCH_FIELDS = (
        "first_name", "prefix", "last_name", "birth_date", "postcode",
        "house_number", "bsn",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.SEARCH_FIELDS:
            # The htmx search listens to and sends the fields with this class.
            self.fields[name].widget.attrs["class"] = "zoekveld"

    def clean_bsn(self) -> str:
        bsn = normalize_bsn(self.cleaned_data["bsn"])
        if bsn:
            validate_bsn(bsn)
        return bsn

    def clean_postcode(self) -> str:
        return normalize_postcode(self.cleaned_data["postcode"])

    def search_criteria(self) -> dict:
        data = self.cleaned_data if self.is_bound else {}
        name = " ".join(
            data.get(f, "") or "" for f in ("first_name", "prefix", "last_name")
        )
        return {
            "name": name,
            "birth_date": data.get("birth_date"),
            "postcode": data.get("postcode", ""),
            "house_number": data.get("house_number", ""),
            "bsn": data.get("bsn", ""),
        }
