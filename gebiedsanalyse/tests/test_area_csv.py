import csv
import io

from django.urls import reverse

from wijkteam.constants import Role


def url(code):
    return reverse("gebiedsanalyse:area_csv", args=[code])


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
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "code"
    by_key = {(r[2], r[3]): r[6] for r in rows[1:]}
    assert by_key[("2024", "inwoners")] == "9280"
    assert by_key[("2019", "inwoners")] == "9100"
    assert by_key[("2024", "bijstand")] == ""
