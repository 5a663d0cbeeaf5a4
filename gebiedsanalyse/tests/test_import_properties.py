"""Property-based tests: real CBS files, mutated, never hurt the stored data.

The base is a real file from the repository cut to its first rows (whole lines, no
value changed), imported first; then a mutation of it is imported over it: cut at a
random byte, one cell replaced by garbage, an empty cell, a CBS "unknown" mark or a
huge number, header names shuffled, another delimiter, another year. Whatever the
mutation, the import either refuses with a Dutch ImportFout and changes nothing, or
reports, and every stored value is unchanged or changed and counted in the report.

Each example runs inside a savepoint that is rolled back, so examples do not see
each other. `derandomize=True`: the same examples on every run, so CI never flakes.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from gebiedsanalyse.boundaries import boundaries_import
from gebiedsanalyse.importer import ImportFout, cbs_import
from gebiedsanalyse.models import Area, AreaFigure, CbsImport
from gebiedsanalyse.tests.cbs_files import (
    MAP_BUURTEN,
    UTRECHT_2019,
    WIJKEN_GEOJSON,
    cbs_bytes,
)
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _head(raw: bytes, rows: int) -> bytes:
    """The header and the first `rows` rows, whole lines as they are in the file."""
    return b"".join(raw.splitlines(keepends=True)[: rows + 1])


# OData style (quoted, padded, ';') and map style (',' with -99997 and a year column).
BASES = {
    UTRECHT_2019: (_head(cbs_bytes(UTRECHT_2019), 25), 2019),
    MAP_BUURTEN: (_head(cbs_bytes(MAP_BUURTEN), 15), 2024),
}
GARBAGE = st.one_of(
    st.sampled_from(
        ["veel", "", ".", "-99997", "   ", "1e400", "NaN", "-Infinity", "12,5"]
    ),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=4).map(str),
    st.text(max_size=12),
)


def _cells(raw: bytes):
    text = raw.decode("utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    return [line.split(delimiter) for line in text.splitlines()], delimiter


def _join(lines, delimiter: str) -> bytes:
    return ("\n".join(delimiter.join(cells) for cells in lines) + "\n").encode()


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(sorted(BASES)))
    raw, year = BASES[name]
    kind = draw(
        st.sampled_from(["cut", "cell", "cells", "header", "delimiter", "year"])
    )
    if kind == "cut":
        raw = raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
    elif kind in ("cell", "cells"):
        lines, delimiter = _cells(raw)
        for _ in range(1 if kind == "cell" else draw(st.integers(2, 6))):
            row = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            column = draw(st.integers(min_value=0, max_value=len(lines[row]) - 1))
            value = draw(GARBAGE)
            quoted = draw(st.booleans())
            lines[row][column] = f'"{value}"' if quoted else value
        raw = _join(lines, delimiter)
    elif kind == "header":
        lines, delimiter = _cells(raw)
        lines[0] = draw(st.permutations(lines[0]))
        raw = _join(lines, delimiter)
    elif kind == "delimiter":
        lines, delimiter = _cells(raw)
        raw = _join(lines, draw(st.sampled_from(["\t", "|", ",", ";"])))
    else:
        year = draw(st.sampled_from([2019, 2021, 2024]))
    return name, raw, year


def _stored():
    figures = {
        (code, year, indicator): value
        for code, year, indicator, value in AreaFigure.objects.values_list(
            "area__code", "year", "indicator", "value"
        )
    }
    return figures, dict(Area.objects.values_list("code", "name"))


class _Rollback(Exception):
    pass


def _in_savepoint(check):
    """Run `check` and undo everything it stored, whatever happens."""
    try:
        with transaction.atomic():
            check()
            raise _Rollback
    except _Rollback:
        pass


def _assert_changes_are_reported(before, after, report) -> None:
    figures_before, names_before = before
    figures_after, names_after = after
    assert set(figures_before) <= set(figures_after), "a figure disappeared"
    added = set(figures_after) - set(figures_before)
    changed = {
        key for key in figures_before if figures_before[key] != figures_after[key]
    }
    blanked = {key for key in changed if figures_after[key] is None}
    assert len(added) == report.figures_added
    assert len(changed - blanked) == report.figures_changed
    assert len(blanked) == report.figures_blanked == 0  # never without the choice
    renamed = {code for code in names_before if names_before[code] != names_after[code]}
    assert len(renamed) == report.areas_changed
    assert len(set(names_after) - set(names_before)) == report.areas_created
    for key in changed | added:
        value = figures_after[key]
        assert value is None or abs(value) < Decimal(10) ** 11


@BOUNDED
@given(case=mutated())
def test_a_mutated_real_file_is_refused_whole_or_every_change_is_reported(case):
    name, raw, year = case
    base, base_year = BASES[name]

    def check():
        cbs_import(raw=base, file_name=name, year=base_year)
        before = _stored()
        history = CbsImport.objects.count()
        try:
            report = cbs_import(raw=raw, file_name=name, year=year)
        except ImportFout as exc:
            event("geweigerd")
            assert str(exc) and not str(exc).startswith(("Traceback", "Error"))
            assert _stored() == before
            assert CbsImport.objects.count() == history
            return
        event("geïmporteerd" if report.changed_anything else "niets gewijzigd")
        _assert_changes_are_reported(before, _stored(), report)
        assert CbsImport.objects.count() == history + 1

    _in_savepoint(check)


@st.composite
def mutated_geojson(draw):
    data = json.loads(cbs_bytes(WIJKEN_GEOJSON))
    data["features"] = data["features"][:4]
    if draw(st.booleans()):
        raw = json.dumps(data).encode()
        return raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
    feature = draw(st.sampled_from(data["features"]))
    junk = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=5),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    )
    where = draw(st.sampled_from(["feature", "geometry", "type", "coordinates", "id"]))
    if where == "feature":
        data["features"][0] = draw(junk)
    elif where == "geometry":
        feature["geometry"] = draw(junk)
    elif where == "type":
        feature["geometry"]["type"] = draw(junk)
    elif where == "coordinates":
        feature["geometry"]["coordinates"] = draw(junk)
    else:
        feature["id"] = draw(junk)
    return json.dumps(data).encode()


@BOUNDED
@given(raw=mutated_geojson())
def test_a_mutated_boundary_file_is_refused_or_reported(raw):
    def check():
        Area.objects.create(code="WK059910", name="Feijenoord", level="wijk")
        before = _stored(), dict(Area.objects.values_list("code", "geometry"))
        try:
            report = boundaries_import(raw=raw, file_name="wijken.geojson")
        except ImportFout:
            after = _stored(), dict(Area.objects.values_list("code", "geometry"))
            assert after == before
            return
        geometry = Area.objects.get(code="WK059910").geometry
        assert report.areas_changed == (geometry != before[1]["WK059910"])

    _in_savepoint(check)


def _with_cell(name: str, row: int, column: int, value: str) -> tuple:
    raw, year = BASES[name]
    lines, delimiter = _cells(raw)
    lines[row][column] = value
    return name, _join(lines, delimiter), year


@settings(BOUNDED, max_examples=15)
@given(case=mutated())
# Besides the generated cases, always the ones that used to answer 500.
@example(case=_with_cell(UTRECHT_2019, 1, 4, '"123456789012345"'))
@example(case=_with_cell(MAP_BUURTEN, 1, 12, "1e400"))
def test_the_upload_page_never_answers_500(client, member, team, case):
    name, raw, year = case

    def check():
        client.force_login(member(Role.GEMEENTEBEHEERDER, team))
        response = client.post(
            reverse("gebiedsanalyse:cbs_upload"),
            {"file": SimpleUploadedFile(name, raw), "year": year},
        )
        assert response.status_code == 200

    _in_savepoint(check)
