"""Forms of the network, zorgaanbieders, verwijzingen and toekenningen:
validation only, Dutch errors next to the field; the views hand cleaned_data
to `cases.network.services`."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from cases.models import Provider, ProviderProduct
from cases.network.constants import (
    ALLOCATION_FILTER_ALL,
    ALLOCATION_FILTER_RUNNING,
    ALLOCATION_START_STATUSES,
    ALLOCATION_TRANSITIONS,
    REFERRAL_TRANSITIONS,
    AllocationKind,
    AllocationStatus,
    LegalBasis,
    NetworkKind,
    ReferralStatus,
)
from wijkteam.forms import DATE_WIDGET, form_helper
from wijkteam.workflow import next_statuses

DATE_ERRORS = {"invalid": "Vul de datum in als dd-mm-jjjj."}


def _date(label: str, *, required: bool = True, missing: str = "") -> forms.DateField:
    errors = dict(DATE_ERRORS)
    if missing:
        errors["required"] = missing
    return forms.DateField(
        label=label, widget=DATE_WIDGET, required=required, error_messages=errors
    )


def _not_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError("Deze datum ligt in de toekomst.")
    return value


class _Form(forms.Form):
    # Several of these forms share a page: each its own id prefix, so every
    # label points at its own field.
    id_prefix = "id_%s"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", self.id_prefix)
        super().__init__(*args, **kwargs)
        self.helper = form_helper()


# --- network ------------------------------------------------------------------


class NetworkEntryForm(_Form):
    id_prefix = "netwerk_%s"
    kind = forms.ChoiceField(
        label="Soort",
        choices=[("", "— kies —"), *NetworkKind.choices],
        error_messages={"required": "Kies wie dit is: professional of familie, …"},
    )
    name = forms.CharField(
        label="Naam", max_length=120, error_messages={"required": "Vul een naam in."}
    )
    relation = forms.CharField(
        label="Relatie of rol",
        max_length=120,
        required=False,
        help_text="Bijvoorbeeld: zus van moeder, buurman, jeugdverpleegkundige.",
    )
    organisation = forms.CharField(
        label="Organisatie (professional)", max_length=120, required=False
    )
    moederorganisatie = forms.CharField(
        label="Moederorganisatie", max_length=120, required=False
    )
    contact = forms.CharField(
        label="Contact (telefoon of e-mail)", max_length=200, required=False
    )
    since = _date("Betrokken sinds", missing="Vul in sinds wanneer.")
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    def clean_since(self):
        return _not_future(self.cleaned_data["since"])

    def clean(self):
        data = super().clean()
        if data.get("kind") == NetworkKind.PROFESSIONAL and not data.get(
            "organisation"
        ):
            self.add_error("organisation", "Vul de organisatie van de professional in.")
        return data


class NetworkEndForm(_Form):
    until = _date("Betrokken tot", missing="Vul in tot wanneer.")


# --- zorgaanbieders -----------------------------------------------------------


class ProviderForm(_Form):
    name = forms.CharField(
        label="Naam", max_length=160, error_messages={"required": "Vul een naam in."}
    )
    contact = forms.CharField(label="Contact", max_length=200, required=False)
    website = forms.URLField(
        assume_scheme="https",
        label="Website",
        required=False,
        error_messages={"invalid": "Vul een volledig webadres in (https://…)."},
    )
    is_active = forms.BooleanField(label="Actief", required=False, initial=True)


WEEKS = {"min_value": 0, "max_value": 520}
WEEK_ERRORS = {
    "required": "Vul het aantal weken in.",
    "invalid": "Vul een heel aantal weken in.",
    "min_value": "Vul 0 of meer weken in.",
    "max_value": "Vul hoogstens 520 weken in.",
}


class ProductForm(_Form):
    name = forms.CharField(
        label="Product",
        max_length=160,
        error_messages={"required": "Vul de naam van het product in."},
    )
    norm_weeks = forms.IntegerField(
        label="Wachttijdnorm (weken)", error_messages=WEEK_ERRORS, **WEEKS
    )
    wait_weeks = forms.IntegerField(
        label="Actuele wachttijd (weken)",
        required=False,
        error_messages=WEEK_ERRORS,
        **WEEKS,
    )


class ProductUpdateForm(_Form):
    norm_weeks = forms.IntegerField(
        label="Wachttijdnorm (weken)", error_messages=WEEK_ERRORS, **WEEKS
    )
    is_active = forms.BooleanField(label="Actief", required=False)


class WaitingTimeForm(_Form):
    weeks = forms.IntegerField(
        label="Actuele wachttijd (weken)", error_messages=WEEK_ERRORS, **WEEKS
    )
    valid_from = _date("Geldt vanaf", missing="Vul in vanaf wanneer.")
    note = forms.CharField(label="Bron of toelichting", max_length=200, required=False)

    def clean_valid_from(self):
        return _not_future(self.cleaned_data["valid_from"])


# --- verwijzingen -------------------------------------------------------------


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ProviderProduct) -> str:
        return obj.choice_label()


def team_products(team):
    return (
        ProviderProduct.objects.filter(
            provider__team=team, provider__is_active=True, is_active=True
        )
        .select_related("provider")
        .order_by("provider__name", "name")
    )


class ReferralForm(_Form):
    id_prefix = "verwijzing_%s"
    product = ProductChoiceField(
        label="Zorgaanbieder en product",
        queryset=ProviderProduct.objects.none(),
        empty_label="— kies —",
        error_messages={
            "required": "Kies een zorgaanbieder en product.",
            "invalid_choice": "Kies een product uit de lijst.",
        },
    )
    reason = forms.CharField(
        label="Reden van verwijzen",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf waarom u verwijst."},
    )
    asked_on = _date("Aangevraagd op", missing="Vul de aanvraagdatum in.")

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = team_products(team)

    def clean_asked_on(self):
        return _not_future(self.cleaned_data["asked_on"])


class ReferralStatusForm(_Form):
    to = forms.ChoiceField(label="Nieuwe status")
    on = _date("Datum", missing="Vul de datum in.")
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = next_statuses(
            REFERRAL_TRANSITIONS, referral.status, ReferralStatus.choices
        )
        self.fields["to"].error_messages["invalid_choice"] = (
            "Deze status kan vanaf hier niet."
        )
        self.initial.setdefault("on", timezone.localdate())
        self.referral = referral

    def clean_on(self):
        return _not_future(self.cleaned_data["on"])

    def clean(self):
        data = super().clean()
        on = data.get("on")
        started = data.get("to") == ReferralStatus.GESTART
        if on and started and on < self.referral.asked_on:
            self.add_error("on", "De zorg kan niet vóór de aanvraag starten.")
        return data


# --- toekenningen -------------------------------------------------------------


class AllocationForm(_Form):
    id_prefix = "toekenning_%s"
    kind = forms.ChoiceField(
        label="Soort voorziening",
        choices=[("", "— kies —"), *AllocationKind.choices],
        error_messages={"required": "Kies de soort voorziening."},
    )
    legal_basis = forms.ChoiceField(
        label="Wettelijke grondslag",
        choices=[("", "— kies —"), *LegalBasis.choices],
        error_messages={"required": "Kies de wettelijke grondslag."},
    )
    provider = forms.ModelChoiceField(
        label="Zorgaanbieder",
        queryset=Provider.objects.none(),
        required=False,
        empty_label="— geen of onbekend —",
    )
    description = forms.CharField(label="Omschrijving", max_length=200, required=False)
    status = forms.ChoiceField(
        label="Status",
        choices=[
            (v, label)
            for v, label in AllocationStatus.choices
            if v in ALLOCATION_START_STATUSES
        ],
    )
    decided_on = _date("Besluitdatum", required=False)
    start_on = _date("Ingangsdatum", required=False)
    end_on = _date("Einddatum", required=False)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Provider.objects.filter(
            team=team, is_active=True
        )

    def clean_decided_on(self):
        return _not_future(self.cleaned_data["decided_on"])

    def clean(self):
        data = super().clean()
        granted = data.get("status") == AllocationStatus.TOEGEKEND
        if granted and not data.get("decided_on") and "decided_on" not in self.errors:
            self.add_error("decided_on", "Vul de besluitdatum in van de toekenning.")
        start, end = data.get("start_on"), data.get("end_on")
        if start and end and end < start:
            self.add_error("end_on", "De einddatum ligt vóór de ingangsdatum.")
        return data


class AllocationStatusForm(_Form):
    to = forms.ChoiceField(label="Nieuwe status")
    on = _date("Datum (besluit of einde)", missing="Vul de datum in.")
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    def __init__(self, *args, allocation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = next_statuses(
            ALLOCATION_TRANSITIONS, allocation.status, AllocationStatus.choices
        )
        self.fields["to"].error_messages["invalid_choice"] = (
            "Deze status kan vanaf hier niet."
        )
        self.initial.setdefault("on", timezone.localdate())
        self.allocation = allocation

    def clean(self):
        data = super().clean()
        on = data.get("on")
        start = self.allocation.start_on
        if on and data.get("to") == AllocationStatus.BEEINDIGD and start and on < start:
            self.add_error("on", "De einddatum ligt vóór de ingangsdatum.")
        return data


class AllocationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            (ALLOCATION_FILTER_RUNNING, "Lopend (toegekend, niet verlopen)"),
            *AllocationStatus.choices,
            (ALLOCATION_FILTER_ALL, "Alle"),
        ],
    )
    kind = forms.ChoiceField(
        label="Soort voorziening",
        required=False,
        choices=[("", "Alle soorten"), *AllocationKind.choices],
    )
    legal_basis = forms.ChoiceField(
        label="Grondslag",
        required=False,
        choices=[("", "Alle grondslagen"), *LegalBasis.choices],
    )


class NetworkEntryEditForm(NetworkEntryForm):
    """Betrokkene wijzigen: everything but the kind (a professional keeps an
    organisation)."""

    id_prefix = "id_%s"

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        del self.fields["kind"]

    def clean(self):
        data = forms.Form.clean(self)
        if self.entry.kind == NetworkKind.PROFESSIONAL and not data.get("organisation"):
            self.add_error("organisation", "Vul de organisatie van de professional in.")
        return data
