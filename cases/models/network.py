"""The casus's network: involved professionals and the informal network
(family, neighbours, friends, volunteers, sleutelfiguren), each betrokken from a
date and, when it ended, until a date."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.constants_network import INFORMAL_KINDS, NetworkKind


class NetworkEntryQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(until__isnull=True) | Q(until__gte=today))


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
