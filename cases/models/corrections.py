"""Corrections after saving: every correction, withdrawal or change of a ZRM
assessment, a trede, a moreel beraad or a network entry leaves one append-only
row. The row holds a short Dutch summary of what changed, never the full before
and after: the data itself lives in its own table (or is gone, when withdrawn).
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from cases.constants import CorrectionAction, CorrectionKind


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
