from django import forms
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.core.validators import MaxLengthValidator

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row

from wijkteam.constants import Role

DATE_ATTRS = {"placeholder": "dd-mm-jjjj", "inputmode": "numeric"}
# Text, not type=date: the desk types dd-mm-jjjj faster than it picks from a calendar.
DATE_WIDGET = forms.DateInput(format="%d-%m-%Y", attrs=DATE_ATTRS)
# One convention for a moment too: dd-mm-jjjj uu:mm, 24-hour, typed like a birth date
# (a native picker showed the browser's own format, often mm/dd/yyyy with AM/PM).
# No inputmode: a numeric keypad has no space or colon.
DATETIME_WIDGET = forms.DateTimeInput(
    format="%d-%m-%Y %H:%M", attrs={"placeholder": "dd-mm-jjjj uu:mm"}
)
# 14.30 is how many Dutch write a time; the ISO form keeps older links and posts.
DATETIME_INPUT_FORMATS = ["%d-%m-%Y %H:%M", "%d-%m-%Y %H.%M", "%Y-%m-%dT%H:%M"]
DATETIME_INVALID = "Vul datum en tijd in als dd-mm-jjjj uu:mm."
DATETIME_HELP = "Bijvoorbeeld 14-03-2027 09:30 (24-uursklok)."


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


ROLE_CHOICES = [("", "Kies een rol"), *Role.choices]
ROLE_ERRORS = {
    "required": "Kies een rol.",
    "invalid_choice": "Kies een rol uit de lijst.",
}


class MemberAddForm(forms.Form):
    """A member of the own team: an existing account by its user name, or a new
    one (then with a name). The beheerder never sets rights beyond the role."""

    username = UsernameField(
        label="Gebruikersnaam",
        max_length=150,
        error_messages={"required": "Vul een gebruikersnaam in."},
    )
    first_name = forms.CharField(label="Voornaam", max_length=150, required=False)
    last_name = forms.CharField(label="Achternaam", max_length=150, required=False)
    email = forms.EmailField(
        label="E-mailadres",
        required=False,
        error_messages={"invalid": "Vul een geldig e-mailadres in."},
    )
    role = forms.ChoiceField(
        label="Rol", choices=ROLE_CHOICES, error_messages=ROLE_ERRORS
    )
    moederorganisatie = forms.CharField(
        label="Moederorganisatie", max_length=120, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = (
            "Bestaat het account al (ook in een ander team), dan krijgt het deze rol "
            "in uw team; voor een nieuw account zijn voor- en achternaam nodig."
        )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(
                Column("username", css_class="col-md-4"),
                Column("first_name", css_class="col-md-4"),
                Column("last_name", css_class="col-md-4"),
            ),
            Row(
                Column("email", css_class="col-md-4"),
                Column("role", css_class="col-md-4"),
                Column("moederorganisatie", css_class="col-md-4"),
            ),
        )


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Nieuwe rol", choices=ROLE_CHOICES, error_messages=ROLE_ERRORS
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
