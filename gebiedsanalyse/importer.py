"""Import of CBS Kerncijfers wijken en buurten (CSV); boundaries are in boundaries.py.

One service for the management command and the beheer upload page. Everything in
one transaction: a bad file raises ImportFout with a Dutch message and changes
nothing. Idempotent: a second import of the same file changes nothing and says so.
Columns are matched by name (see catalogue.normalise), never by position.

What a file must be before anything is stored (each refusal names the line, the
column or the reason): text, a header with a region code column and the column
'Aantal inwoners' (every Kerncijfers table has it; other CBS tables with region
codes do not), the chosen year wherever the file names one, the same number of
fields on every row, a newline after the last row, a valid code on every row, and
in every recognised column a number that fits or a CBS "unknown" mark.

A stored value changes only when the file holds a valid new value for it. An empty
cell keeps the stored value (counted as kept) unless the caller asks to blank them.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import connection, transaction

from gebiedsanalyse import catalogue
from gebiedsanalyse.boundaries import boundaries_import
from gebiedsanalyse.constants import LEVEL_BY_PREFIX, AreaLevel
from gebiedsanalyse.importreport import (
    ImportFout,
    ImportReport,
    check_size,
    decode,
    fingerprint,
    save_history,
)
from gebiedsanalyse.models import Area, AreaFigure

__all__ = ["ImportFout", "ImportReport", "boundaries_import", "cbs_import"]

# CBS writes '.' (StatLine, OData) or -99997 (Wijk- en Buurtkaart) for "unknown".
MISSING = {"", ".", "-99997", "-99997.0", "-99995", "-99995.0"}
LEVEL_ORDER = [AreaLevel.LAND, AreaLevel.GEMEENTE, AreaLevel.WIJK, AreaLevel.BUURT]
BATCH = 5000
MIN_YEAR, MAX_YEAR = 1990, 2100
# AreaFigure.value is numeric(14, 3): 11 digits before the point, 3 after.
MAX_DIGITS_BEFORE_POINT = 11
THREE_DECIMALS = Decimal("0.001")
# Amsterdam and others use letters in wijk and buurt numbers (WK0363AA, BU0363AA01).
CODE_PATTERN = re.compile(r"NL00|GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}")
DELIMITERS = (";", ",", "\t")

# The StatLine tables of Kerncijfers wijken en buurten, by year. A file name that
# carries one of these ids says its year; another id names another table.
KERNCIJFERS_TABLES = {
    "82339NED": 2013,
    "82931NED": 2014,
    "83220NED": 2015,
    "83487NED": 2016,
    "83765NED": 2017,
    "84286NED": 2018,
    "84583NED": 2019,
    "84799NED": 2020,
    "85039NED": 2021,
    "85318NED": 2022,
    "85618NED": 2023,
    "85984NED": 2024,
}
_TABLE_ID = re.compile(r"(?<![0-9])(\d{5}NED)", re.IGNORECASE)
# kwb2024_…, wbkaart2024_…, Kerncijfers_wijken_en_buurten_2024_… (StatLine's name).
_NAME_YEAR = re.compile(
    r"(?:kwb|wbkaart|wijken_en_buurten_)[-_ ]?((?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
# Columns that carry the year of each row: 'jaar' (Wijk- en Buurtkaart), 'Perioden'
# (StatLine/OData: 2024JJ00), 'jrstatcode' (Wijk- en Buurtkaart: 2024GM0599).
YEAR_COLUMNS = ("jaar", "perioden", "jrstatcode")


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


def table_id(file_name: str) -> str | None:
    match = _TABLE_ID.search(file_name)
    return match.group(1).upper() if match else None


def _check_year_in_name(file_name: str, year: int) -> str:
    """Refuse when the file name says another year; return how the year is known."""
    table = table_id(file_name)
    if table in KERNCIJFERS_TABLES and KERNCIJFERS_TABLES[table] != year:
        raise ImportFout(
            f"De bestandsnaam noemt CBS-tabel {table}: de Kerncijfers van "
            f"{KERNCIJFERS_TABLES[table]}, niet van {year}. Kies het jaar "
            f"{KERNCIJFERS_TABLES[table]} of het bestand van {year}."
        )
    match = _NAME_YEAR.search(file_name)
    if match and int(match.group(1)) != year:
        raise ImportFout(
            f"De bestandsnaam noemt het jaar {match.group(1)}, u koos {year}. "
            f"Kies het jaar {match.group(1)} of het bestand van {year}."
        )
    if table in KERNCIJFERS_TABLES:
        return f"tabel {table} in de bestandsnaam"
    if match:
        return "jaar in de bestandsnaam"
    return ""


class _BadCell(Exception):
    pass


def _number(text: str) -> Decimal | None:
    """A figure, or None for CBS's "unknown". Anything else is not a figure."""
    text = text.strip()
    if text in MISSING:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise _BadCell("is geen getal") from None
    if not value.is_finite():
        raise _BadCell("is geen getal")
    if value and value.adjusted() >= MAX_DIGITS_BEFORE_POINT:
        raise _BadCell("is te groot (hoogstens 11 cijfers voor de komma)")
    # Stored with 3 decimals: compare as stored, or a re-import always "changes".
    return value.quantize(THREE_DECIMALS)


@dataclass
class _Layout:
    code: int
    names: list[tuple[int, str]]  # (column index, normalised name) in priority order
    figures: list[tuple[int, str]]  # (column index, indicator key)
    years: list[tuple[int, str]]  # (column index, column label) that carry a year


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
    if "inwoners" not in seen:
        table = table_id(report.file_name)
        which = f"CBS-tabel {table}" if table else "Dit bestand"
        raise ImportFout(
            f"{which} is geen tabel Kerncijfers wijken en buurten: de kolom 'Aantal "
            "inwoners' ontbreekt, en die heeft elke Kerncijfers-tabel. Kies het "
            "bestand Kerncijfers wijken en buurten."
        )
    years = sorted(
        (
            (index, header[index].strip())
            for index, name in enumerate(normalised)
            if name in YEAR_COLUMNS
        ),
        key=lambda column: YEAR_COLUMNS.index(normalised[column[0]]),
    )
    return _Layout(code_index, names, figures, years)


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


def _delimiter(first_line: str) -> str:
    return max(DELIMITERS, key=first_line.count)


def _check_row_year(row, layout: _Layout, line_number: int, year: int) -> bool:
    """Refuse a row whose year column says another year. True if it said one."""
    said = False
    for index, label in layout.years:
        match = re.match(r"\s*((?:19|20)\d\d)", row[index])
        if not match:
            continue
        said = True
        if int(match.group(1)) != year:
            raise ImportFout(
                f"Regel {line_number}: de kolom '{label}' zegt {match.group(1)}, "
                f"u koos {year}. Kies het jaar van het bestand."
            )
    return said


def parse_cbs_csv(
    raw: bytes,
    report: ImportReport,
    only_gemeente: str | None = None,
    year: int | None = None,
):
    """Rows of a CBS CSV (StatLine, OData or Wijk- en Buurtkaart style)."""
    text = decode(raw)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportFout("Het bestand is leeg.")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first_line))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ImportFout("Het bestand is leeg of geen CSV.") from None
    layout = _layout(header, report)
    rows: list[_Row] = []
    seen: set[str] = set()
    year_in_rows = False
    line_number = 1
    try:
        for line_number, row in enumerate(reader, start=2):  # noqa: B007
            if not row or not any(cell.strip() for cell in row):
                continue
            report.rows_read += 1
            if len(row) != len(header):
                raise ImportFout(
                    f"Regel {line_number} heeft {len(row)} kolommen, de kop "
                    f"{len(header)}. Het bestand is beschadigd of afgekapt."
                )
            raw_code = row[layout.code].strip()
            code = raw_code.upper()
            if not code:
                raise ImportFout(
                    f"Regel {line_number}: de regiocode (kolom "
                    f"'{header[layout.code].strip()}') is leeg."
                )
            if not CODE_PATTERN.fullmatch(code):
                raise ImportFout(
                    f"Regel {line_number}: '{raw_code[:20]}' is geen CBS-regiocode "
                    "(NL00, GM…, WK… of BU…)."
                )
            if code in seen:
                raise ImportFout(f"Regel {line_number}: regiocode {code} staat dubbel.")
            seen.add(code)
            if year is not None and _check_row_year(row, layout, line_number, year):
                year_in_rows = True
            if only_gemeente and code != "NL00" and code[2:6] != only_gemeente[2:6]:
                continue
            values = {}
            for index, key in layout.figures:
                try:
                    values[key] = _number(row[index])
                except _BadCell as reason:
                    raise ImportFout(
                        f"Regel {line_number}, kolom '{header[index].strip()}': "
                        f"'{row[index].strip()[:20]}' {reason}."
                    ) from None
            rows.append(_Row(code, _row_name(row, layout, code), values))
    except csv.Error as exc:
        raise ImportFout(f"Het CSV-bestand is niet goed leesbaar: {exc}.") from None
    if report.rows_read == 0:
        raise ImportFout("Het bestand bevat alleen een kop en geen regels.")
    # Every CBS file ends its last row with a newline: without one, the file was cut
    # off (possibly inside the last number, which would still look like a number).
    if not text.endswith(("\n", "\r")):
        raise ImportFout(
            f"Het bestand houdt op midden in regel {line_number}: er staat geen "
            "regeleinde na de laatste regel. Het is afgekapt of niet helemaal "
            "opgeslagen; download het opnieuw."
        )
    if year_in_rows:
        report.year_source = f"gecontroleerd met de kolom '{layout.years[0][1]}'"
    return rows


def _upsert_areas(rows: list[_Row], report: ImportReport) -> dict[str, int]:
    """Create missing areas (parents first) and rename. Returns code -> id."""
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
                if row.name and row.name != old_name:
                    changed.append(Area(pk=pk, name=row.name))
                else:
                    report.areas_unchanged += 1
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
            report.areas_changed += len(changed)
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


def _write_figures(
    rows: list[_Row], ids: dict[str, int], year: int, report: ImportReport
) -> None:
    """New figures by COPY, changed ones by one UPDATE, unchanged ones not at all.

    An empty cell keeps a known value (counted in figures_kept), unless the report
    asks to blank them. Re-importing the same file writes nothing.
    """
    keys = {key for row in rows for key in row.values}
    current = {
        (area_id, key): value
        for area_id, key, value in AreaFigure.objects.filter(
            year=year, indicator__in=keys
        ).values_list("area_id", "indicator", "value")
    }
    new, changed = [], []
    for row in rows:
        area_id = ids[row.code]
        for key, value in row.values.items():
            marker = (area_id, key)
            if marker not in current:
                new.append((area_id, year, key, value))
                report.figures_added += 1
            elif current[marker] == value:
                report.figures_unchanged += 1
            elif value is None and not report.blank_missing:
                report.figures_kept += 1
            else:
                changed.append((area_id, key, value))
                if value is None:
                    report.figures_blanked += 1
                else:
                    report.figures_changed += 1
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


def cbs_import(
    *,
    raw: bytes,
    file_name: str,
    year: int,
    user=None,
    only_gemeente: str | None = None,
    blank_missing: bool = False,
    via: str = "",
) -> ImportReport:
    """Import a CBS Kerncijfers CSV for `year`. All or nothing.

    `blank_missing`: an empty cell empties a known value (default: keeps it).
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ImportFout(
            f"Het jaar {year} kan niet kloppen (tussen {MIN_YEAR} en {MAX_YEAR})."
        )
    report = ImportReport(
        file_name=file_name,
        year=year,
        sha256=fingerprint(raw),
        blank_missing=blank_missing,
    )
    named = _check_year_in_name(file_name, year)
    rows = parse_cbs_csv(raw, report, only_gemeente=only_gemeente, year=year)
    if not report.year_source:
        report.year_source = (
            f"gecontroleerd met de {named}"
            if named
            else "door u gekozen; het bestand noemt geen jaar"
        )
    with transaction.atomic():
        ids = _upsert_areas(rows, report)
        _write_figures(rows, ids, year, report)
        save_history(report, user=user, via=via)
    return report


def import_file(
    *,
    raw: bytes,
    file_name: str,
    year: int | None,
    user=None,
    only_gemeente=None,
    blank_missing: bool = False,
    via: str = "",
):
    """CSV -> figures, GeoJSON -> boundaries, chosen by the file name."""
    check_size(raw)
    lower = file_name.lower()
    if lower.endswith((".geojson", ".json")):
        return boundaries_import(
            raw=raw,
            file_name=file_name,
            user=user,
            only_gemeente=only_gemeente,
            via=via,
        )
    if not lower.endswith((".csv", ".txt")):
        raise ImportFout("Kies een CSV-bestand (cijfers) of GeoJSON-bestand (grenzen).")
    if year is None:
        raise ImportFout("Geef het jaar van de cijfers op.")
    return cbs_import(
        raw=raw,
        file_name=file_name,
        year=year,
        user=user,
        only_gemeente=only_gemeente,
        blank_missing=blank_missing,
        via=via,
    )
