"""The teamcijfers' filter: a period and optionally one of the team's buurten."""

from __future__ import annotations

from django import forms

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from gebiedsanalyse.models import Area


class TeamFiguresForm(forms.Form):
    """Period (dd-mm-jjjj, default the last 12 months) and optionally one buurt."""

    van = forms.DateField(
        label="Van",
        required=False,
        widget=forms.DateInput(
            format="%d-%m-%Y",
            attrs={"placeholder": "dd-mm-jjjj", "inputmode": "numeric"},
        ),
        error_messages={"invalid": "Vul de datum in als dd-mm-jjjj."},
    )
    tot = forms.DateField(
        label="Tot en met",
        required=False,
        widget=forms.DateInput(
            format="%d-%m-%Y",
            attrs={"placeholder": "dd-mm-jjjj", "inputmode": "numeric"},
        ),
        error_messages={"invalid": "Vul de datum in als dd-mm-jjjj."},
    )
    buurt = forms.ModelChoiceField(
        label="Buurt",
        queryset=Area.objects.none(),
        to_field_name="code",
        required=False,
        empty_label="— alle buurten van het team —",
        error_messages={"invalid_choice": "Kies een buurt van uw team."},
    )

    def __init__(self, *args, team, default, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default
        self.fields["buurt"].queryset = Area.objects.buurten_of_team(team)
        self.fields["buurt"].label_from_instance = lambda area: area.name
        self.fields["van"].initial = default.start
        self.fields["tot"].initial = default.end
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.add_input(Submit("", "Toon cijfers"))

    def clean(self):
        data = super().clean()
        start = data.get("van") or self.default.start
        end = data.get("tot") or self.default.end
        if "van" not in self.errors and "tot" not in self.errors and start > end:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        data["van"], data["tot"] = start, end
        return data
