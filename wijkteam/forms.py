from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from crispy_forms.helper import FormHelper

DATE_ATTRS = {"placeholder": "dd-mm-jjjj", "inputmode": "numeric"}
# Text, not type=date: the desk types dd-mm-jjjj faster than it picks from a calendar.
DATE_WIDGET = forms.DateInput(format="%d-%m-%Y", attrs=DATE_ATTRS)
DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)


def form_helper() -> FormHelper:
    """Crispy renders the fields only: the template writes the <form> and its token."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Gebruikersnaam of wachtwoord klopt niet. "
        "Let op hoofdletters en kleine letters.",
        "inactive": "Dit account is niet actief. "
        "Neem contact op met functioneel beheer.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        # Django sets max_length after the field is built, without its validator: a
        # longer name reached the login throttle's 255-character column (500).
        self.fields["username"].validators.append(
            MaxLengthValidator(self.fields["username"].max_length or 150)
        )
        self.fields["username"].widget.attrs.update(
            {"autofocus": True, "autocomplete": "username"}
        )
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )
