"""Forms of the plan: validation only; the views pass cleaned_data to
`cases.plan.services`. Household members and team members are handed in by the
view (already loaded), so a form adds no queries to the page."""

from __future__ import annotations

from django import forms

from cases.intake.constants import ZrmDomain
from cases.plan.constants import GOAL_TRANSITIONS, ActionWho, GoalOwner, GoalStatus
from wijkteam.forms import DATE_WIDGET, form_helper
from wijkteam.workflow import next_statuses

DATE_ERRORS = {"invalid": "Vul de datum in als dd-mm-jjjj."}


def _date(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=DATE_WIDGET,
        error_messages=DATE_ERRORS,
        **kwargs,
    )


class _PickFromList(forms.Form):
    """A choice among objects the view already loaded: value = pk."""

    def _pick(self, field: str, objects: dict, kind_field: str, kind: str, message):
        value = self.cleaned_data.get(field)
        if self.cleaned_data.get(kind_field) != kind:
            return None
        chosen = objects.get(str(value)) if value else None
        if chosen is None:
            self.add_error(field, message)
        return chosen


class GoalForm(_PickFromList):
    domain = forms.ChoiceField(
        label="Leefgebied",
        choices=[("", "— kies —"), *ZrmDomain.choices],
        error_messages={"required": "Kies het leefgebied."},
    )
    text = forms.CharField(
        label="Doel, in de woorden van de inwoner",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": "Schrijf het doel op zoals de inwoner het zegt."},
    )
    owner_kind = forms.ChoiceField(
        label="Van wie is het doel",
        choices=GoalOwner.choices,
        initial=GoalOwner.INWONER,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies van wie het doel is."},
    )
    owner_member = forms.ChoiceField(label="Lid van het huishouden", required=False)
    owner_name = forms.CharField(
        label="Naam (netwerk of professional)",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld: buurvrouw Els, of J. Bakker (schuldhulp).",
    )
    start_on = _date("Startdatum")
    target_on = _date("Streefdatum")

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.members = {str(m.pk): m for m in members}
        self.fields["owner_member"].choices = [
            ("", "— kies —"),
            *((str(m.pk), m.person.full_name) for m in members),
        ]

    def clean(self):
        data = super().clean()
        data["owner_member"] = self._pick(
            "owner_member",
            self.members,
            "owner_kind",
            GoalOwner.INWONER,
            "Kies het lid van het huishouden van wie het doel is.",
        )
        if data.get("owner_kind") in (GoalOwner.NETWERK, GoalOwner.PROFESSIONAL):
            if not data.get("owner_name", "").strip():
                self.add_error("owner_name", "Vul de naam in van wie het doel is.")
        else:
            data["owner_name"] = ""
        start, target = data.get("start_on"), data.get("target_on")
        if start and target and target < start:
            self.add_error("target_on", "De streefdatum ligt vóór de startdatum.")
        return data


class GoalStatusForm(forms.Form):
    to = forms.ChoiceField(
        label="Nieuwe status", error_messages={"required": "Kies de nieuwe status."}
    )
    note = forms.CharField(label="Toelichting", max_length=300, required=False)

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = next_statuses(
            GOAL_TRANSITIONS, goal.status, GoalStatus.choices
        )
        self.fields["to"].error_messages["invalid_choice"] = (
            f"Van '{goal.get_status_display()}' kan het doel niet naar die status."
        )


class ActionForm(_PickFromList):
    what = forms.CharField(
        label="Wat",
        max_length=300,
        error_messages={"required": "Schrijf op wat er gebeurt."},
    )
    who_kind = forms.ChoiceField(
        label="Wie doet het",
        choices=ActionWho.choices,
        initial=ActionWho.HUISHOUDEN,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wie de actie doet."},
    )
    who_member = forms.ChoiceField(label="Welk lid van het huishouden", required=False)
    who_user = forms.ChoiceField(label="Welk teamlid", required=False)
    who_name = forms.CharField(
        label="Naam (netwerk of externe professional)",
        max_length=200,
        required=False,
    )
    due_on = _date("Uiterlijk op")
    done_on = _date("Gedaan op")

    def __init__(self, *args, members, workers, with_done=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
        self.members = {str(m.pk): m for m in members}
        self.workers = {str(u.pk): u for u in workers}
        self.fields["who_member"].choices = [
            ("", "— kies —"),
            *((str(m.pk), m.person.full_name) for m in members),
        ]
        self.fields["who_user"].choices = [
            ("", "— kies —"),
            *((str(u.pk), u.get_full_name() or u.get_username()) for u in workers),
        ]
        if not with_done:
            del self.fields["done_on"]

    def clean(self):
        data = super().clean()
        data["who_member"] = self._pick(
            "who_member",
            self.members,
            "who_kind",
            ActionWho.HUISHOUDEN,
            "Kies het lid van het huishouden dat de actie doet.",
        )
        data["who_user"] = self._pick(
            "who_user",
            self.workers,
            "who_kind",
            ActionWho.TEAMLID,
            "Kies het teamlid dat de actie doet.",
        )
        if data.get("who_kind") in (ActionWho.NETWERK, ActionWho.EXTERN):
            if not data.get("who_name", "").strip():
                self.add_error("who_name", "Vul de naam in van wie de actie doet.")
        else:
            data["who_name"] = ""
        return data


class ActionDoneForm(forms.Form):
    done_on = _date("Gedaan op")


class VaststellenForm(forms.Form):
    agreed_with_resident = forms.TypedChoiceField(
        label="Is het plan zo afgesproken met de inwoner?",
        choices=[("ja", "Ja"), ("nee", "Nee, nog niet")],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Geef aan of het plan is afgesproken met de inwoner."
        },
    )
    note = forms.CharField(
        label="Toelichting (niet verplicht)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper()
