"""iWmo messages as received (or sent), and the import runs that brought them in.

Messages are gemeente-wide, like the CBS area data: a toewijzing names a client by
BSN, and which team's resident that is gets decided later (the mapping to
toekenningen), not at import. So a Bericht has no team.

A Bericht is append-only in the database (migration 0002, the access log's
pattern): what a gemeente received is evidence and is never edited. What happens to
a message afterwards (a retour accepting or rejecting it) is a new row pointing at
it, never an update.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from iwmo import codelijsten
from iwmo.constants import (
    ACCEPTING_RETOURCODES,
    RETOUR_OF,
    BerichtType,
    ImportStatus,
    Richting,
    Via,
)
from iwmo.querysets import BerichtQuerySet


class BerichtImport(models.Model):
    """One import run: who, when, which files, and what became of each.

    Unlike a Bericht this row changes while the run goes on (status, progress,
    counts): the upload page shows it, a Celery worker fills it.
    """

    started_at = models.DateTimeField("gestart", auto_now_add=True)
    finished_at = models.DateTimeField("klaar", null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="door",
    )
    via = models.CharField("via", max_length=10, choices=Via.choices)
    status = models.CharField(
        "status",
        max_length=10,
        choices=ImportStatus.choices,
        default=ImportStatus.QUEUED,
        db_index=True,
    )
    file_names = models.JSONField("bestanden", default=list, blank=True)
    # The uploaded files (one zip) until the worker has read them; emptied after.
    payload = models.BinaryField("aangeleverde bestanden", null=True, blank=True)
    total = models.PositiveIntegerField("berichten aangeleverd", default=0)
    processed = models.PositiveIntegerField("berichten verwerkt", default=0)
    stored = models.PositiveIntegerField("opgeslagen", default=0)
    duplicates = models.PositiveIntegerField("al ontvangen", default=0)
    refused = models.PositiveIntegerField("geweigerd", default=0)
    # One entry per file: {"bestand", "uitkomst", "melding", "bericht"} (no BSN).
    report = models.JSONField("verslag", default=list, blank=True)
    error = models.TextField("fout", blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = "iWmo-import"
        verbose_name_plural = "iWmo-imports"

    def __str__(self) -> str:
        return f"iWmo-import {self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def percentage(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 0


class Bericht(models.Model):
    code = models.CharField("bericht", max_length=3, choices=BerichtType.choices)
    richting = models.CharField(
        "richting",
        max_length=10,
        choices=Richting.choices,
        default=Richting.ONTVANGEN,
    )
    afzender = models.CharField("afzender", max_length=10)
    ontvanger = models.CharField("ontvanger", max_length=10)
    identificatie = models.CharField("berichtidentificatie", max_length=20)
    dagtekening = models.DateField("dagtekening")
    xml = models.TextField("bericht (XML)")
    sha256 = models.CharField("SHA-256 van het bestand", max_length=64, db_index=True)
    # What the later mapping reads: bsn, producten [...], retourcodes [...].
    inhoud = models.JSONField("inhoud", default=dict)
    bsn = models.CharField("BSN", max_length=9, blank=True, db_index=True)
    # For a retour: the message it answers.
    retour_van = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="retouren",
        verbose_name="retour van",
    )
    received_at = models.DateTimeField("ontvangen", auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="geïmporteerd door",
    )
    berichtimport = models.ForeignKey(
        BerichtImport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="berichten",
        verbose_name="import",
    )

    objects = BerichtQuerySet.as_manager()

    class Meta:
        ordering = ["-dagtekening", "-pk"]
        verbose_name = "iWmo-bericht"
        verbose_name_plural = "iWmo-berichten"
        constraints = [
            # A message is known by its header: the same message twice is one row.
            models.UniqueConstraint(
                fields=["code", "afzender", "identificatie", "dagtekening"],
                name="iwmo_bericht_once",
            ),
            models.CheckConstraint(
                condition=models.Q(retour_van__isnull=True)
                | models.Q(code__in=list(RETOUR_OF)),
                name="iwmo_bericht_only_retour_refers",
            ),
        ]

    def __str__(self) -> str:
        return f"WMO{self.code} {self.identificatie} van {self.dagtekening:%d-%m-%Y}"

    @property
    def is_retour(self) -> bool:
        return self.code in RETOUR_OF

    @property
    def retourcodes(self) -> list[str]:
        return list(self.inhoud.get("retourcodes", []))

    @property
    def is_accepted(self) -> bool | None:
        """For a retour: does it accept the message it answers?"""
        if not self.is_retour:
            return None
        return set(self.retourcodes) <= ACCEPTING_RETOURCODES

    @property
    def retourcodes_in_words(self) -> list[str]:
        return [codelijsten.retourcode_tekst(code) for code in self.retourcodes]

    def retour_status(self) -> str:
        """ "goedgekeurd", "afgekeurd" or "" (no retour yet), from the newest retour.
        Reads `retouren`; prefetch it on lists."""
        retouren = sorted(self.retouren.all(), key=lambda r: (r.dagtekening, r.pk))
        if not retouren:
            return ""
        return "goedgekeurd" if retouren[-1].is_accepted else "afgekeurd"
