"""Measuring a casus over time: ZRM assessments, the participatieladder and the
moreel beraad notes.

A ZRM assessment is one row per member per date; its scores are one row per
scored domain (`ZrmScore`), so the database can average a domain in one GROUP BY
(the team figures). A domain left unscored has no row: unknown, never 0.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.intake.constants import ZrmDomain, ZrmScore
from cases.measuring.constants import CorrectionAction, CorrectionKind


class LadderStep(models.IntegerChoices):
    """De zes treden van de Participatieladder."""

    GEISOLEERD = 1, "1 – geïsoleerd"
    SOCIALE_CONTACTEN = 2, "2 – sociale contacten buiten de deur"
    GEORGANISEERDE_ACTIVITEITEN = 3, "3 – deelname aan georganiseerde activiteiten"
    ONBETAALD_WERK = 4, "4 – onbetaald werk"
    BETAALD_MET_ONDERSTEUNING = 5, "5 – betaald werk met ondersteuning"
    BETAALD_WERK = 6, "6 – betaald werk"


class ZrmAssessment(models.Model):
    """One ZRM measurement of one household member on one date."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="zrm_assessments"
    )
    person = models.ForeignKey(
        "cases.Person",
        on_delete=models.PROTECT,
        related_name="zrm_assessments",
        verbose_name="lid van het huishouden",
    )
    assessed_on = models.DateField("datum meting", default=timezone.localdate)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="gemeten door",
    )
    recorded_at = models.DateTimeField("vastgelegd op", default=timezone.now)
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        ordering = ["assessed_on", "id"]
        verbose_name = "ZRM-meting"
        verbose_name_plural = "ZRM-metingen"
        indexes = [
            models.Index(fields=["case", "person", "assessed_on"], name="zrm_case"),
            # The team figures look for a person's later assessment.
            models.Index(fields=["person", "assessed_on"], name="zrm_person_date"),
        ]

    def __str__(self) -> str:
        return f"ZRM {self.person} {self.assessed_on:%d-%m-%Y}"


class ZrmDomainScore(models.Model):
    """The score 1–5 of one domain in one assessment."""

    assessment = models.ForeignKey(
        ZrmAssessment, on_delete=models.CASCADE, related_name="scores"
    )
    domain = models.CharField("leefgebied", max_length=40, choices=ZrmDomain.choices)
    score = models.PositiveSmallIntegerField("score", choices=ZrmScore.choices)

    class Meta:
        ordering = ["assessment", "domain"]
        verbose_name = "ZRM-score"
        verbose_name_plural = "ZRM-scores"
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "domain"], name="zrm_score_one_per_domain"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="zrm_score_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["domain"], name="zrm_score_domain")]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.score}"


class ZrmLatestScore(models.Model):
    """The latest ZRM score of one person in one domain (latest by assessment date,
    then by assessment id): the team figures' average ZRM per buurt reads these
    rows instead of searching every score for a later one.

    Kept by database triggers (migration 0011_zrm_latest_score) on the scores,
    the assessments, the casus's team and the person's buurt, so every write
    (services, admin, retention, bulk SQL) keeps it right; the application never
    writes it.
    Foreign keys without database constraint and DO_NOTHING: Django's deletes
    leave the rows to the triggers.
    """

    person = models.ForeignKey(
        "cases.Person",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the unique key starts with it
        related_name="+",
    )
    domain = models.CharField("leefgebied", max_length=40, choices=ZrmDomain.choices)
    score = models.PositiveSmallIntegerField("score", choices=ZrmScore.choices)
    assessed_on = models.DateField("datum meting")
    assessment = models.ForeignKey(
        ZrmAssessment,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    score_row = models.ForeignKey(
        ZrmDomainScore,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    # The person's buurt, copied (kept by a trigger on cases_person), so the team
    # figures group these rows without joining every person.
    buurt = models.ForeignKey(
        "gebiedsanalyse.Area",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    # The team of the assessment's casus (as the team figures count it).
    team = models.ForeignKey(
        "wijkteam.Team",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # see the index below
        related_name="+",
    )

    class Meta:
        verbose_name = "laatste ZRM-score"
        verbose_name_plural = "laatste ZRM-scores"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "domain"], name="zrm_latest_one_per_domain"
            )
        ]
        indexes = [
            # Covers the team figures' GROUP BY: an index-only scan.
            models.Index(
                fields=["team", "assessed_on"],
                include=["buurt", "domain", "score"],
                name="zrm_latest_team_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.domain}: {self.score} ({self.assessed_on})"


class LadderMeasurement(models.Model):
    """The trede on the participatieladder of one member on one date."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="ladder_measurements"
    )
    person = models.ForeignKey(
        "cases.Person",
        on_delete=models.PROTECT,
        related_name="ladder_measurements",
        verbose_name="lid van het huishouden",
    )
    measured_on = models.DateField("datum", default=timezone.localdate)
    step = models.PositiveSmallIntegerField("trede", choices=LadderStep.choices)
    measured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    recorded_at = models.DateTimeField("vastgelegd op", default=timezone.now)
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        ordering = ["measured_on", "id"]
        verbose_name = "trede participatieladder"
        verbose_name_plural = "treden participatieladder"
        constraints = [
            models.CheckConstraint(
                condition=Q(step__gte=1, step__lte=6), name="ladder_step_1_to_6"
            )
        ]
        indexes = [
            models.Index(fields=["case", "person", "measured_on"], name="ladder_case")
        ]

    def __str__(self) -> str:
        return f"Trede {self.step} {self.person} {self.measured_on:%d-%m-%Y}"


class MoralDeliberation(models.Model):
    """Moreel beraad: a dilemma around the casus, discussed in the team."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="moral_deliberations"
    )
    held_on = models.DateField("datum beraad", default=timezone.localdate)
    dilemma = models.TextField("vraag of dilemma")
    perspectives = models.TextField("perspectieven")
    decision = models.TextField("besluit")
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="+",
        blank=True,
        verbose_name="deelnemers uit het team",
    )
    other_participants = models.CharField(
        "andere deelnemers", max_length=300, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    recorded_at = models.DateTimeField("vastgelegd op", default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "moreel beraad"
        verbose_name_plural = "moreel beraad"

    def __str__(self) -> str:
        return f"Moreel beraad {self.held_on:%d-%m-%Y}"


# Corrections after saving: every correction, withdrawal or change of a ZRM
# assessment, a trede, a moreel beraad or a network entry leaves one append-only
# row. The row holds a short Dutch summary of what changed, never the full before
# and after: the data itself lives in its own table (or is gone, when withdrawn).


class Correction(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField("soort", max_length=20, choices=CorrectionKind.choices)
    action = models.CharField("wat", max_length=20, choices=CorrectionAction.choices)
    # No foreign key: a withdrawn assessment is deleted, its correction stays.
    object_id = models.PositiveBigIntegerField("id van het gegeven")
    # The household members a measurement was about, before and after (the
    # inzage of one member leaves out the corrections of another's measurements).
    person_ids = ArrayField(
        models.PositiveBigIntegerField(), default=list, blank=True, editable=False
    )
    reason = models.CharField("reden van de correctie", max_length=300, blank=True)
    summary = models.TextField("wat veranderde")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="door",
    )
    at = models.DateTimeField("tijdstip", default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "correctie"
        verbose_name_plural = "correcties"
        indexes = [
            models.Index(fields=["case", "kind", "object_id"], name="correction_case")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.object_id} {self.action}"
