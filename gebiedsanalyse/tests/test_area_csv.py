import csv
import io
from decimal import Decimal

from django.urls import reverse

import pytest

from gebiedsanalyse.tests.factories import AreaFactory, AreaFigureFactory
from wijkteam.constants import Role
from wijkteam.tests.test_tabular import HOSTILE


def url(code):
    return reverse("gebiedsanalyse:area_csv", args=[code])


def rows_of(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_anonymous_goes_to_login(client, areas):
    assert client.get(url("BU05991086")).status_code == 302


def test_wrong_method_is_405(login, member, team, areas):
    assert login(member(Role.BALIE, team)).post(url("BU05991086")).status_code == 405


def test_unknown_area_is_404(login, member, team, areas):
    assert login(member(Role.BALIE, team)).get(url("BU00000000")).status_code == 404


def test_csv_has_every_year_and_unknown_as_empty(login, member, team, areas):
    response = login(member(Role.KWARTIERMAKER, team)).get(url("BU05991086"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert rows[0][0] == "code"
    by_key = {(r[2], r[3]): r[6] for r in rows[1:]}
    assert by_key[("2024", "inwoners")] == "9280"
    assert by_key[("2019", "inwoners")] == "9100"
    assert by_key[("2024", "bijstand")] == ""


@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_column_can_hold_a_formula(login, member, team, db, hostile):
    """Every text column (code, gebied, indicator, omschrijving: an unknown
    indicator is described by its key) starts with an apostrophe; eenheid comes from
    the catalogue; jaar and waarde are numbers, a negative value stays a number."""
    code = hostile.strip("\t\r").replace("/", "")[:10].upper()
    area = AreaFactory(code=code, name=hostile)
    AreaFigureFactory(area=area, indicator=hostile[:40], value=Decimal("-3.50"))
    response = login(member(Role.BALIE, team)).get(url(code))
    assert response.status_code == 200
    header, row = rows_of(response)
    assert header == [
        "code", "gebied", "jaar", "indicator", "omschrijving", "eenheid", "waarde"
    ]  # fmt: skip
    assert row == [
        "'" + code, "'" + hostile, "2024", "'" + hostile[:40], "'" + hostile[:40],
        "", "-3.5",
    ]  # fmt: skip
