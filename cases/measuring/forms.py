"""Forms of the metingen and moreel beraad tabs: validation only."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone

from cases.intake.constants import ZrmDomain, ZrmScore
from cases.models import LadderStep, Person
from wijkteam.forms import DATE_WIDGET, form_helper
from wijkteam.models import team_workers

DATE_ERRORS = {
    "invalid": "Vul de datum in als dd-mm-jjjj.",
    "required": "Vul de datum in.",
}


def _not_in_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError("De datum kan niet in de toekomst liggen.")
    return value


class _MemberForm(forms.Form):
    """A measurement of one household member of the casus."""

    person = forms.ModelChoiceField(
        label="Lid van het huishouden",
        queryset=Person.objects.none(),
        # Django's "---------" reads as a broken field; every select here says this.
        empty_label="— kies —",
        error_messages={
            "required": "Kies een lid van het huishouden.",
            "invalid_choice": "Kies een lid van dit huishouden.",
        },
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.helper = form_helper()
        self.fields["person"].queryset = Person.objects.filter(
            household_memberships__household_id=case.household_id
        ).order_by("first_name", "last_name")


class ZrmAssessmentForm(_MemberForm):
    assessed_on = forms.DateField(
        label="Datum meting", widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].widget.attrs["id"] = "id_zrm_person"
        self.fields["note"].widget.attrs["id"] = "id_zrm_note"
        for domain in ZrmDomain:
            self.fields[f"zrm_{domain.value}"] = forms.TypedChoiceField(
                label=domain.label,
                choices=[("", "niet gescoord"), *ZrmScore.choices],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={"invalid_choice": "Kies een score van 1 tot 5."},
            )

    @property
    def zrm_fields(self):
        return [self[f"zrm_{d.value}"] for d in ZrmDomain]

    def clean_assessed_on(self):
        return _not_in_future(self.cleaned_data["assessed_on"])

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.get(f"zrm_{d.value}") for d in ZrmDomain):
            raise forms.ValidationError("Scoor minstens één leefgebied.")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "person": data["person"],
            "assessed_on": data["assessed_on"],
            "note": data["note"],
            "scores": {d.value: data.get(f"zrm_{d.value}") for d in ZrmDomain},
        }


class LadderForm(_MemberForm):
    measured_on = forms.DateField(
        label="Datum", widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    step = forms.TypedChoiceField(
        label="Trede",
        choices=[("", "— kies —"), *LadderStep.choices],
        coerce=int,
        error_messages={
            "required": "Kies een trede.",
            "invalid_choice": "Kies een trede van 1 tot en met 6.",
        },
    )
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].widget.attrs["id"] = "id_ladder_person"
        self.fields["note"].widget.attrs["id"] = "id_ladder_note"

    def clean_measured_on(self):
        return _not_in_future(self.cleaned_data["measured_on"])


class MoralDeliberationForm(forms.Form):
    held_on = forms.DateField(
        label="Datum beraad", widget=DATE_WIDGET, error_messages=DATE_ERRORS
    )
    dilemma = forms.CharField(
        label="Vraag of dilemma",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf de vraag of het dilemma."},
    )
    perspectives = forms.CharField(
        label="Perspectieven (wat spreekt voor en tegen, vanuit wie)",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Beschrijf de perspectieven die zijn besproken."},
    )
    decision = forms.CharField(
        label="Besluit",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf het besluit."},
    )
    participants = forms.ModelMultipleChoiceField(
        label="Deelnemers uit het team",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Kies deelnemers uit uw team."},
    )
    other_participants = forms.CharField(
        label="Andere deelnemers (naam en rol)", max_length=300, required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.fields["participants"].queryset = team_workers(case.team).order_by(
            "first_name", "last_name"
        )

    def clean_held_on(self):
        return _not_in_future(self.cleaned_data["held_on"])

    def clean(self):
        data = super().clean()
        if (
            "participants" in data
            and not data.get("participants")
            and not data.get("other_participants")
        ):
            self.add_error("participants", "Geef aan wie er deelnamen.")
        return data


# --- corrections after saving -------------------------------------------


def _reason_field() -> forms.CharField:
    return forms.CharField(
        label="Reden van de correctie",
        max_length=300,
        help_text="Bijvoorbeeld: verkeerde score, verkeerd gezinslid gekozen.",
        error_messages={
            "required": "Geef de reden van de correctie.",
            "max_length": "Houd de reden kort: hoogstens 300 tekens.",
        },
    )


class ZrmCorrectionForm(ZrmAssessmentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = _reason_field()

    def service_kwargs(self) -> dict:
        return super().service_kwargs() | {"reason": self.cleaned_data["reason"]}

    @classmethod
    def initial_for(cls, assessment) -> dict:
        return {
            "person": assessment.person_id,
            "assessed_on": assessment.assessed_on,
            "note": assessment.note,
        } | {f"zrm_{s.domain}": s.score for s in assessment.scores.all()}


class LadderCorrectionForm(LadderForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = _reason_field()


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Reden van het intrekken",
        max_length=300,
        help_text="Bijvoorbeeld: bij het verkeerde gezinslid vastgelegd.",
        error_messages={
            "required": "Geef de reden van het intrekken.",
            "max_length": "Houd de reden kort: hoogstens 300 tekens.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()


class MoralDeliberationChangeForm(MoralDeliberationForm):
    """Also offers the record's own participants, should one have left the team."""

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        current = record.participants.values("pk")
        field = self.fields["participants"]
        field.queryset = field.queryset.model._default_manager.filter(
            Q(pk__in=field.queryset.values("pk")) | Q(pk__in=current)
        ).order_by("first_name", "last_name")
        self.fields["reason"] = _reason_field()
