"""The casus: one household, one team, one plan. Minimal here (opened from the
vraagverheldering); casus-regie adds the werkbak, journal and the rest."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.constants import CaseStatus
from cases.querysets import CaseQuerySet


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
        indexes = [models.Index(fields=["team", "status"], name="case_status")]

    def __str__(self) -> str:
        return f"Casus {self.pk} — {self.household}"


class CaseStatusChange(models.Model):
    """Append-only history of a casus's status."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        "van", max_length=20, choices=CaseStatus.choices, blank=True
    )
    to_status = models.CharField("naar", max_length=20, choices=CaseStatus.choices)
    at = models.DateTimeField("tijdstip", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="door",
    )
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "statuswijziging casus"
        verbose_name_plural = "statuswijzigingen casussen"

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"
