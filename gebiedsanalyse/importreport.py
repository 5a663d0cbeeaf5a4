"""What both CBS imports share: the Dutch error, the report, and the history row.

The report counts every stored value the import touched or chose not to touch, so
a reader (and the tests) can tell from it alone what changed: nothing changes
without a count that says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.conf import settings

from gebiedsanalyse import catalogue
from gebiedsanalyse.models import CbsImport


class ImportFout(Exception):
    """A file we cannot import. The message is Dutch and meant for the user."""


def max_bytes() -> int:
    return settings.CBS_UPLOAD_MAX_MB * 1024 * 1024


def too_big_message() -> str:
    return f"Het bestand is groter dan {settings.CBS_UPLOAD_MAX_MB} MB."


def check_size(raw: bytes) -> None:
    """One limit for the upload page and the command (CBS_UPLOAD_MAX_MB)."""
    if len(raw) > max_bytes():
        raise ImportFout(too_big_message())


NOT_TEXT = "Het bestand is geen tekstbestand (CSV). Kies het CSV-bestand van CBS."


def decode(raw: bytes) -> str:
    # A NUL anywhere (not only at the start) would reach PostgreSQL, which refuses it.
    if b"\x00" in raw:
        raise ImportFout(NOT_TEXT)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ImportFout(NOT_TEXT) from None


@dataclass
class ImportReport:
    file_name: str
    sha256: str = ""
    year: int | None = None
    year_source: str = ""
    blank_missing: bool = False
    rows_read: int = 0
    areas_created: int = 0
    areas_changed: int = 0  # renamed (figures) or new boundary (boundaries)
    areas_unchanged: int = 0
    figures_added: int = 0
    figures_changed: int = 0
    figures_blanked: int = 0  # a known value emptied: only with blank_missing
    figures_unchanged: int = 0
    figures_kept: int = 0  # a known value kept because the file had none for it
    boundaries_skipped: int = 0
    recognised_columns: dict[str, str] = field(default_factory=dict)
    unrecognised_columns: list[str] = field(default_factory=list)

    @property
    def figures_written(self) -> int:
        return self.figures_added + self.figures_changed + self.figures_blanked

    @property
    def changed_anything(self) -> bool:
        return bool(self.areas_created or self.areas_changed or self.figures_written)

    def lines(self) -> list[str]:
        result = [f"Bestand: {self.file_name}"]
        if self.year:
            result.append(f"Jaar: {self.year} ({self.year_source})")
        result.append(f"Regels gelezen: {self.rows_read}")
        if self.year:
            result.append(
                f"Gebieden nieuw: {self.areas_created}, nieuwe naam: "
                f"{self.areas_changed}, ongewijzigd: {self.areas_unchanged}"
            )
            result.append(
                f"Cijfers nieuw: {self.figures_added}, gewijzigd: "
                f"{self.figures_changed}, ongewijzigd: {self.figures_unchanged}"
            )
            if self.blank_missing:
                result.append(
                    f"Bestaande waarden gewist (lege cel, op uw verzoek): "
                    f"{self.figures_blanked}"
                )
            elif self.figures_kept:
                result.append(
                    f"Bestaande waarden behouden (lege cel in het bestand): "
                    f"{self.figures_kept}"
                )
        else:
            result.append(
                f"Grenzen nieuw of gewijzigd: {self.areas_changed}, ongewijzigd: "
                f"{self.areas_unchanged}, overgeslagen (gebied onbekend): "
                f"{self.boundaries_skipped}"
            )
        if not self.changed_anything:
            result.append("Er is niets gewijzigd: alles stond er al zo.")
        if self.recognised_columns:
            result.append(
                "Kolommen herkend: "
                + ", ".join(
                    f"{column} → {catalogue.BY_KEY[key].label}"
                    for column, key in self.recognised_columns.items()
                )
            )
        if self.year:
            result.append(
                "Kolommen niet herkend: "
                + (", ".join(self.unrecognised_columns) or "geen")
            )
        return result


def fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def save_history(report: ImportReport, *, user, via: str) -> CbsImport:
    """The import history row; inside the import's transaction, so a refused or
    failed import leaves no row and a kept row always matches what was stored."""
    return CbsImport.objects.create(
        user=user,
        via=via,
        file_name=report.file_name[:200],
        sha256=report.sha256,
        year=report.year,
        blank_missing=report.blank_missing,
        rows_read=report.rows_read,
        areas_created=report.areas_created,
        areas_changed=report.areas_changed,
        areas_unchanged=report.areas_unchanged,
        figures_written=report.figures_written,
        figures_added=report.figures_added,
        figures_changed=report.figures_changed,
        figures_blanked=report.figures_blanked,
        figures_unchanged=report.figures_unchanged,
        figures_kept=report.figures_kept,
        boundaries_skipped=report.boundaries_skipped,
        unrecognised_columns=report.unrecognised_columns,
    )
