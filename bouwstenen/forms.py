"""Forms: validation only, with a crispy FormHelper; views pass cleaned_data on."""

from __future__ import annotations

import re

from django import forms

from crispy_forms.helper import FormHelper

from bouwstenen.constants import TRANSITIONS, QuestionKind, VersionStatus
from bouwstenen.models import Document, Section
from bouwstenen.reads import SectionContent
from wijkteam.forms import DATE_WIDGET

MAX_ANSWER = 10_000
AREA_CODE = re.compile(r"^(GM|WK|BU)\d{4,8}$")


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "area_code", "area_name"]
        error_messages = {
            "title": {"required": "Geef het document een titel."},
            "area_code": {"required": "Vul de CBS-code van het gebied in."},
            "area_name": {"required": "Vul de naam van het gebied in."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_area_code(self):
        code = self.cleaned_data["area_code"].strip().upper()
        if not AREA_CODE.match(code):
            raise forms.ValidationError(
                "Een CBS-code begint met GM, WK of BU, gevolgd door cijfers "
                "(bijvoorbeeld WK059901)."
            )
        return code


class SectionForm(forms.Form):
    """The answers of one section: per question a text and, where the seed offers
    them, the choices. Field names: `<code>` (text) and `<code>__keuze`."""

    def __init__(self, *args, content: SectionContent, **kwargs):
        super().__init__(*args, **kwargs)
        self.content = content
        self.helper = FormHelper()
        self.helper.form_tag = False
        for item in content.questions:
            question = item.question
            if question.has_choices:
                options = [(c.code, c.label) for c in question.choices.all()]
                messages = {"invalid_choice": "Kies een van de mogelijkheden."}
                if question.kind == QuestionKind.SINGLE:
                    field = forms.ChoiceField(
                        choices=options,
                        widget=forms.RadioSelect,
                        required=False,
                        error_messages=messages,
                    )
                    initial = item.chosen_codes[0] if item.chosen_codes else None
                else:
                    field = forms.MultipleChoiceField(
                        choices=options,
                        widget=forms.CheckboxSelectMultiple,
                        required=False,
                        error_messages=messages,
                    )
                    initial = item.chosen_codes
                field.label = question.text
                self.fields[f"{question.code}__keuze"] = field
                self.initial[f"{question.code}__keuze"] = initial
            self.fields[question.code] = forms.CharField(
                label="Toelichting" if question.has_choices else question.text,
                help_text=question.help_text,
                required=False,
                max_length=MAX_ANSWER,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={
                    "max_length": "Het antwoord is te lang (hoogstens %(limit_value)d "
                    "tekens, nu %(show_value)d)."
                },
            )
            self.initial[question.code] = item.text

    def rows(self) -> list[dict]:
        """Per question: the item and its bound fields, for the template."""
        return [
            {
                "item": item,
                "choice": self[f"{item.question.code}__keuze"]
                if item.question.has_choices
                else None,
                "text": self[item.question.code],
            }
            for item in self.content.questions
        ]

    def answers(self) -> dict[str, tuple[str, list[str]]]:
        result = {}
        for item in self.content.questions:
            code = item.question.code
            chosen = self.cleaned_data.get(f"{code}__keuze") or []
            if isinstance(chosen, str):
                chosen = [chosen]
            result[code] = (self.cleaned_data.get(code, ""), list(chosen))
        return result


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(
        label="Nieuwe status",
        choices=VersionStatus.choices,
        error_messages={"invalid_choice": "Onbekende status."},
    )
    note = forms.CharField(label="Toelichting", required=False, max_length=500)

    def __init__(self, *args, current: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_to_status(self):
        value = self.cleaned_data["to_status"]
        if self.current is not None and value not in TRANSITIONS[self.current]:
            raise forms.ValidationError("Deze statuswijziging is niet toegestaan.")
        return value


class CommentForm(forms.Form):
    section = forms.ModelChoiceField(
        label="Over onderdeel",
        queryset=Section.objects.none(),
        required=False,
        empty_label="Het hele document",
        error_messages={"invalid_choice": "Kies een onderdeel van dit document."},
    )
    text = forms.CharField(
        label="Opmerking",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf een opmerking."},
    )

    def __init__(self, *args, document: Document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(
            document_kind=document.kind
        )
        self.helper = FormHelper()
        self.helper.form_tag = False


class GoalForm(forms.Form):
    text = forms.CharField(
        label="Ontwikkeldoel",
        max_length=300,
        error_messages={"required": "Beschrijf het ontwikkeldoel."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ActionForm(forms.Form):
    goal = forms.ModelChoiceField(
        label="Bij ontwikkeldoel",
        queryset=None,
        error_messages={
            "required": "Kies een ontwikkeldoel.",
            "invalid_choice": "Kies een ontwikkeldoel van dit plan.",
        },
    )
    text = forms.CharField(
        label="Actie",
        max_length=300,
        error_messages={"required": "Beschrijf de actie."},
    )
    owner = forms.CharField(
        label="Eigenaar",
        max_length=120,
        error_messages={"required": "Wie is eigenaar van de actie?"},
    )
    due_date = forms.DateField(
        label="Datum",
        widget=DATE_WIDGET,
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        error_messages={
            "required": "Vul een datum in.",
            "invalid": "Vul de datum in als dd-mm-jjjj.",
        },
    )

    def __init__(self, *args, document: Document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = document.development_goals.all()
        self.helper = FormHelper()
        self.helper.form_tag = False
