"""The one writer of spreadsheet files (CSV and XLSX) for every export.

A spreadsheet reads a cell that starts with = + - @ (and, after a tab or carriage
return, whatever follows) as a formula: `=HYPERLINK("https://...")` leaks what is
clicked, `=cmd|' /C calc'!A0` starts a program (DDE). Every text cell that starts
with one of those gets a leading apostrophe, so it is shown as the text it was.

Only text is neutralised. Numbers (int, float, Decimal) are written as numbers: a
negative number is not a formula, and text "-3" would no longer add up. A caller
that has a number must pass it as a number, not as its text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Row = Iterable[object]


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _cell(value: object) -> object:
    """A number as a number, anything else as neutralised text; None is empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float | Decimal):
        return value
    return safe_text(str(value))


def _csv_cell(value: object) -> object:
    value = _cell(value)
    # No exponent ("1E+3") in a file read by people and spreadsheets.
    return format(value, "f") if isinstance(value, Decimal) else value


class _Echo:
    """csv.writer writes to this and gets each line back, for streaming."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Row], *, delimiter: str = ";") -> Iterator[str]:
    """The file line by line, with a byte order mark first (Excel then reads UTF-8).
    Semicolons: a Dutch spreadsheet's list separator."""
    writer = csv.writer(_Echo(), delimiter=delimiter)
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([_csv_cell(value) for value in row])


def csv_response(rows: Iterable[Row], *, filename: str) -> StreamingHttpResponse:
    """A download that is written while it is sent: a large file is never held in
    memory. `rows` may be a generator (the header first)."""
    response = StreamingHttpResponse(
        csv_lines(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_cell(value: object) -> object:
    value = _cell(value)
    # Control characters are not allowed in the file format at all.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def xlsx_bytes(rows: Iterable[Row], *, sheet: str = "Blad1") -> bytes:
    """The workbook in openpyxl's write-only mode: rows are written one by one, not
    kept as a grid of cell objects."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=sheet[:31])
    for row in rows:
        worksheet.append([_xlsx_cell(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(
    rows: Iterable[Row], *, filename: str, sheet: str = "Blad1"
) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(rows, sheet=sheet), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
