"""Import of CBS Kerncijfers wijken en buurten (CSV) and boundaries (GeoJSON).

One service for the management command and the beheer upload page. Everything in
one transaction: a bad file raises ImportFout with a Dutch message and changes
nothing. Idempotent: a second import of the same file updates, never duplicates.
Columns are matched by name (see catalogue.normalise), never by position.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import connection, transaction

from gebiedsanalyse import catalogue
from gebiedsanalyse.constants import LEVEL_BY_PREFIX, AreaLevel
from gebiedsanalyse.models import Area, AreaFigure, CbsImport

# CBS writes '.' (StatLine, OData) or -99997 (Wijk- en Buurtkaart) for "unknown".
MISSING = {"", ".", "-99997", "-99997.0", "-99995", "-99995.0"}
LEVEL_ORDER = [AreaLevel.LAND, AreaLevel.GEMEENTE, AreaLevel.WIJK, AreaLevel.BUURT]
BATCH = 5000
MIN_YEAR, MAX_YEAR = 1990, 2100


class ImportFout(Exception):
    """A file we cannot import. The message is Dutch and meant for the user."""


@dataclass
class ImportReport:
    file_name: str
    year: int | None = None
    rows_read: int = 0
    areas_created: int = 0
    areas_updated: int = 0
    figures_written: int = 0
    figures_unchanged: int = 0
    boundaries_written: int = 0
    boundaries_skipped: int = 0
    recognised_columns: dict[str, str] = field(default_factory=dict)
    unrecognised_columns: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        result = [f"Bestand: {self.file_name}"]
        if self.year:
            result.append(f"Jaar: {self.year}")
        result.append(f"Regels gelezen: {self.rows_read}")
        result.append(
            f"Gebieden nieuw: {self.areas_created}, bijgewerkt: {self.areas_updated}"
        )
        if self.year:
            result.append(
                f"Cijfers nieuw of gewijzigd: {self.figures_written}, "
                f"ongewijzigd: {self.figures_unchanged}"
            )
        if self.boundaries_written or self.boundaries_skipped:
            result.append(
                f"Grenzen geschreven: {self.boundaries_written}, overgeslagen "
                f"(gebied onbekend): {self.boundaries_skipped}"
            )
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


def level_of(code: str) -> str | None:
    return LEVEL_BY_PREFIX.get(code[:2])


def parent_code(code: str) -> str | None:
    """BU05990101 -> WK059901 -> GM0599 -> NL00."""
    level = level_of(code)
    if level == AreaLevel.BUURT:
        return "WK" + code[2:8]
    if level == AreaLevel.WIJK:
        return "GM" + code[2:6]
    if level == AreaLevel.GEMEENTE:
        return "NL00"
    return None


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise ImportFout(
            "Het bestand is geen tekstbestand (CSV). Kies het CSV-bestand van CBS."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ImportFout(
                "Het bestand is geen tekstbestand (CSV). Kies het CSV-bestand van CBS."
            ) from None


def _number(text: str) -> Decimal | None:
    text = text.strip()
    if text in MISSING:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@dataclass
class _Layout:
    code: int
    names: list[tuple[int, str]]  # (column index, normalised name) in priority order
    figures: list[tuple[int, str]]  # (column index, indicator key)


def _layout(header: list[str], report: ImportReport) -> _Layout:
    normalised = [catalogue.normalise(column) for column in header]
    code_index = next(
        (normalised.index(name) for name in catalogue.CODE_NAMES if name in normalised),
        None,
    )
    if code_index is None:
        raise ImportFout(
            "Dit bestand heeft geen kolom met de regiocode (zoals 'Codering' of "
            "'buurtcode'). Exporteer de Kerncijfers wijken en buurten mét de "
            "regiocodes."
        )
    names = [
        (normalised.index(name), name)
        for name in catalogue.NAME_NAMES
        if name in normalised
    ]
    figures: list[tuple[int, str]] = []
    seen: set[str] = set()
    used = {code_index} | {index for index, _ in names}
    for index, column in enumerate(header):
        if index in used:
            continue
        key = catalogue.indicator_for(column)
        label = column.strip()
        if key and key not in seen:
            seen.add(key)
            figures.append((index, key))
            report.recognised_columns[label] = key
        elif catalogue.is_ignored(normalised[index]) or normalised[index] in (
            catalogue.CODE_NAMES
        ):
            continue
        else:
            report.unrecognised_columns.append(label)
    if not figures:
        raise ImportFout(
            "In dit bestand staat geen enkele kolom die wij kennen (zoals 'Aantal "
            "inwoners'). Is dit wel een CBS-bestand Kerncijfers wijken en buurten?"
        )
    return _Layout(code_index, names, figures)


@dataclass
class _Row:
    code: str
    name: str
    values: dict[str, Decimal | None]


def _row_name(row: list[str], layout: _Layout, code: str) -> str:
    for index, name in layout.names:
        value = row[index].strip() if index < len(row) else ""
        if not value or value == code:
            continue
        if name == "gemeentenaam" and level_of(code) != AreaLevel.GEMEENTE:
            continue  # the gemeente's name is not the wijk's name
        return value[:120]
    return ""


def parse_cbs_csv(raw: bytes, report: ImportReport, only_gemeente: str | None = None):
    """Rows of a CBS CSV (StatLine, OData or Wijk- en Buurtkaart style)."""
    text = _decode(raw)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportFout("Het bestand is leeg.")
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ImportFout("Het bestand is leeg of geen CSV.") from None
    layout = _layout(header, report)
    rows: list[_Row] = []
    seen: set[str] = set()
    try:
        for line_number, row in enumerate(reader, start=2):
            if not row or not any(cell.strip() for cell in row):
                continue
            report.rows_read += 1
            if len(row) != len(header):
                raise ImportFout(
                    f"Regel {line_number} heeft {len(row)} kolommen, de kop "
                    f"{len(header)}. Het bestand is beschadigd of afgekapt."
                )
            code = row[layout.code].strip().upper()
            if level_of(code) is None:
                raise ImportFout(
                    f"Regel {line_number}: '{code[:20]}' is geen CBS-regiocode "
                    "(NL00, GM…, WK… of BU…)."
                )
            if code in seen:
                raise ImportFout(f"Regel {line_number}: regiocode {code} staat dubbel.")
            seen.add(code)
            if only_gemeente and code != "NL00" and code[2:6] != only_gemeente[2:6]:
                continue
            values = {key: _number(row[index]) for index, key in layout.figures}
            rows.append(_Row(code, _row_name(row, layout, code), values))
    except csv.Error as exc:
        raise ImportFout(f"Het CSV-bestand is niet goed leesbaar: {exc}.") from None
    if report.rows_read == 0:
        raise ImportFout("Het bestand bevat alleen een kop en geen regels.")
    return rows


def _upsert_areas(rows: list[_Row], report: ImportReport) -> dict[str, int]:
    """Create missing areas (parents first) and update names. Returns code -> id."""
    existing = {
        code: (pk, name)
        for pk, code, name in Area.objects.values_list("pk", "code", "name")
    }
    ids = {code: pk for code, (pk, _) in existing.items()}
    by_level: dict[str, list[_Row]] = {level: [] for level in LEVEL_ORDER}
    for row in rows:
        by_level[level_of(row.code)].append(row)
    for level in LEVEL_ORDER:
        new, changed = [], []
        for row in by_level[level]:
            parent = parent_code(row.code)
            parent_id = ids.get(parent) if parent else None
            if row.code in existing:
                pk, old_name = existing[row.code]
                report.areas_updated += 1
                if row.name and row.name != old_name:
                    changed.append(Area(pk=pk, name=row.name))
            else:
                new.append(
                    Area(
                        code=row.code,
                        name=row.name or row.code,
                        level=level,
                        parent_id=parent_id,
                    )
                )
        if new:
            for area in Area.objects.bulk_create(new, batch_size=BATCH):
                ids[area.code] = area.pk
            report.areas_created += len(new)
        if changed:
            Area.objects.bulk_update(changed, ["name"], batch_size=BATCH)
    _link_parents(ids)
    return ids


def _link_parents(ids: dict[str, int]) -> None:
    """Set the parent of every area whose parent exists but is not linked yet."""
    orphans = Area.objects.filter(parent__isnull=True).exclude(code="NL00")
    fixes = []
    for area in orphans.only("pk", "code"):
        parent = parent_code(area.code)
        if parent in ids:
            area.parent_id = ids[parent]
            fixes.append(area)
    if fixes:
        Area.objects.bulk_update(fixes, ["parent"], batch_size=BATCH)


def _write_figures(rows: list[_Row], ids: dict[str, int], year: int):
    """New figures by COPY, changed ones by one UPDATE, unchanged ones not at all.

    Returns (written, unchanged). Re-importing the same file writes nothing.
    """
    keys = {key for row in rows for key in row.values}
    current = {
        (area_id, key): value
        for area_id, key, value in AreaFigure.objects.filter(
            year=year, indicator__in=keys
        ).values_list("area_id", "indicator", "value")
    }
    new, changed, unchanged = [], [], 0
    for row in rows:
        area_id = ids[row.code]
        for key, value in row.values.items():
            marker = (area_id, key)
            if marker not in current:
                new.append((area_id, year, key, value))
            elif current[marker] != value:
                changed.append((area_id, key, value))
            else:
                unchanged += 1
    table = connection.ops.quote_name(AreaFigure._meta.db_table)
    with connection.cursor() as cursor:
        if new:
            with cursor.copy(
                f"COPY {table} (area_id, year, indicator, value) FROM STDIN"
            ) as copy:
                for record in new:
                    copy.write_row(record)
        if changed:
            # Many changed rows: COPY them into a scratch table, one UPDATE … FROM.
            cursor.execute("DROP TABLE IF EXISTS cbs_changed_figures")
            cursor.execute(
                "CREATE TEMPORARY TABLE cbs_changed_figures "
                "(area_id bigint, indicator varchar(40), value numeric(14, 3))"
            )
            with cursor.copy(
                "COPY cbs_changed_figures (area_id, indicator, value) FROM STDIN"
            ) as copy:
                for record in changed:
                    copy.write_row(record)
            cursor.execute(
                f"UPDATE {table} AS f SET value = c.value FROM cbs_changed_figures c "
                "WHERE f.area_id = c.area_id AND f.indicator = c.indicator "
                "AND f.year = %s",
                [year],
            )
            cursor.execute("DROP TABLE cbs_changed_figures")
    return len(new) + len(changed), unchanged


def cbs_import(
    *,
    raw: bytes,
    file_name: str,
    year: int,
    user=None,
    only_gemeente: str | None = None,
) -> ImportReport:
    """Import a CBS Kerncijfers CSV for `year`. All or nothing."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ImportFout(
            f"Het jaar {year} kan niet kloppen (tussen {MIN_YEAR} en {MAX_YEAR})."
        )
    report = ImportReport(file_name=file_name, year=year)
    rows = parse_cbs_csv(raw, report, only_gemeente=only_gemeente)
    with transaction.atomic():
        ids = _upsert_areas(rows, report)
        report.figures_written, report.figures_unchanged = _write_figures(
            rows, ids, year
        )
        CbsImport.objects.create(
            user=user,
            file_name=file_name[:200],
            year=year,
            rows_read=report.rows_read,
            areas_created=report.areas_created,
            areas_updated=report.areas_updated,
            figures_written=report.figures_written,
            unrecognised_columns=report.unrecognised_columns,
        )
    return report


def _round_geometry(geometry: dict) -> dict:
    """Keep 5 decimals (about 1 m): the files are simplified to ~100 m anyway."""

    def walk(coords):
        if coords and isinstance(coords[0], int | float):
            return [round(coords[0], 5), round(coords[1], 5)]
        return [walk(c) for c in coords]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def boundaries_import(
    *, raw: bytes, file_name: str, user=None, only_gemeente: str | None = None
) -> ImportReport:
    """Boundaries of known areas from a CBS GeoJSON (WGS84). All or nothing."""
    report = ImportReport(file_name=file_name)
    try:
        data = json.loads(_decode(raw))
        features = data["features"]
    except (ValueError, KeyError, TypeError):
        raise ImportFout(
            "Dit is geen GeoJSON-bestand met gebiedsgrenzen (FeatureCollection)."
        ) from None
    wanted: dict[str, dict] = {}
    for feature in features:
        try:
            props = feature.get("properties") or {}
            code = (
                str(
                    feature.get("id")
                    or props.get("buurtcode")
                    or props.get("wijkcode")
                    or props.get("gemeentecode")
                    or props.get("statcode")
                    or ""
                )
                .strip()
                .upper()
            )
            geometry = feature["geometry"]
            if geometry["type"] not in ("Polygon", "MultiPolygon"):
                raise KeyError
        except (AttributeError, KeyError, TypeError):
            raise ImportFout(
                "Een gebied in dit bestand heeft geen code of geen vlak "
                "(Polygon/MultiPolygon)."
            ) from None
        report.rows_read += 1
        if only_gemeente and code[2:6] != only_gemeente[2:6]:
            continue
        wanted[code] = geometry
    if report.rows_read == 0:
        raise ImportFout("Het bestand bevat geen gebieden.")
    with transaction.atomic():
        areas = list(Area.objects.filter(code__in=list(wanted)).only("pk", "code"))
        for area in areas:
            area.geometry = _round_geometry(wanted[area.code])
        Area.objects.bulk_update(areas, ["geometry"], batch_size=500)
        report.areas_updated = len(areas)
        report.boundaries_written = len(areas)
        report.boundaries_skipped = len(wanted) - len(areas)
        CbsImport.objects.create(
            user=user,
            file_name=file_name[:200],
            rows_read=report.rows_read,
            areas_updated=report.areas_updated,
        )
    return report


def import_file(
    *, raw: bytes, file_name: str, year: int | None, user=None, only_gemeente=None
):
    """CSV -> figures, GeoJSON -> boundaries, chosen by the file name."""
    lower = file_name.lower()
    if lower.endswith((".geojson", ".json")):
        return boundaries_import(
            raw=raw, file_name=file_name, user=user, only_gemeente=only_gemeente
        )
    if not lower.endswith((".csv", ".txt")):
        raise ImportFout("Kies een CSV-bestand (cijfers) of GeoJSON-bestand (grenzen).")
    if year is None:
        raise ImportFout("Geef het jaar van de cijfers op.")
    return cbs_import(
        raw=raw, file_name=file_name, year=year, user=user, only_gemeente=only_gemeente
    )
