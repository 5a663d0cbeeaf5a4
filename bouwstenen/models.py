"""Kwartiermaken: the startdocument (six bouwstenen) and the plan van aanpak.

Both are a `Document` of a team for an area, made of numbered sections (the six
bouwstenen, or wat/waarom/wie/waar/wanneer/hoe) with key questions. The questions
are data (`Section`, `KeyQuestion`, `Choice`, loaded by migration 0002 from seeds
000 and 002), so a gemeente can adapt them in the admin. Answers belong to a
`DocumentVersion`; a vastgesteld version is frozen and a change starts a new one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from bouwstenen.constants import DocumentKind, QuestionKind, VersionStatus
from bouwstenen.querysets import DocumentQuerySet
from wijkteam.models import Team
from wijkteam.workflow import StatusHistory


class Section(models.Model):
    """A bouwsteen of the startdocument, or a section of the plan van aanpak."""

    document_kind = models.CharField(
        "soort document", max_length=20, choices=DocumentKind.choices
    )
    number = models.PositiveSmallIntegerField("nummer")
    code = models.SlugField("code", max_length=40)
    title = models.CharField("titel", max_length=120)
    intro = models.TextField("kernvraag", blank=True)

    class Meta:
        ordering = ["document_kind", "number"]
        verbose_name = "onderdeel (bouwsteen of plansectie)"
        verbose_name_plural = "onderdelen (bouwstenen en plansecties)"
        constraints = [
            models.UniqueConstraint(
                fields=["document_kind", "number"], name="section_unique_number"
            ),
            models.UniqueConstraint(
                fields=["document_kind", "code"], name="section_unique_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_document_kind_display()} {self.number}. {self.title}"


class KeyQuestion(models.Model):
    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name="onderdeel",
    )
    order = models.PositiveSmallIntegerField("volgorde")
    code = models.SlugField("code", max_length=40)
    heading = models.CharField("kopje", max_length=120, blank=True)
    text = models.TextField("kernvraag")
    help_text = models.TextField("toelichting", blank=True)
    kind = models.CharField(
        "soort vraag", max_length=10, choices=QuestionKind.choices, default="text"
    )

    class Meta:
        ordering = ["section", "order"]
        verbose_name = "kernvraag"
        verbose_name_plural = "kernvragen"
        constraints = [
            models.UniqueConstraint(
                fields=["section", "code"], name="keyquestion_unique_code"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def has_choices(self) -> bool:
        return self.kind != QuestionKind.TEXT


class Choice(models.Model):
    question = models.ForeignKey(
        KeyQuestion,
        on_delete=models.CASCADE,
        related_name="choices",
        verbose_name="kernvraag",
    )
    order = models.PositiveSmallIntegerField("volgorde")
    code = models.SlugField("code", max_length=40)
    label = models.CharField("keuze", max_length=200)
    description = models.TextField("omschrijving", blank=True)

    class Meta:
        ordering = ["question", "order"]
        verbose_name = "keuzemogelijkheid"
        verbose_name_plural = "keuzemogelijkheden"

    def __str__(self) -> str:
        return self.label


class Document(models.Model):
    """A startdocument or plan van aanpak of a team (or a team in formation).

    The area is a CBS code and name for now; the gebiedsanalyse app may later link
    it to its Area model.
    """

    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="documents", verbose_name="team"
    )
    kind = models.CharField("soort", max_length=20, choices=DocumentKind.choices)
    title = models.CharField("titel", max_length=200)
    area_code = models.CharField(
        "CBS-code gebied", max_length=10, help_text="Bijvoorbeeld WK059901."
    )
    area_name = models.CharField("naam gebied", max_length=120)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="aangemaakt door",
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "document"
        verbose_name_plural = "documenten"

    def __str__(self) -> str:
        return self.title


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name="document",
    )
    number = models.PositiveIntegerField("versie")
    status = models.CharField(
        "status",
        max_length=20,
        choices=VersionStatus.choices,
        default=VersionStatus.CONCEPT,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="aangemaakt door",
    )
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgesteld door",
    )
    decided_at = models.DateTimeField("vastgesteld op", null=True, blank=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = "documentversie"
        verbose_name_plural = "documentversies"
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} — versie {self.number} ({self.get_status_display()})"

    @property
    def is_editable(self) -> bool:
        return self.status == VersionStatus.CONCEPT


class StatusChange(StatusHistory):
    """History of a version's status (append-only)."""

    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name="versie",
    )
    from_status = models.CharField(
        "van", max_length=20, choices=VersionStatus.choices, blank=True
    )
    to_status = models.CharField("naar", max_length=20, choices=VersionStatus.choices)
    at = models.DateTimeField("op", auto_now_add=True)
    note = models.CharField("toelichting", max_length=500, blank=True)

    class Meta(StatusHistory.Meta):
        verbose_name = "statuswijziging"
        verbose_name_plural = "statuswijzigingen"


class Answer(models.Model):
    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name="versie",
    )
    question = models.ForeignKey(
        KeyQuestion,
        on_delete=models.PROTECT,
        related_name="answers",
        verbose_name="kernvraag",
    )
    text = models.TextField("antwoord", blank=True)
    choices = models.ManyToManyField(Choice, blank=True, verbose_name="keuzes")
    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        constraints = [
            models.UniqueConstraint(
                fields=["version", "question"], name="answer_unique_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.text[:40]}"


class Comment(models.Model):
    """A reader's remark (teamleider, stuurgroep) on a version, maybe on a section."""

    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name="versie",
    )
    section = models.ForeignKey(
        Section,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="onderdeel",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="auteur",
    )
    text = models.TextField("opmerking")
    created_at = models.DateTimeField("geplaatst op", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "opmerking"
        verbose_name_plural = "opmerkingen"

    def __str__(self) -> str:
        return self.text[:60]


class DevelopmentGoal(models.Model):
    """A goal of the team ontwikkelingsplan, after a vastgesteld startdocument."""

    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="development_goals",
        verbose_name="startdocument",
    )
    text = models.CharField("ontwikkeldoel", max_length=300)
    created_at = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "ontwikkeldoel"
        verbose_name_plural = "ontwikkeldoelen"

    def __str__(self) -> str:
        return self.text


class DevelopmentAction(models.Model):
    goal = models.ForeignKey(
        DevelopmentGoal,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name="ontwikkeldoel",
    )
    text = models.CharField("actie", max_length=300)
    owner = models.CharField("eigenaar", max_length=120)
    due_date = models.DateField("datum")

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = "ontwikkelactie"
        verbose_name_plural = "ontwikkelacties"

    def __str__(self) -> str:
        return self.text
