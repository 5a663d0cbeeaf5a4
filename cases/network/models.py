"""The achterdeur: zorgaanbieders with their products, waiting times (with
history), verwijzingen (referrals) from a casus, and toekenningen (allocations).

Zorgaanbieders belong to a team: its beheerder keeps the list, the team's
workers choose from it. A verwijzing keeps the norm and the waiting time as they
were when it was made, so a later change does not rewrite its history.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.network.constants import (
    INFORMAL_KINDS,
    AllocationKind,
    AllocationStatus,
    LegalBasis,
    NetworkKind,
    ReferralStatus,
)
from cases.network.querysets import (
    AllocationQuerySet,
    NetworkEntryQuerySet,
    ReferralQuerySet,
)
from wijkteam.workflow import StatusHistory


class Provider(models.Model):
    """A zorgaanbieder (specialist care) the team refers to. Not a voorliggende
    voorziening (`Voorziening`): that is the desk's list of universal services."""

    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.CASCADE, related_name="providers"
    )
    name = models.CharField("naam", max_length=160)
    contact = models.CharField("contact", max_length=200, blank=True)
    website = models.URLField("website", blank=True)
    is_active = models.BooleanField("actief", default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "zorgaanbieder"
        verbose_name_plural = "zorgaanbieders"
        constraints = [
            models.UniqueConstraint(
                fields=["team", "name"],
                name="provider_unique_name",
                violation_error_message="Deze zorgaanbieder staat al in de lijst.",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProviderProduct(models.Model):
    """What a zorgaanbieder offers, with its waiting-time norm and the current
    waiting time (kept by `waiting_time_set`, history in `WaitingTime`)."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="products"
    )
    name = models.CharField("product", max_length=160)
    norm_weeks = models.PositiveSmallIntegerField("wachttijdnorm (weken)")
    current_wait_weeks = models.PositiveSmallIntegerField(
        "actuele wachttijd (weken)", null=True, blank=True
    )
    current_wait_since = models.DateField("wachttijd bijgewerkt", null=True)
    is_active = models.BooleanField("actief", default=True)

    class Meta:
        ordering = ["provider__name", "name"]
        verbose_name = "product van een zorgaanbieder"
        verbose_name_plural = "producten van zorgaanbieders"
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "name"],
                name="product_unique_name",
                violation_error_message="Deze zorgaanbieder heeft dit product al.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.provider.name}"

    @property
    def over_norm(self) -> bool:
        return (
            self.current_wait_weeks is not None
            and self.current_wait_weeks > self.norm_weeks
        )

    def choice_label(self) -> str:
        wait = (
            f"wachttijd {self.current_wait_weeks} wk"
            if self.current_wait_weeks is not None
            else "wachttijd onbekend"
        )
        return f"{self.provider.name}: {self.name} ({wait}, norm {self.norm_weeks} wk)"


class WaitingTime(models.Model):
    """Append-only: each change of a product's current waiting time."""

    product = models.ForeignKey(
        ProviderProduct, on_delete=models.CASCADE, related_name="waiting_times"
    )
    weeks = models.PositiveSmallIntegerField("wachttijd (weken)")
    valid_from = models.DateField("geldt vanaf", default=timezone.localdate)
    at = models.DateTimeField("vastgelegd op", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="door",
    )
    note = models.CharField("bron of toelichting", max_length=200, blank=True)

    class Meta:
        ordering = ["-valid_from", "-at", "-id"]
        verbose_name = "wachttijd"
        verbose_name_plural = "wachttijden"

    def __str__(self) -> str:
        return f"{self.weeks} weken vanaf {self.valid_from:%d-%m-%Y}"


class Referral(models.Model):
    """A verwijzing from a casus to a product of a zorgaanbieder."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="referrals"
    )
    product = models.ForeignKey(
        ProviderProduct,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name="product",
    )
    reason = models.TextField("reden van verwijzen")
    asked_on = models.DateField("aangevraagd op")
    started_on = models.DateField("zorg gestart op", null=True, blank=True)
    ended_on = models.DateField("afgerond op", null=True, blank=True)
    status = models.CharField(
        "status",
        max_length=20,
        choices=ReferralStatus.choices,
        default=ReferralStatus.GEVRAAGD,
    )
    # As they were when referring: the norm, the date it is breached after, and
    # the waiting time the provider gave then.
    norm_weeks = models.PositiveSmallIntegerField("norm (weken)")
    due_on = models.DateField("uiterlijk gestart op")
    quoted_wait_weeks = models.PositiveSmallIntegerField(
        "wachttijd bij verwijzen (weken)", null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="verwezen door",
    )
    created_at = models.DateTimeField("vastgelegd op", default=timezone.now)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_on", "-id"]
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        indexes = [
            models.Index(
                fields=["due_on"],
                condition=Q(status="gevraagd"),
                name="referral_waiting_due",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(started_on__gte=models.F("asked_on")),
                name="referral_started_after_asked",
            )
        ]

    def __str__(self) -> str:
        return f"Verwijzing naar {self.product}"

    @property
    def waited_days(self) -> int | None:
        """Days between asking and the start of care (so far, when not started)."""
        if self.started_on:
            return (self.started_on - self.asked_on).days
        if self.status == ReferralStatus.GEVRAAGD:
            return (timezone.localdate() - self.asked_on).days
        return None

    @property
    def actual_wait_weeks(self) -> int | None:
        """The actual waiting time in whole weeks (rounded up), once care started."""
        if not self.started_on:
            return None
        return -(-(self.started_on - self.asked_on).days // 7)

    @property
    def breach(self) -> str:
        """'' or why this verwijzing breaches its norm."""
        if self.started_on and self.started_on > self.due_on:
            return "later gestart dan de norm"
        if self.status == ReferralStatus.GEVRAAGD and timezone.localdate() > (
            self.due_on
        ):
            return "wacht langer dan de norm"
        return ""


def due_date(asked_on: dt.date, norm_weeks: int) -> dt.date:
    return asked_on + dt.timedelta(weeks=norm_weeks)


class ReferralStatusChange(StatusHistory):
    """Append-only history of a verwijzing's status."""

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        "van", max_length=20, choices=ReferralStatus.choices, blank=True
    )
    to_status = models.CharField("naar", max_length=20, choices=ReferralStatus.choices)

    class Meta(StatusHistory.Meta):
        verbose_name = "statuswijziging verwijzing"
        verbose_name_plural = "statuswijzigingen verwijzingen"


class Allocation(models.Model):
    """A toekenning: a decision (beschikking) on a voorziening for the household."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="allocations"
    )
    kind = models.CharField(
        "soort voorziening", max_length=30, choices=AllocationKind.choices
    )
    legal_basis = models.CharField(
        "wettelijke grondslag", max_length=20, choices=LegalBasis.choices
    )
    provider = models.ForeignKey(
        Provider,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
        verbose_name="zorgaanbieder",
    )
    description = models.CharField("omschrijving", max_length=200, blank=True)
    decided_on = models.DateField("besluitdatum", null=True, blank=True)
    start_on = models.DateField("ingangsdatum", null=True, blank=True)
    end_on = models.DateField("einddatum", null=True, blank=True)
    status = models.CharField(
        "status",
        max_length=20,
        choices=AllocationStatus.choices,
        default=AllocationStatus.AANGEVRAAGD,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    created_at = models.DateTimeField("vastgelegd op", default=timezone.now)

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_on", "-id"]
        verbose_name = "toekenning"
        verbose_name_plural = "toekenningen"
        indexes = [
            models.Index(fields=["case", "status"], name="allocation_case_status"),
            models.Index(fields=["status", "kind"], name="allocation_status_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True)
                | Q(start_on__isnull=True)
                | Q(end_on__gte=models.F("start_on")),
                name="allocation_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_legal_basis_display()})"

    @property
    def is_running(self) -> bool:
        today = timezone.localdate()
        return self.status == AllocationStatus.TOEGEKEND and (
            self.end_on is None or self.end_on >= today
        )


class AllocationStatusChange(StatusHistory):
    """Append-only history of a toekenning's status."""

    allocation = models.ForeignKey(
        Allocation, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        "van", max_length=20, choices=AllocationStatus.choices, blank=True
    )
    to_status = models.CharField(
        "naar", max_length=20, choices=AllocationStatus.choices
    )

    class Meta(StatusHistory.Meta):
        verbose_name = "statuswijziging toekenning"
        verbose_name_plural = "statuswijzigingen toekenningen"


class NetworkEntry(models.Model):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="network"
    )
    kind = models.CharField("soort", max_length=20, choices=NetworkKind.choices)
    name = models.CharField("naam", max_length=120)
    relation = models.CharField(
        "relatie of rol",
        max_length=120,
        blank=True,
        help_text="Bijvoorbeeld: zus van moeder, buurvrouw, maatschappelijk werker.",
    )
    organisation = models.CharField("organisatie", max_length=120, blank=True)
    moederorganisatie = models.CharField(
        "moederorganisatie", max_length=120, blank=True
    )
    contact = models.CharField("contact", max_length=200, blank=True)
    since = models.DateField("betrokken sinds", default=timezone.localdate)
    until = models.DateField("betrokken tot", null=True, blank=True)
    note = models.CharField("toelichting", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="vastgelegd door",
    )
    created_at = models.DateTimeField("vastgelegd op", default=timezone.now)

    objects = NetworkEntryQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name", "id"]
        verbose_name = "betrokkene in het netwerk"
        verbose_name_plural = "netwerk"
        indexes = [models.Index(fields=["case", "kind"], name="network_case_kind")]
        constraints = [
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                name="network_until_after_since",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def is_informal(self) -> bool:
        return self.kind in INFORMAL_KINDS

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.until is None or self.until >= today
