"""Forms: validation only, with a crispy FormHelper; views pass cleaned_data on."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Q

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from gebiedsanalyse import catalogue, importreport
from gebiedsanalyse.constants import AreaLevel, Channel, PlaceKind
from gebiedsanalyse.models import (
    Area,
    InfoMeeting,
    OutreachAction,
    ResidentGroup,
    Resource,
    SocialPlace,
)
from wijkteam.access import PERMISSIONS
from wijkteam.forms import DATE_WIDGET
from wijkteam.models import User

MAX_UPLOAD_BYTES = importreport.max_bytes()
UPLOAD_EXTENSIONS = (".csv", ".txt", ".geojson", ".json")
TOO_BIG = importreport.too_big_message()
NOT_TEXT = (
    "Dit bestand is geen CSV- of GeoJSON-tekstbestand (het lijkt een {kind}). "
    "Kies het CSV-bestand van CBS of een GeoJSON-bestand met grenzen."
)
# The first bytes of files people pick by mistake (or rename to .csv).
BINARY_SIGNATURES = {
    b"PK\x03\x04": "Excel- of zip-bestand",
    b"\xd0\xcf\x11\xe0": "oud Excel-bestand",
    b"%PDF": "PDF",
    b"\x89PNG": "afbeelding",
    b"\xff\xd8\xff": "afbeelding",
    b"GIF8": "afbeelding",
    b"\x1f\x8b": "gecomprimeerd bestand",
    b"MZ": "programma",
    b"\x7fELF": "programma",
}


def sniff_upload(upload) -> str | None:
    """A Dutch error when the content does not fit the name: binary content, or
    not JSON in a .json/.geojson file. The file is read from the start again after."""
    head = upload.read(4096)
    upload.seek(0)
    for signature, kind in BINARY_SIGNATURES.items():
        if head.startswith(signature):
            return NOT_TEXT.format(kind=kind)
    if b"\x00" in head:
        return NOT_TEXT.format(kind="binair bestand, of UTF-16 tekst")
    if upload.name.lower().endswith((".json", ".geojson")) and not head.lstrip(
        b"\xef\xbb\xbf \t\r\n"
    ).startswith(b"{"):
        return "Dit is geen GeoJSON-bestand met gebiedsgrenzen (FeatureCollection)."
    return None


def team_areas(team):
    """The team's areas and what lies in them (for choosing an area)."""
    return Area.objects.filter(
        Q(teams=team) | Q(parent__teams=team) | Q(parent__parent__teams=team)
    ).distinct()


class TeamForm(forms.ModelForm):
    submit_label = "Opslaan"

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        if "area" in self.fields:
            self.fields["area"].queryset = team_areas(team).order_by("level", "name")
            self.fields["area"].empty_label = "— geen bepaald gebied —"
        self.helper = FormHelper()
        self.helper.add_input(Submit("opslaan", self.submit_label))


class SocialPlaceForm(TeamForm):
    class Meta:
        model = SocialPlace
        fields = [
            "kind", "name", "area", "contact_person", "phone", "email", "address",
            "offer", "notes",
        ]  # fmt: skip
        widgets = {"offer": forms.Textarea(attrs={"rows": 3}),
                   "notes": forms.Textarea(attrs={"rows": 3})}  # fmt: skip
        error_messages = {
            "name": {"required": "Vul de naam in."},
            "kind": {"required": "Kies de soort."},
            "email": {"invalid": "Vul een geldig e-mailadres in."},
        }


class ResourceForm(TeamForm):
    class Meta:
        model = Resource
        fields = ["kind", "title", "area", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"title": {"required": "Vul een titel in."}}


class ResidentGroupForm(TeamForm):
    class Meta:
        model = ResidentGroup
        fields = ["name", "area", "reason", "focus_members"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 3}),
            "focus_members": forms.CheckboxSelectMultiple,
        }
        error_messages = {"name": {"required": "Vul de bewonersgroep in."}}

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, team=team, **kwargs)
        self.fields["focus_members"].queryset = (
            User.objects.filter(
                memberships__team=team,
                memberships__is_active=True,
                memberships__role__in=PERMISSIONS["area.edit"],
            )
            .distinct()
            .order_by("first_name", "last_name")
        )

    def clean_focus_members(self):
        members = self.cleaned_data["focus_members"]
        if len(members) > 2:
            raise forms.ValidationError(
                "Kies één teamlid of een duo (hoogstens twee teamleden)."
            )
        return members


class OutreachActionForm(TeamForm):
    class Meta:
        model = OutreachAction
        fields = ["title", "group", "goal", "urgency", "planned_on", "area", "done"]
        widgets = {"goal": forms.Textarea(attrs={"rows": 3}), "planned_on": DATE_WIDGET}
        error_messages = {
            "title": {"required": "Vul de actie in."},
            "goal": {"required": "Beschrijf het doel: wat wilt u bereiken?"},
            "planned_on": {"invalid": "Vul de datum in als dd-mm-jjjj."},
        }

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, team=team, **kwargs)
        self.fields["group"].queryset = ResidentGroup.objects.for_team(team)
        self.fields["group"].empty_label = "— geen bepaalde groep —"


class InfoMeetingForm(TeamForm):
    channels = forms.MultipleChoiceField(
        label="Aankondigen via",
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = InfoMeeting
        fields = ["title", "held_on", "location", "area", "channels", "audience"]
        widgets = {
            "held_on": DATE_WIDGET,
            "audience": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": "Vul een titel in."},
            "held_on": {
                "required": "Vul de datum in.",
                "invalid": "Vul de datum in als dd-mm-jjjj.",
            },
        }


class PlaceFilterForm(forms.Form):
    q = forms.CharField(label="Zoeken", required=False, max_length=100)
    kind = forms.ChoiceField(
        label="Soort",
        required=False,
        choices=[("", "Alle soorten"), *PlaceKind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    area = forms.ModelChoiceField(
        label="Gebied", required=False, queryset=Area.objects.none(),
        empty_label="Alle gebieden",
        widget=forms.Select(attrs={"class": "form-select"}),
    )  # fmt: skip

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = team_areas(team).order_by("level", "name")


class AreaSearchForm(forms.Form):
    q = forms.CharField(label="Naam of CBS-code", required=False, max_length=100)


class MapIndicatorForm(forms.Form):
    indicator = forms.ChoiceField(
        label="Kleur de kaart naar", choices=catalogue.CHOICES, required=False
    )


class CbsUploadForm(forms.Form):
    file = forms.FileField(
        label="Bestand",
        help_text="CSV van CBS Kerncijfers wijken en buurten, of GeoJSON met "
        f"gebiedsgrenzen (WGS84). Hoogstens {settings.CBS_UPLOAD_MAX_MB} MB.",
        error_messages={"required": "Kies een bestand."},
    )
    year = forms.IntegerField(
        label="Jaar van de cijfers",
        required=False,
        min_value=1990,
        max_value=2100,
        help_text="Verplicht bij een CSV-bestand.",
        error_messages={
            "min_value": "Vul een jaar in vanaf 1990.",
            "max_value": "Vul een jaar in tot 2100.",
            "invalid": "Vul een jaartal in, bijvoorbeeld 2024.",
        },
    )
    blank_missing = forms.BooleanField(
        label="Lege cellen wissen bestaande waarden",
        required=False,
        help_text="Uit: een lege cel (of '.') laat een bekend cijfer staan. Aan: het "
        "cijfer wordt 'onbekend'. Het verslag telt beide.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("importeren", "Importeren"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(TOO_BIG)
        if not upload.name.lower().endswith(UPLOAD_EXTENSIONS):
            raise forms.ValidationError(
                "Kies een CSV-bestand (cijfers) of een GeoJSON-bestand (grenzen)."
            )
        error = sniff_upload(upload)
        if error:
            raise forms.ValidationError(error)
        return upload

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if (
            upload
            and upload.name.lower().endswith((".csv", ".txt"))
            and not data.get("year")
            and "year" not in self.errors
        ):
            self.add_error("year", "Vul het jaar van de cijfers in.")
        return data


class TeamAreasForm(forms.Form):
    """The wijken and buurten the current team serves; a wijk brings its buurten."""

    wijken = forms.ModelMultipleChoiceField(
        label="Hele wijken",
        queryset=Area.objects.filter(level=AreaLevel.WIJK),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies wijken uit de lijst."},
    )
    buurten = forms.ModelMultipleChoiceField(
        label="Buurten",
        queryset=Area.objects.filter(level=AreaLevel.BUURT),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Kies buurten uit de lijst."},
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("wijken") and not data.get("buurten"):
            raise forms.ValidationError(
                "Kies minstens één wijk of buurt: een team zonder werkgebied heeft "
                "geen buurten in de intake en de teamcijfers."
            )
        return data
