"""Who may import the shared area data, the import history page, and the upload page
with files that used to answer 500."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from gebiedsanalyse.models import Area, CbsImport
from gebiedsanalyse.tests.cbs_files import (
    NATIONAL,
    UTRECHT_2019,
    WIJKEN_GEOJSON,
    cbs_bytes,
)
from wijkteam.constants import Role

UPLOAD = reverse("gebiedsanalyse:cbs_upload")
HISTORY = reverse("gebiedsanalyse:cbs_import_history")


def upload(name, raw):
    return SimpleUploadedFile(name, raw, content_type="text/csv")


def renamed_national() -> bytes:
    """The real national file with Rotterdam's wijk Feijenoord given another name."""
    return cbs_bytes(NATIONAL).replace(b'"Feijenoord";', b'"Andere naam";', 1)


def test_a_teams_beheerder_cannot_rename_another_teams_wijk(
    login, member, team, other_team, areas
):
    """Area data is shared by the whole gemeente: a beheerder of one team used to
    rename (and refigure) the wijk another team serves, through the import."""
    areas["wk"].teams.add(other_team)
    client = login(member(Role.BEHEERDER, team))
    response = client.post(
        UPLOAD, {"file": upload(NATIONAL, renamed_national()), "year": 2024}
    )
    assert response.status_code == 403
    assert Area.objects.get(code="WK059910").name == "Feijenoord"
    assert not CbsImport.objects.exists()


def test_the_gemeente_wide_role_imports_and_the_report_says_what_changed(
    login, member, team, areas
):
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    response = client.post(
        UPLOAD,
        {"file": upload(NATIONAL, renamed_national()), "year": 2024},
    )
    assert response.status_code == 200
    assert Area.objects.get(code="WK059910").name == "Andere naam"
    body = response.content.decode()
    assert "nieuwe naam: " in body
    run = CbsImport.objects.get()
    assert run.areas_changed >= 1 and run.via == "importpagina"


def test_the_history_lists_who_when_file_hash_year_and_counts(
    login, member, team, areas
):
    importer = member(Role.GEMEENTEBEHEERDER, team)
    importer.first_name, importer.last_name = "Gea", "Meente"
    importer.save()
    login(importer).post(
        UPLOAD, {"file": upload(UTRECHT_2019, cbs_bytes(UTRECHT_2019)), "year": 2019}
    )
    run = CbsImport.objects.get()
    assert len(run.sha256) == 64
    client = login(member(Role.BEHEERDER, team))
    response = client.get(HISTORY)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gea Meente" in body and UTRECHT_2019 in body
    assert run.sha256[:16] in body
    assert run.at.astimezone().strftime("%d-%m-%Y") in body
    assert f"{run.areas_created} / 0 / 0" in body
    assert f"{run.figures_added} / 0 / 0" in body
    assert "<caption" in body and 'scope="col"' in body


def test_the_upload_page_links_to_the_history(login, member, team):
    body = login(member(Role.GEMEENTEBEHEERDER, team)).get(UPLOAD).content.decode()
    assert HISTORY in body


@pytest.mark.parametrize(
    "role",
    [r for r in Role.values if r not in (Role.BEHEERDER, Role.GEMEENTEBEHEERDER)],
)
def test_other_roles_do_not_read_the_history(login, member, team, role):
    assert login(member(role, team)).get(HISTORY).status_code == 403


def test_history_anonymous_and_wrong_method(client, login, member, team):
    assert client.get(HISTORY).status_code == 302
    assert login(member(Role.BEHEERDER, team)).post(HISTORY).status_code == 405


def test_history_query_count_does_not_grow_with_the_rows(
    login, member, team, django_assert_max_num_queries
):
    user = member(Role.BEHEERDER, team)
    for number in range(30):
        CbsImport.objects.create(file_name=f"{number}.csv", year=2024, user=user)
    client = login(user)
    with django_assert_max_num_queries(12):
        assert client.get(HISTORY).status_code == 200


# --- the page never answers 500 -------------------------------------------------


def test_a_huge_value_on_the_page_is_a_dutch_error(login, member, team):
    raw = cbs_bytes(UTRECHT_2019).replace(b'"  352866"', b'"123456789012345"', 1)
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    response = client.post(UPLOAD, {"file": upload(UTRECHT_2019, raw), "year": 2019})
    assert response.status_code == 200
    assert "te groot" in response.content.decode()
    assert not Area.objects.exists()


def _features(geometry) -> bytes:
    feature = {"type": "Feature", "id": "WK059910", "geometry": geometry}
    return json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"type": "FeatureCollection", "features": 5}', "geen GeoJSON"),
        (b'{"type": "FeatureCollection", "features": [5]}', "geen GeoJSON-object"),
        (_features({"type": "Polygon", "coordinates": 5}), "geen geldige coördinaten"),
        (
            _features({"type": "Polygon", "coordinates": [[["a", "b"]]]}),
            "paar getallen",
        ),
        (_features({"type": ["Polygon"], "coordinates": []}), "geen vlak"),
        (_features({"type": "Polygon", "coordinates": [[[93000, 437000]]]}), "WGS84"),
        (
            _features({"type": "Polygon", "coordinates": [[[1e400, 51.9]]]}),
            "WGS84",
        ),
        (
            b'{"type": "FeatureCollection", "features": [{"id": "WK059910", '
            b'"geometry": {"type": "Polygon", "coordinates": '
            + b"[" * 50_000
            + b"]" * 50_000
            + b"}}]}",
            "geen GeoJSON",
        ),
        (
            _features(
                {"type": "Polygon", "coordinates": json.loads("[" * 200 + "]" * 200)}
            ),
            "paar getallen",
        ),
        (b'{"features": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "geen GeoJSON"),
    ],
    ids=[
        "features-not-a-list",
        "feature-not-an-object",
        "coordinates-a-number",
        "coordinates-text",
        "type-a-list",
        "rd-not-wgs84",
        "infinite-longitude",
        "deep-coordinates",
        "coordinates-too-deep",
        "deep-json",
    ],
)
def test_geojson_with_wrong_types_or_deep_nesting_is_a_dutch_error(
    login, member, team, areas, raw, message
):
    before = Area.objects.get(code="WK059910").geometry
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    response = client.post(UPLOAD, {"file": upload("grenzen.geojson", raw)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Area.objects.get(code="WK059910").geometry == before
    assert not CbsImport.objects.exists()


def test_a_real_boundary_file_twice_changes_nothing_the_second_time(
    login, member, team, areas
):
    client = login(member(Role.GEMEENTEBEHEERDER, team))
    raw = cbs_bytes(WIJKEN_GEOJSON)
    client.post(UPLOAD, {"file": upload(WIJKEN_GEOJSON, raw)})
    response = client.post(UPLOAD, {"file": upload(WIJKEN_GEOJSON, raw)})
    assert "Grenzen nieuw of gewijzigd: 0, ongewijzigd: 1" in response.content.decode()


def test_the_413_page_says_the_limit(client, login, member, team, settings):
    response = login(member(Role.GEMEENTEBEHEERDER, team)).post(
        UPLOAD,
        "x",
        content_type="text/csv",
        CONTENT_LENGTH=str((settings.CBS_UPLOAD_MAX_MB + 2) * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "hoogstens 20 MB" in response.content.decode()
