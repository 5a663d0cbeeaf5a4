from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from gebiedsanalyse import forms
from gebiedsanalyse.models import Area, AreaFigure, CbsImport
from gebiedsanalyse.tests.cbs_files import (
    HERKOMST_NO_CODES,
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


@pytest.mark.parametrize(
    "role", [r for r in Role.values if r != Role.GEMEENTEBEHEERDER]
)
def test_only_the_gemeente_wide_role_may_import(login, member, team, role):
    client = login(member(role, team))
    assert client.get(URL).status_code == 403
    response = client.post(URL, {"file": upload("a.csv", b"x"), "year": 2019})
    assert response.status_code == 403
    assert not CbsImport.objects.exists()


def test_wrong_method_is_405(login, member, team):
    assert login(member(Role.GEMEENTEBEHEERDER, team)).put(URL).status_code == 405


def test_beheer_imports_a_real_file_and_sees_the_report(login, member, team):
    client = login(member(Role.GEMEENTEBEHEERDER, team))
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
    assert CbsImport.objects.get().user.memberships.get().role == (
        Role.GEMEENTEBEHEERDER
    )


def test_boundaries_upload_needs_no_year(login, member, team):
    from gebiedsanalyse.tests.factories import AreaFactory

    AreaFactory(code="WK059910", name="Feijenoord", level="wijk")
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    response = client.post(
        URL, {"file": upload(WIJKEN_GEOJSON, cbs_bytes(WIJKEN_GEOJSON))}
    )
    assert "Grenzen nieuw of gewijzigd: 1" in response.content.decode()
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
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    if "file" in data:
        data = {**data, "file": upload(*data["file"])}
    response = client.post(URL, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Area.objects.exists() and not CbsImport.objects.exists()


def test_real_herkomst_file_without_codes_is_refused_with_the_reason(
    login, member, team
):
    """The national herkomst file (SOURCE.md file 2) has no code column: the
    page says why, in Dutch, and nothing is imported."""
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    raw = cbs_bytes(HERKOMST_NO_CODES)
    response = client.post(URL, {"file": upload(HERKOMST_NO_CODES, raw), "year": 2024})
    body = response.content.decode()
    assert "geen kolom met de regiocode" in body
    assert "mét de regiocodes" in body
    assert not Area.objects.exists() and not CbsImport.objects.exists()


def test_file_over_the_size_limit_is_refused(login, member, team, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    response = client.post(
        URL, {"file": upload(UTRECHT_2019, cbs_bytes(UTRECHT_2019)), "year": 2019}
    )
    assert "groter dan 20 MB" in response.content.decode()
    assert not Area.objects.exists()


def test_huge_upload_is_refused_before_it_is_read(login, member, team, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 0)
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    response = client.post(
        URL, {"file": upload(NATIONAL, cbs_bytes(NATIONAL)), "year": 2024}
    )
    assert "groter dan 20 MB" in response.content.decode()
    assert not Area.objects.exists() and not CbsImport.objects.exists()


@pytest.mark.parametrize(
    ("name", "raw", "error"),
    [
        ("cijfers.csv", b"PK\x03\x04" + b"\x00" * 40, "Excel- of zip-bestand"),
        ("cijfers.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "afbeelding"),
        ("cijfers.txt", b"%PDF-1.7\n", "het lijkt een PDF"),
        ("cijfers.csv", "Codering_3;Aantal\nGM0599;1\n".encode("utf-16"), "UTF-16"),
        ("grenzen.geojson", b"Codering_3;Aantal\nGM0599;1\n", "geen GeoJSON"),
    ],
)
def test_content_that_does_not_fit_the_name_is_refused(
    login, member, team, name, raw, error
):
    """The extension is not enough: the first bytes are checked too."""
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    response = client.post(URL, {"file": upload(name, raw), "year": 2019})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Area.objects.exists() and not CbsImport.objects.exists()


def test_the_size_limit_is_a_setting(settings):
    assert settings.CBS_UPLOAD_MAX_MB == 20
    assert forms.MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    assert forms.TOO_BIG == "Het bestand is groter dan 20 MB."
