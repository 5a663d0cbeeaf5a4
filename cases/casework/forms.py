"""Casus-regie forms: validation only; views pass cleaned_data to the services."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from cases.casework.constants import (
    CASE_TRANSITIONS,
    CaseStatus,
    CloseReason,
    ContactInitiator,
    ContactKind,
    LegalFramework,
)
from cases.casework.reads import (
    NOBODY,
    SIGNAL_NO_CONTACT,
    SIGNAL_OVER_NORM,
    SIGNAL_OVERDUE,
    SIGNAL_UNASSIGNED,
    SIGNAL_WAITING,
    WerkbakFilter,
)
from cases.intake.constants import Relation, ZrmDomain
from cases.models import Person
from cases.persons.forms import NEW, PersonSearchForm
from gebiedsanalyse.models import Area
from wijkteam.forms import DATE_WIDGET, form_helper
from wijkteam.models import User, team_workers
from wijkteam.workflow import next_statuses

FIRST_ASSIGNMENT_REASON_LABEL = "Reden (optioneel)"


class CaseAssignForm(forms.Form):
    regievoerder = forms.ModelChoiceField(
        label="Regievoerder",
        queryset=User.objects.none(),
        error_messages={"required": "Kies een regievoerder."},
    )
    reason = forms.CharField(
        label="Reden (verplicht bij wisselen)", max_length=300, required=False
    )
    # The regievoerder the teamleider saw ("" for none): a version check.
    expected = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.helper = form_helper()
        self.fields["regievoerder"].queryset = team_workers(case.team).order_by(
            "first_name", "last_name"
        )
        self.initial.setdefault("expected", case.regievoerder_id or "")
        self.initial.setdefault("regievoerder", case.regievoerder_id)
        if not case.regievoerder_id:
            # A first assignment may say why this colleague (stored as a switch
            # reason is); only a switch demands one.
            self.fields["reason"].label = FIRST_ASSIGNMENT_REASON_LABEL

    def clean_expected(self):
        value = self.cleaned_data["expected"]
        return int(value) if value and value.isdigit() else None

    def clean(self):
        data = super().clean()
        # Judged on what the teamleider saw: a changed casus is the service's
        # conflict, with a clearer message than "give a reason".
        if data.get("expected") and not data.get("reason", "").strip():
            self.add_error(
                "reason", "Geef een reden voor het wisselen van regievoerder."
            )
        return data


class CaseloadForm(forms.Form):
    from_user = forms.ModelChoiceField(
        label="Caseload van",
        queryset=User.objects.none(),
        error_messages={"required": "Kies van wie de casussen worden overgedragen."},
    )
    to_users = forms.ModelMultipleChoiceField(
        label="Verdelen over",
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies een of meer collega's."},
    )
    reason = forms.CharField(
        label="Reden",
        max_length=300,
        error_messages={"required": "Geef een reden voor het overdragen."},
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        workers = team_workers(team).order_by("first_name", "last_name")
        self.fields["from_user"].queryset = workers
        self.fields["to_users"].queryset = workers

    def clean(self):
        data = super().clean()
        if data.get("from_user") and data.get("from_user") in data.get("to_users", []):
            self.add_error(
                "to_users", "Kies collega's anders dan de huidige regievoerder."
            )
        return data


class JournalForm(forms.Form):
    contact_on = forms.DateField(
        label="Datum contact",
        widget=DATE_WIDGET,
        error_messages={
            "required": "Vul de datum van het contact in.",
            "invalid": "Vul de datum in als dd-mm-jjjj.",
        },
    )
    kind = forms.ChoiceField(
        label="Soort contact",
        choices=[("", "— kies —"), *ContactKind.choices],
        error_messages={"required": "Kies de soort contact."},
    )
    initiated_by = forms.ChoiceField(
        label="Initiatief van", choices=ContactInitiator.choices
    )
    present = forms.CharField(label="Wie waren er", max_length=300, required=False)
    note = forms.CharField(
        label="Notitie",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf een notitie."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()


class CaseStatusForm(forms.Form):
    to = forms.ChoiceField(label="Nieuwe status")
    close_reason = forms.ChoiceField(
        label="Reden van afsluiten",
        choices=[("", "— kies bij afsluiten —"), *CloseReason.choices],
        required=False,
    )
    evaluation = forms.CharField(
        label="Evaluatie (bij afsluiten)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    legal_framework = forms.ChoiceField(
        label="Wettelijk kader (bij afsluiten)",
        choices=[("", "— bepaald door de leeftijd —"), *LegalFramework.choices],
        required=False,
        help_text=(
            "Bepaalt hoe lang de casus na afsluiten bewaard blijft. Leeg: bepaald "
            "door de leeftijd van de gezinsleden bij afsluiten (een minderjarige in "
            "het huishouden: Jeugdwet, anders Wmo)."
        ),
    )
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    # The statuses that need the closing fields; the page shows those fields only
    # for these (data-show-when, static/js/intake.js).
    CLOSING = (CaseStatus.AFGESLOTEN,)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.fields["to"].choices = next_statuses(
            CASE_TRANSITIONS, case.status, CaseStatus.choices
        )
        self.fields["to"].widget.attrs["aria-controls"] = "status-afsluiten"
        self.fields["legal_framework"].initial = case.legal_framework

    @property
    def closing_statuses(self) -> str:
        return ",".join(self.CLOSING)

    def clean(self):
        data = super().clean()
        closing = data.get("to") in self.CLOSING
        if closing:
            if not data.get("close_reason"):
                self.add_error("close_reason", "Kies de reden van afsluiten.")
            if not data.get("evaluation", "").strip():
                self.add_error("evaluation", "Schrijf een korte evaluatie.")
        # The kader is set when closing; a post without the field (or another
        # status) leaves what the casus has (None: unchanged).
        if not closing or "legal_framework" not in self.data:
            data["legal_framework"] = None
        return data


class CaseFilterForm(forms.Form):
    scope = forms.ChoiceField(
        label="Toon",
        choices=[("mine", "Mijn casussen"), ("team", "Hele team")],
        required=False,
    )
    q = forms.CharField(label="Zoeken op huishouden of naam", required=False)
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Alle open"), *CaseStatus.choices],
        required=False,
    )
    regievoerder = forms.ModelChoiceField(
        label="Regievoerder",
        queryset=User.objects.none(),
        required=False,
        empty_label="Iedereen",
    )
    leefgebied = forms.ChoiceField(
        label="Leefgebied",
        choices=[("", "Alle leefgebieden"), *ZrmDomain.choices],
        required=False,
    )
    buurt = forms.ModelChoiceField(
        label="Buurt",
        queryset=Area.objects.none(),
        to_field_name="code",
        required=False,
        empty_label="Alle buurten",
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regievoerder"].queryset = team_workers(team)
        self.fields["buurt"].queryset = Area.objects.buurten_of_team(team)
        self.fields["buurt"].label_from_instance = lambda area: area.name


class HouseholdMemberForm(PersonSearchForm):
    """Pick a resident from the person search, or make a new one from the typed
    fields, and give the relation."""

    person_choice = forms.CharField(required=False, initial=NEW)
    relation = forms.ChoiceField(
        label="Relatie", choices=Relation.choices, initial=Relation.KIND
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.helper = form_helper()
        for name in self.SEARCH_FIELDS:
            self.fields[name].widget.attrs["class"] = "zoekveld-lid"
        self.person = None

    def clean(self):
        data = super().clean()
        choice = (data.get("person_choice") or NEW).strip()
        if choice.isdigit():
            self.person = Person.objects.filter(
                team_id=self.case.team_id, pk=int(choice)
            ).first()
            if self.person is None:
                self.add_error("person_choice", "Kies een inwoner uit de lijst.")
        elif choice != NEW:
            self.add_error("person_choice", "Kies een inwoner uit de lijst.")
        elif not data.get("first_name"):
            self.add_error("first_name", "Vul de voornaam in van het nieuwe lid.")
        elif (
            data.get("bsn")
            and Person.objects.filter(
                team_id=self.case.team_id, bsn=data["bsn"]
            ).exists()
        ):
            self.add_error(
                "bsn", "Er is al een inwoner met dit BSN: kies hem in de lijst."
            )
        return data

    def service_kwargs(self) -> dict:
        kwargs = {"relation": self.cleaned_data["relation"]}
        if self.person is not None:
            kwargs["person"] = self.person
        else:
            keys = (
                "first_name",
                "prefix",
                "last_name",
                "postcode",
                "house_number",
                "bsn",
            )
            kwargs["new_person"] = {k: self.cleaned_data.get(k) or "" for k in keys}
            kwargs["new_person"]["birth_date"] = self.cleaned_data.get("birth_date")
        return kwargs


# Werkbak forms: the filter (GET) and the team members' contract hours.


class WerkbakFilterForm(forms.Form):
    signaal = forms.ChoiceField(
        label="Signaal",
        choices=[
            ("", "Alle"),
            (SIGNAL_UNASSIGNED, "Zonder regievoerder"),
            (SIGNAL_WAITING, "Te lang zonder regievoerder"),
            (SIGNAL_NO_CONTACT, "Geen contact"),
            (SIGNAL_OVERDUE, "Acties over de datum"),
            (SIGNAL_OVER_NORM, "Wachten langer dan de norm"),
        ],
        required=False,
    )
    regievoerder = forms.ChoiceField(label="Regievoerder", required=False)
    # A plain choice of codes: the buurten are read once (a ModelChoiceField
    # would iterate them through a server-side cursor on every render).
    buurt = forms.ChoiceField(label="Buurt", required=False)

    def __init__(self, *args, team, workers=None, **kwargs):
        """`workers`: the team's workers by name, when the caller has read them."""
        super().__init__(*args, **kwargs)
        if workers is None:
            workers = team_workers(team).order_by("first_name", "last_name")
        self.workers = {str(w.pk): w for w in workers}
        self.fields["regievoerder"].choices = [
            ("", "Iedereen"),
            (NOBODY, "Zonder regievoerder"),
            *((pk, str(w)) for pk, w in self.workers.items()),
        ]
        self.buurten = {a.code: a for a in Area.objects.buurten_of_team(team)}
        self.fields["buurt"].choices = [
            ("", "Alle buurten"),
            *((code, area.name) for code, area in self.buurten.items()),
        ]

    def to_filter(self) -> WerkbakFilter:
        """The filter to apply; an invalid or empty form filters nothing."""
        if not self.is_bound or not self.is_valid():
            return WerkbakFilter()
        data = self.cleaned_data
        rv = data.get("regievoerder") or None
        return WerkbakFilter(
            signal=data.get("signaal") or "",
            regievoerder=rv if rv in (None, NOBODY) else self.workers[rv],
            buurt=self.buurten.get(data.get("buurt") or ""),
        )


class ContractHoursForm(forms.Form):
    """One field per team worker: contract hours per week (empty: not known)."""

    def __init__(self, *args, workers, hours: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.workers = list(workers)
        for worker in self.workers:
            self.fields[f"uren_{worker.pk}"] = forms.DecimalField(
                label=f"Contracturen per week van {worker}",
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(60),
                max_digits=3,
                decimal_places=1,
                initial=hours.get(worker.pk),
                localize=True,
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "decimal",
                        "size": 5,
                        "class": "form-control w-auto",
                    }
                ),
                error_messages={
                    "invalid": "Vul een getal in, bijvoorbeeld 32 of 25,5.",
                    "min_value": "Vul 0 of meer uren in.",
                    "max_value": "Vul hoogstens 60 uur per week in.",
                    "max_digits": "Vul hoogstens 60 uur in, met één decimaal.",
                    "max_decimal_places": "Vul hoogstens één decimaal in.",
                },
            )

    def rows(self):
        return [(worker, self[f"uren_{worker.pk}"]) for worker in self.workers]

    def hours_by_user(self) -> dict:
        return {w.pk: self.cleaned_data.get(f"uren_{w.pk}") for w in self.workers}


class SignalSettingsForm(forms.Form):
    """The team's werkbak thresholds; the limits keep a signal meaningful."""

    no_contact_weeks = forms.IntegerField(
        label="Signaal na zoveel weken zonder contact",
        min_value=1,
        max_value=52,
        error_messages={
            "required": "Vul het aantal weken in.",
            "invalid": "Vul een heel aantal weken in.",
            "min_value": "Kies minstens 1 week.",
            "max_value": "Kies hoogstens 52 weken.",
        },
    )
    unassigned_days = forms.IntegerField(
        label="Signaal na zoveel dagen zonder regievoerder",
        min_value=1,
        max_value=90,
        error_messages={
            "required": "Vul het aantal dagen in.",
            "invalid": "Vul een heel aantal dagen in.",
            "min_value": "Kies minstens 1 dag.",
            "max_value": "Kies hoogstens 90 dagen.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        for field in self.fields.values():
            field.widget.attrs["inputmode"] = "numeric"
