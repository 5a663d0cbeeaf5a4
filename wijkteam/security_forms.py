"""Forms for two-factor authentication and the access log viewer: validation only."""

from __future__ import annotations

from django import forms

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row

from wijkteam.constants import AccessAction

DATE_INPUT = ["%d-%m-%Y"]


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="De 6 cijfers uit uw authenticator-app, of een herstelcode.",
        error_messages={"required": "Vul de code in."},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "inputmode": "text",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip().replace(" ", "").lower()


class SetupCodeForm(TwoFactorCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].max_length = 6
        self.fields["code"].help_text = "De 6 cijfers die de app nu toont."
        self.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "maxlength": 6}
        )


class AccessLogFilterForm(forms.Form):
    person = forms.IntegerField(
        label="Persoonsnummer",
        required=False,
        min_value=1,
        error_messages={
            "invalid": "Vul een persoonsnummer in (alleen cijfers).",
            "min_value": "Vul een persoonsnummer in (alleen cijfers).",
        },
    )
    user = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)
    date_from = forms.DateField(
        label="Van (dd-mm-jjjj)",
        required=False,
        input_formats=DATE_INPUT,
        error_messages={"invalid": "Vul een datum in als dd-mm-jjjj."},
    )
    date_to = forms.DateField(
        label="Tot en met (dd-mm-jjjj)",
        required=False,
        input_formats=DATE_INPUT,
        error_messages={"invalid": "Vul een datum in als dd-mm-jjjj."},
    )
    action = forms.ChoiceField(
        label="Actie",
        required=False,
        choices=[("", "Alle acties"), *AccessAction.choices],
        error_messages={"invalid_choice": "Kies een actie uit de lijst."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Row(
                Column("person", css_class="col-sm-6 col-lg-2"),
                Column("user", css_class="col-sm-6 col-lg-3"),
                Column("date_from", css_class="col-sm-6 col-lg-2"),
                Column("date_to", css_class="col-sm-6 col-lg-2"),
                Column("action", css_class="col-sm-12 col-lg-3"),
            )
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "De einddatum ligt voor de begindatum.")
        return cleaned
