"""Werkbak forms: the filter (GET) and the team members' contract hours."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from cases.services_casework import team_workers
from cases.werkbak import (
    NOBODY,
    SIGNAL_NO_CONTACT,
    SIGNAL_OVER_NORM,
    SIGNAL_OVERDUE,
    SIGNAL_UNASSIGNED,
    SIGNAL_WAITING,
    WerkbakFilter,
)
from gebiedsanalyse.models import Area


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
