"""The casus: one household, one team, one plan; its regievoerder assignments,
journal of contact moments and status history."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.casework.constants import (
    CaseStatus,
    CloseReason,
    ContactInitiator,
    ContactKind,
    LegalFramework,
)
from cases.casework.querysets import CaseQuerySet
from wijkteam.workflow import StatusHistory


class Case(models.Model):
    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.PROTECT, related_name="cases"
    )
    household = models.ForeignKey(
        "cases.Household",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name="huishouden",
    )
    # The buurt of the household's main contact, copied by database triggers
    # (migration 0013_case_main_contact_buurt) so the team figures count
    # casussen per buurt without joining members and persons; never written by
    # the application.
    main_contact_buurt = models.ForeignKey(
        "gebiedsanalyse.Area",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        verbose_name="buurt van de hoofdbewoner",
    )
    regievoerder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases_as_regievoerder",
        verbose_name="regievoerder",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.AANGEMELD,
    )
    opened_at = models.DateTimeField("geopend op", default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="geopend door",
    )
    closed_at = models.DateTimeField("afgesloten op", null=True, blank=True)
    close_reason = models.CharField(
        "reden van afsluiten", max_length=20, choices=CloseReason.choices, blank=True
    )
    evaluation = models.TextField("evaluatie", blank=True)
    legal_framework = models.CharField(
        "wettelijk kader",
        max_length=10,
        choices=LegalFramework.choices,
        blank=True,
        help_text=(
            "Bepaalt de bewaartermijn. Leeg: Jeugdwet als er bij het afsluiten een "
            "minderjarige in het huishouden is, anders Wmo."
        ),
    )
    # Kept by the journal service: the signal "no contact for N weeks" reads it.
    last_contact_on = models.DateField("laatste contact", null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = "casus"
        verbose_name_plural = "casussen"
        constraints = [
            models.UniqueConstraint(
                fields=["team", "household"],
                condition=~Q(status=CaseStatus.AFGESLOTEN),
                name="case_one_open_per_household",
                violation_error_message=(
                    "Er is al een open casus voor dit huishouden in dit team."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["team", "status"], name="case_status"),
            models.Index(
                fields=["team", "regievoerder", "status"], name="case_regievoerder"
            ),
            models.Index(fields=["team", "-opened_at"], name="case_opened"),
            # The no-contact signal, in the werkbak's order (opened_at breaks
            # ties), so the first 25 come straight from the index.
            models.Index(
                fields=["team", "last_contact_on", "opened_at"],
                condition=~Q(status=CaseStatus.AFGESLOTEN),
                name="case_open_last_contact",
            ),
            # The werkbak's unassigned list (oldest or newest first) and its count.
            models.Index(
                fields=["team", "opened_at"],
                condition=Q(regievoerder__isnull=True)
                & ~Q(status=CaseStatus.AFGESLOTEN),
                name="case_open_unassigned",
            ),
            # The werkbak's one grouped query (workload per member and the counts
            # on top) reads only open casussen: an index-only scan of this one.
            models.Index(
                fields=["team", "regievoerder", "status"],
                condition=~Q(status=CaseStatus.AFGESLOTEN),
                name="case_open_workload",
            ),
        ]

    def __str__(self) -> str:
        return f"Casus {self.pk} — {self.household}"

    @property
    def waiting_days(self) -> int:
        return (timezone.localdate() - timezone.localdate(self.opened_at)).days


class CaseStatusChange(StatusHistory):
    """Append-only history of a casus's status."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        "van", max_length=20, choices=CaseStatus.choices, blank=True
    )
    to_status = models.CharField("naar", max_length=20, choices=CaseStatus.choices)

    class Meta(StatusHistory.Meta):
        verbose_name = "statuswijziging casus"
        verbose_name_plural = "statuswijzigingen casussen"


class CaseAssignment(models.Model):
    """Append-only: every (re)assignment of the regievoerder, with its reason."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vorige regievoerder",
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="case_assignments",
        verbose_name="regievoerder",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="door",
    )
    at = models.DateTimeField("tijdstip", default=timezone.now)
    reason = models.CharField("reden", max_length=300, blank=True)
    seen_at = models.DateTimeField("gezien door regievoerder", null=True, blank=True)
    notified_at = models.DateTimeField("e-mail verstuurd", null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "toewijzing regievoerder"
        verbose_name_plural = "toewijzingen regievoerder"

    def __str__(self) -> str:
        return f"{self.case} → {self.to_user}"


class JournalEntry(models.Model):
    """A contact moment. Editable by its author for a short time, then final;
    corrections are new entries pointing at the one they correct."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="journal")
    contact_on = models.DateField("datum contact", default=timezone.localdate)
    kind = models.CharField("soort contact", max_length=20, choices=ContactKind.choices)
    present = models.CharField("wie waren er", max_length=300, blank=True)
    initiated_by = models.CharField(
        "initiatief van",
        max_length=20,
        choices=ContactInitiator.choices,
        default=ContactInitiator.WIJKTEAM,
    )
    note = models.TextField("notitie")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="auteur",
    )
    created_at = models.DateTimeField("vastgelegd op", default=timezone.now)
    edited_at = models.DateTimeField("gewijzigd op", null=True, blank=True)
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name="correctie op",
    )

    class Meta:
        ordering = ["-contact_on", "-created_at", "-id"]
        verbose_name = "journaalregel"
        verbose_name_plural = "journaal"
        indexes = [
            models.Index(fields=["case", "-contact_on"], name="journal_case_date")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} op {self.contact_on:%d-%m-%Y}"

    def editable_by(self, user, now=None) -> bool:
        now = now or timezone.now()
        return self.author_id == user.pk and now - self.created_at < JOURNAL_EDIT_WINDOW


JOURNAL_EDIT_WINDOW = dt.timedelta(minutes=30)


class CaseSettings(models.Model):
    """Per team: when the werkbak raises a signal."""

    team = models.OneToOneField(
        "wijkteam.Team", on_delete=models.CASCADE, related_name="case_settings"
    )
    no_contact_weeks = models.PositiveSmallIntegerField(
        "signaal na zoveel weken zonder contact", default=4
    )
    unassigned_days = models.PositiveSmallIntegerField(
        "signaal na zoveel dagen zonder regievoerder", default=5
    )

    class Meta:
        verbose_name = "signaalinstellingen casussen"
        verbose_name_plural = "signaalinstellingen casussen"

    def __str__(self) -> str:
        return f"Signalen {self.team}"


# Open casussen per team, regievoerder and status: a counter table kept by a
# database trigger on cases_case (migration 0008_open_case_count), so the werkbak
# reads the workload per member from a few rows instead of aggregating every open
# casus. Every write to a casus (services, admin, bulk SQL) keeps it right, because
# the database does it; the application never writes it.


class OpenCaseCount(models.Model):
    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    # The regievoerder's user id; 0 for casussen without regievoerder (a plain
    # number, so the unique key needs no NULL handling).
    regievoerder_key = models.BigIntegerField("regievoerder")
    status = models.CharField("status", max_length=20)
    count = models.IntegerField("aantal", default=0)

    class Meta:
        verbose_name = "teller open casussen"
        verbose_name_plural = "tellers open casussen"
        constraints = [
            models.UniqueConstraint(
                fields=["team", "regievoerder_key", "status"],
                name="open_case_count_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.team_id}/{self.regievoerder_key}/{self.status}: {self.count}"
