"""Forms: validation only, with a crispy FormHelper; views pass cleaned_data on."""

from __future__ import annotations

import uuid

from django import forms

from cases.intake.constants import (
    Channel,
    ClarificationDecision,
    IntakeOutcome,
    PresentParty,
    QuestionStatus,
    Urgency,
    ZrmDomain,
    ZrmScore,
)
from cases.models import Person, Voorziening
from cases.persons.forms import ANONYMOUS, NEW, PersonSearchForm
from gebiedsanalyse.models import Area
from wijkteam.forms import (
    DATE_WIDGET,
    DATETIME_HELP,
    DATETIME_INPUT_FORMATS,
    DATETIME_INVALID,
    DATETIME_WIDGET,
    form_helper,
)
from wijkteam.models import User, team_workers


class QuestionRegisterForm(PersonSearchForm):
    street = forms.CharField(label="Straat", max_length=120, required=False)
    city = forms.CharField(label="Plaats", max_length=80, required=False)
    phone = forms.CharField(label="Telefoon", max_length=20, required=False)
    email = forms.EmailField(
        label="E-mail",
        required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in."},
    )
    buurt = forms.ModelChoiceField(
        label="Buurt",
        queryset=Area.objects.none(),
        required=False,
        empty_label="— onbekend —",
        help_text="Alleen de buurten waar uw team werkt.",
        error_messages={"invalid_choice": "Kies een buurt uit de lijst."},
    )
    person_choice = forms.CharField(required=False, initial=NEW)
    confirm_new = forms.BooleanField(
        label="Het is echt een andere persoon: maak een nieuwe inwoner aan",
        required=False,
    )
    anonymous_label = forms.CharField(
        label="Anoniem: voornaam of omschrijving", max_length=120, required=False
    )
    channel = forms.ChoiceField(
        label="Kanaal",
        choices=Channel.choices,
        initial=Channel.INLOOP,
        widget=forms.RadioSelect,
    )
    signaller_name = forms.CharField(
        label="Wie signaleert", max_length=120, required=False
    )
    signaller_organisation = forms.CharField(
        label="Organisatie van de melder", max_length=120, required=False
    )
    text = forms.CharField(
        label="Vraag in de woorden van de inwoner",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf de vraag op."},
    )
    domains = forms.MultipleChoiceField(
        label="Leefgebieden",
        choices=ZrmDomain.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    urgency = forms.ChoiceField(
        label="Urgentie",
        choices=Urgency.choices,
        initial=Urgency.NORMAAL,
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label="Uitkomst van de vraagverkenning",
        choices=IntakeOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de uitkomst van de vraagverkenning."},
    )
    outcome_note = forms.CharField(
        label="Toelichting (welk antwoord of advies)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    voorziening = forms.ModelChoiceField(
        label="Voorliggende voorziening",
        queryset=Voorziening.objects.none(),
        required=False,
        empty_label="— kies uit de lijst —",
    )
    voorziening_text = forms.CharField(
        label="Of een andere voorziening", max_length=160, required=False
    )
    assigned_to = forms.ModelChoiceField(
        label="Wijkteamlid",
        queryset=User.objects.none(),
        required=False,
        empty_label="— niemand: in de wachtrij van het team —",
    )
    appointment_at = forms.DateTimeField(
        label="Afspraak (datum en tijd)",
        required=False,
        widget=DATETIME_WIDGET,
        input_formats=DATETIME_INPUT_FORMATS,
        help_text=DATETIME_HELP,
        error_messages={"invalid": DATETIME_INVALID},
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.helper = form_helper()
        self.fields["first_name"].widget.attrs["autofocus"] = True
        self.fields["voorziening"].queryset = Voorziening.objects.filter(is_active=True)
        self.fields["assigned_to"].queryset = team_workers(team)
        self.fields["buurt"].queryset = Area.objects.buurten_of_team(team)
        self.fields["buurt"].label_from_instance = lambda area: area.name
        self.fields["assigned_to"].label_from_instance = lambda u: str(u)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())
        self.person = None
        self.duplicates = Person.objects.none()

    def clean(self):
        data = super().clean()
        self._clean_person(data)
        if data.get("channel") == Channel.SIGNAAL and not (
            data.get("signaller_name") or data.get("signaller_organisation")
        ):
            self.add_error(
                "signaller_name", "Vul in wie het signaal afgeeft, of de organisatie."
            )
        outcome = data.get("outcome")
        if outcome == IntakeOutcome.DOORVERWEZEN and not (
            data.get("voorziening") or data.get("voorziening_text")
        ):
            self.add_error(
                "voorziening",
                "Kies de voorziening waarnaar u verwijst, of vul er een in.",
            )
        if outcome == IntakeOutcome.VRAAGVERHELDERING:
            if data.get("appointment_at") and not data.get("assigned_to"):
                self.add_error(
                    "assigned_to", "Kies het wijkteamlid bij wie de afspraak is."
                )
            if data.get("assigned_to") and not data.get("appointment_at"):
                self.add_error(
                    "appointment_at",
                    "Kies een tijdstip, of laat het wijkteamlid leeg voor de wachtrij.",
                )
        return data

    def _clean_person(self, data) -> None:
        choice = (data.get("person_choice") or NEW).strip()
        data["person_choice"] = choice
        if choice == ANONYMOUS:
            label = data.get("anonymous_label") or data.get("first_name")
            if not label:
                self.add_error(
                    "anonymous_label", "Vul een voornaam of korte omschrijving in."
                )
            data["anonymous_label"] = label
            return
        if choice.isdigit():
            self.person = Person.objects.filter(team=self.team, pk=int(choice)).first()
            if self.person is None:
                self.add_error("person_choice", "Kies een inwoner uit de lijst.")
            return
        if choice != NEW:
            self.add_error("person_choice", "Kies een inwoner uit de lijst.")
            return
        if not data.get("first_name") and not data.get("last_name"):
            self.add_error(
                "first_name",
                "Vul de naam in van de nieuwe inwoner, of kies 'anoniem'.",
            )
            return
        if (
            data.get("bsn")
            and "bsn" not in self.errors
            and Person.objects.filter(team=self.team, bsn=data["bsn"]).exists()
        ):
            self.add_error(
                "bsn",
                "Er is al een inwoner met dit BSN. Kies deze inwoner in de lijst.",
            )
            return
        self.duplicates = self._likely_duplicates(data)
        if self.duplicates and not data.get("confirm_new"):
            self.add_error(
                "person_choice",
                "Deze inwoner lijkt al bekend. Kies de inwoner in de lijst, of "
                "bevestig dat het een andere persoon is.",
            )

    def _likely_duplicates(self, data) -> list[Person]:
        team_persons = Person.objects.of_team(self.team)
        name = " ".join(filter(None, (data.get("first_name"), data.get("last_name"))))
        found = []
        if data.get("birth_date") and name:
            found += team_persons.matching(name=name, birth_date=data["birth_date"])[:5]
        if data.get("postcode") and data.get("house_number") and name:
            found += team_persons.matching(
                name=data.get("last_name") or name,
                postcode=data["postcode"],
                house_number=data["house_number"],
            )[:5]
        return list({p.pk: p for p in found}.values())

    def new_person_data(self) -> dict:
        keys = (
            "first_name", "prefix", "last_name", "bsn", "street", "house_number",
            "postcode", "city", "phone", "email",
        )  # fmt: skip
        data = {k: self.cleaned_data.get(k) or "" for k in keys}
        data["birth_date"] = self.cleaned_data.get("birth_date")
        data["buurt"] = self.cleaned_data.get("buurt")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {
            k: data[k]
            for k in (
                "channel", "signaller_name", "signaller_organisation", "text",
                "domains", "urgency", "outcome", "outcome_note", "voorziening",
                "voorziening_text", "assigned_to", "appointment_at",
                "idempotency_key",
            )
        }  # fmt: skip
        choice = data["person_choice"]
        if choice == ANONYMOUS:
            kwargs["anonymous_label"] = data["anonymous_label"]
        elif self.person is not None:
            kwargs["person"] = self.person
        else:
            kwargs["new_person"] = self.new_person_data()
        if data["outcome"] != IntakeOutcome.DOORVERWEZEN:
            kwargs["voorziening"], kwargs["voorziening_text"] = None, ""
        if data["channel"] != Channel.SIGNAAL:
            kwargs["signaller_name"] = kwargs["signaller_organisation"] = ""
        return kwargs


class QuestionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Alle statussen"), *QuestionStatus.choices],
        required=False,
    )
    channel = forms.ChoiceField(
        label="Kanaal", choices=[("", "Alle kanalen"), *Channel.choices], required=False
    )


class QuestionPlanForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        label="Wijkteamlid",
        queryset=User.objects.none(),
        required=False,
        empty_label="— niemand: terug in de wachtrij —",
    )
    appointment_at = forms.DateTimeField(
        label="Afspraak (datum en tijd)",
        required=False,
        widget=DATETIME_WIDGET,
        input_formats=DATETIME_INPUT_FORMATS,
        help_text=DATETIME_HELP,
        error_messages={"invalid": DATETIME_INVALID},
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.fields["assigned_to"].queryset = team_workers(team)


class VraagverhelderingForm(forms.Form):
    held_on = forms.DateField(
        label="Datum gesprek",
        widget=DATE_WIDGET,
        error_messages={
            "invalid": "Vul de datum in als dd-mm-jjjj.",
            "required": "Vul de datum van het gesprek in.",
        },
    )
    present = forms.MultipleChoiceField(
        label="Wie waren er bij het gesprek",
        choices=PresentParty.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies wie er bij het gesprek waren."},
    )
    present_note = forms.CharField(
        label="Namen en rol (bijvoorbeeld: partner, buurvrouw)",
        max_length=300,
        required=False,
    )
    real_question = forms.CharField(
        label="Wat is de eigenlijke vraag",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Beschrijf de eigenlijke vraag."},
    )
    decision = forms.ChoiceField(
        label="Besluit",
        choices=ClarificationDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies een besluit."},
    )
    decision_note = forms.CharField(
        label="Reden (bij afsluiten) of afspraken",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.helper = form_helper()
        for domain in ZrmDomain:
            self.fields[f"zrm_{domain.value}"] = forms.TypedChoiceField(
                label=domain.label,
                choices=[("", "niet gescoord"), *ZrmScore.choices],
                coerce=int,
                empty_value=None,
                required=False,
            )

    @property
    def zrm_fields(self):
        return [self[f"zrm_{d.value}"] for d in ZrmDomain]

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == ClarificationDecision.AFSLUITEN and not data.get(
            "decision_note"
        ):
            self.add_error("decision_note", "Geef de reden van het afsluiten.")
        if (
            decision == ClarificationDecision.CASUS_OPENEN
            and self.question.person_id is None
        ):
            self.add_error(
                "decision",
                "Een casus kan alleen voor een bekende inwoner: registreer eerst de "
                "inwoner (de vraag is anoniem).",
            )
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "held_on": data["held_on"],
            "present": data["present"],
            "present_note": data["present_note"],
            "real_question": data["real_question"],
            "decision": data["decision"],
            "decision_note": data["decision_note"],
            "zrm_scores": {
                d.value: data[f"zrm_{d.value}"]
                for d in ZrmDomain
                if data.get(f"zrm_{d.value}")
            },
        }
