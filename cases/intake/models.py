"""The vraag at the voordeur: vraagverkenning at the desk, vraagverheldering after."""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from cases.intake.constants import (
    Channel,
    ClarificationDecision,
    IntakeOutcome,
    PresentParty,
    QuestionStatus,
    Urgency,
    ZrmDomain,
)
from cases.intake.querysets import QuestionQuerySet
from wijkteam.workflow import StatusHistory


class Voorziening(models.Model):
    """A voorliggende voorziening the desk refers to; a code list kept by beheer."""

    name = models.CharField("naam", max_length=160, unique=True)
    description = models.TextField("omschrijving", blank=True)
    contact = models.CharField("contact", max_length=200, blank=True)
    is_active = models.BooleanField("actief", default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "voorliggende voorziening"
        verbose_name_plural = "voorliggende voorzieningen"

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    """A vraag (aanmelding) at the team's desk."""

    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.PROTECT, related_name="questions"
    )
    channel = models.CharField(
        "kanaal", max_length=20, choices=Channel.choices, default=Channel.INLOOP
    )
    signaller_name = models.CharField("gesignaleerd door", max_length=120, blank=True)
    signaller_organisation = models.CharField(
        "organisatie van de melder", max_length=120, blank=True
    )
    person = models.ForeignKey(
        "cases.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name="inwoner",
    )
    # The person's buurt, copied by database triggers (migration
    # 0012_question_buurt) so the team figures count questions per buurt without
    # joining every person; the application never writes it.
    buurt = models.ForeignKey(
        "gebiedsanalyse.Area",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        verbose_name="buurt van de inwoner",
    )
    anonymous_label = models.CharField(
        "anoniem: voornaam of omschrijving", max_length=120, blank=True
    )
    text = models.TextField("vraag in de woorden van de inwoner")
    domains = ArrayField(
        models.CharField(max_length=40, choices=ZrmDomain.choices),
        default=list,
        blank=True,
        verbose_name="leefgebieden",
    )
    urgency = models.CharField(
        "urgentie", max_length=10, choices=Urgency.choices, default=Urgency.NORMAAL
    )
    outcome = models.CharField(
        "uitkomst vraagverkenning", max_length=20, choices=IntakeOutcome.choices
    )
    outcome_note = models.TextField("toelichting uitkomst", blank=True)
    voorziening = models.ForeignKey(
        Voorziening,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="voorliggende voorziening",
    )
    voorziening_text = models.CharField(
        "andere voorziening", max_length=160, blank=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_questions",
        verbose_name="wijkteamlid",
    )
    appointment_at = models.DateTimeField("afspraak", null=True, blank=True)
    status = models.CharField("status", max_length=24, choices=QuestionStatus.choices)
    case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name="casus",
    )
    registered_at = models.DateTimeField(
        "geregistreerd op", default=timezone.now, db_index=True
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="geregistreerd door",
    )
    # One per registration form shown: a second submit of the same form finds the
    # question the first one made instead of making another.
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-registered_at", "-id"]
        verbose_name = "vraag"
        verbose_name_plural = "vragen"
        indexes = [
            models.Index(fields=["team", "-registered_at"], name="question_desk"),
            models.Index(fields=["team", "status"], name="question_status"),
        ]

    def __str__(self) -> str:
        return f"Vraag {self.pk} van {self.registered_at:%d-%m-%Y}"

    @property
    def who(self) -> str:
        """The resident's name, or the anonymous label."""
        if self.person_id:
            return self.person.full_name
        return self.anonymous_label or "Anoniem"

    @property
    def domain_labels(self) -> list[str]:
        return [ZrmDomain(d).label for d in self.domains if d in ZrmDomain.values]

    @property
    def waiting_days(self) -> int:
        return (timezone.localdate() - timezone.localdate(self.registered_at)).days

    @property
    def referred_to(self) -> str:
        if self.voorziening_id:
            return str(self.voorziening)
        return self.voorziening_text


class QuestionStatusChange(StatusHistory):
    """Append-only history of a question's status."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        "van", max_length=24, choices=QuestionStatus.choices, blank=True
    )
    to_status = models.CharField("naar", max_length=24, choices=QuestionStatus.choices)

    class Meta(StatusHistory.Meta):
        verbose_name = "statuswijziging vraag"
        verbose_name_plural = "statuswijzigingen vragen"


class Vraagverheldering(models.Model):
    """The clarifying conversation with the resident and their system."""

    question = models.OneToOneField(
        Question, on_delete=models.PROTECT, related_name="vraagverheldering"
    )
    held_on = models.DateField("datum gesprek", default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    recorded_at = models.DateTimeField("vastgelegd op", default=timezone.now)
    present = ArrayField(
        models.CharField(max_length=20, choices=PresentParty.choices),
        default=list,
        blank=True,
        verbose_name="aanwezig",
    )
    present_note = models.CharField("wie precies", max_length=300, blank=True)
    real_question = models.TextField("de eigenlijke vraag")
    # {domain: score 1..5}, only the domains scored in the quick scan.
    zrm_scores = models.JSONField("ZRM quickscan", default=dict, blank=True)
    decision = models.CharField(
        "besluit", max_length=24, choices=ClarificationDecision.choices
    )
    decision_note = models.TextField("reden of afspraken", blank=True)

    class Meta:
        verbose_name = "vraagverheldering"
        verbose_name_plural = "vraagverhelderingen"

    def __str__(self) -> str:
        return f"Vraagverheldering bij {self.question}"

    @property
    def zrm_rows(self) -> list[tuple[str, int]]:
        return [
            (ZrmDomain(d).label, s)
            for d, s in self.zrm_scores.items()
            if d in ZrmDomain.values
        ]

    @property
    def present_labels(self) -> list[str]:
        return [PresentParty(p).label for p in self.present if p in PresentParty.values]
