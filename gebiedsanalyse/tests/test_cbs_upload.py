from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from gebiedsanalyse import forms
from gebiedsanalyse.models import Area, AreaFigure, CbsImport
from gebiedsanalyse.tests.cbs_files import (
    NATIONAL,
    UTRECHT_2019,
    WIJKEN_GEOJSON,
    cbs_bytes,
)
from wijkteam.constants import Role

URL = reverse("gebiedsanalyse:cbs_upload")


def upload(name, raw):
    return SimpleUploadedFile(name, raw, content_type="text/csv")


def test_anonymous_goes_to_login(client):
    assert client.post(URL).status_code == 302


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.BEHEERDER])
def test_only_beheer_may_import(login, member, team, role):
    client = login(member(role, team))
    assert client.get(URL).status_code == 403
    response = client.post(URL, {"file": upload("a.csv", b"x"), "year": 2019})
    assert response.status_code == 403
    assert not CbsImport.objects.exists()


def test_wrong_method_is_405(login, member, team):
    assert login(member(Role.BEHEERDER, team)).put(URL).status_code == 405


def test_beheer_imports_a_real_file_and_sees_the_report(login, member, team):
    client = login(member(Role.BEHEERDER, team))
    response = client.post(
        URL, {"file": upload(UTRECHT_2019, cbs_bytes(UTRECHT_2019)), "year": 2019}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Regels gelezen: 122" in body
    assert "Kolommen niet herkend: HuishoudensZonderKinderen_30, Opleidings" in body
    assert (
        AreaFigure.objects.get(
            area__code="GM0344", indicator="inwoners", year=2019
        ).value
        == 352866
    )
    assert CbsImport.objects.get().user.memberships.get().role == Role.BEHEERDER


def test_boundaries_upload_needs_no_year(login, member, team):
    from gebiedsanalyse.tests.factories import AreaFactory

    AreaFactory(code="WK059910", name="Feijenoord", level="wijk")
    client = login(member(Role.BEHEERDER, team))
    response = client.post(
        URL, {"file": upload(WIJKEN_GEOJSON, cbs_bytes(WIJKEN_GEOJSON))}
    )
    assert "Grenzen geschreven: 1" in response.content.decode()
    assert Area.objects.get(code="WK059910").geometry


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"year": 2019}, "Kies een bestand."),
        ({"file": ("a.csv", b"Codering_3;X_1\nGM0599;1\n")}, "Vul het jaar"),
        ({"file": ("a.xlsx", b"PK\x03\x04"), "year": 2019}, "Kies een CSV-bestand"),
        ({"file": ("a.csv", b"naam;x\nJan;1\n"), "year": 2019}, "regiocode"),
        ({"file": ("a.csv", b"Codering_3;X\nGM1;1\n"), "year": 1200}, "vanaf 1990"),
    ],
)
def test_bad_upload_shows_dutch_error_and_changes_nothing(
    login, member, team, data, error
):
    client = login(member(Role.BEHEERDER, team))
    if "file" in data:
        data = {**data, "file": upload(*data["file"])}
    response = client.post(URL, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Area.objects.exists() and not CbsImport.objects.exists()


def test_file_over_the_size_limit_is_refused(login, member, team, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    client = login(member(Role.BEHEERDER, team))
    response = client.post(
        URL, {"file": upload(UTRECHT_2019, cbs_bytes(UTRECHT_2019)), "year": 2019}
    )
    assert "groter dan 20 MB" in response.content.decode()
    assert not Area.objects.exists()


def test_huge_upload_is_refused_before_it_is_read(login, member, team, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 0)
    client = login(member(Role.BEHEERDER, team))
    response = client.post(
        URL, {"file": upload(NATIONAL, cbs_bytes(NATIONAL)), "year": 2024}
    )
    assert "groter dan 20 MB" in response.content.decode()
    assert not Area.objects.exists() and not CbsImport.objects.exists()
