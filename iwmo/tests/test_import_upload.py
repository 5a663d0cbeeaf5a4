"""The upload page, the report and the history: who may, CSRF, zips, big batches."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from iwmo import services
from iwmo.constants import ImportStatus
from iwmo.models import Bericht, BerichtImport
from iwmo.tests import builders
from iwmo.tests.factories import BerichtImportFactory
from wijkteam.constants import Role

URL = reverse("iwmo:import_upload")
HISTORY = reverse("iwmo:import_history")


def xml(name, data):
    return SimpleUploadedFile(name, data, content_type="application/xml")


def zipped(name, *pairs):
    data = services.pack([services.Bestand(n, d) for n, d in pairs])
    return SimpleUploadedFile(name, data, content_type="application/zip")


@pytest.fixture
def gemeentebeheerder(login, member, team):
    return login(member(Role.GEMEENTEBEHEERDER, team))


def test_anonymous_goes_to_login(client, db):
    assert client.post(URL).status_code == 302
    assert not BerichtImport.objects.exists()


@pytest.mark.parametrize(
    "role", [r for r in Role.values if r != Role.GEMEENTEBEHEERDER]
)
def test_only_the_gemeente_wide_role_may_import(login, member, team, role):
    client = login(member(role, team))
    assert client.get(URL).status_code == 403
    data = builders.toewijzing(identificatie="T1")
    assert client.post(URL, {"files": xml("a.xml", data)}).status_code == 403
    assert not Bericht.objects.exists()


def test_wrong_method_is_405(gemeentebeheerder):
    assert gemeentebeheerder.put(URL).status_code == 405
    assert gemeentebeheerder.post(HISTORY).status_code == 405


def test_a_post_without_the_csrf_token_is_refused(member, team):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member(Role.GEMEENTEBEHEERDER, team))
    data = builders.toewijzing(identificatie="T1")
    assert client.post(URL, {"files": xml("a.xml", data)}).status_code == 403
    assert not Bericht.objects.exists()
    page = client.get(URL)
    assert b'name="csrfmiddlewaretoken"' in page.content


def test_several_files_are_imported_and_reported(gemeentebeheerder):
    files = [
        xml("a.xml", builders.toewijzing(identificatie="T1")),
        xml("b.xml", builders.start_levering(identificatie="S1")),
    ]
    response = gemeentebeheerder.post(URL, {"files": files})
    run = BerichtImport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("iwmo:import_detail", args=[run.pk])
    assert (run.stored, run.refused, run.status) == (2, 0, ImportStatus.DONE)
    report = gemeentebeheerder.get(response.url).content.decode()
    assert "2 opgeslagen" in report
    assert "WMO301 T1 van 06-01-2025" in report
    assert builders.BSN not in report  # no person data on the report


def test_a_zip_goes_on_after_a_bad_file_and_says_why(gemeentebeheerder):
    upload = zipped(
        "box.zip",
        ("1.xml", builders.toewijzing(identificatie="T1")),
        ("2.xml", b"<wmo301:Bericht>"),
        ("3.xml", builders.ijw_toewijzing()),
        ("4.xml", builders.stop_levering(identificatie="E1")),
    )
    response = gemeentebeheerder.post(URL, {"files": upload}, follow=True)
    run = BerichtImport.objects.get()
    assert (run.total, run.stored, run.refused) == (4, 2, 2)
    page = response.content.decode()
    assert "box.zip/2.xml" in page
    assert "Geen geldige XML: regel 1" in page
    assert "Dit is een iJw-bericht; deze import leest alleen iWmo 3.2." in page


def test_a_reimport_is_reported_as_al_ontvangen(gemeentebeheerder):
    data = builders.toewijzing(identificatie="T1")
    gemeentebeheerder.post(URL, {"files": xml("a.xml", data)})
    response = gemeentebeheerder.post(URL, {"files": xml("a.xml", data)}, follow=True)
    assert "1 al ontvangen" in response.content.decode()
    assert "Al ontvangen op " in response.content.decode()
    assert Bericht.objects.count() == 1


def test_a_file_that_is_no_xml_or_zip_is_refused_next_to_the_field(gemeentebeheerder):
    response = gemeentebeheerder.post(URL, {"files": xml("brief.pdf", b"%PDF")})
    assert response.status_code == 200
    assert "brief.pdf is geen van beide" in response.content.decode()
    assert not BerichtImport.objects.exists()


def test_too_big_is_refused_before_reading(gemeentebeheerder, settings):
    settings.IWMO_UPLOAD_MAX_MB = 1
    big = xml("a.xml", b"<x>" + b" " * (2 * 1024 * 1024) + b"</x>")
    response = gemeentebeheerder.post(URL, {"files": big})
    assert response.status_code == 200
    assert "groter dan 1 MB" in response.content.decode()
    assert not BerichtImport.objects.exists()


def test_a_big_batch_goes_to_the_worker_on_commit(
    gemeentebeheerder, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.IWMO_INLINE_MAX = 2
    sent = []
    monkeypatch.setattr("iwmo.tasks.run_import.delay", sent.append)
    upload = zipped(
        "box.zip",
        *[(f"{n}.xml", builders.toewijzing(identificatie=f"T{n}")) for n in range(3)],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = gemeentebeheerder.post(URL, {"files": upload})
    run = BerichtImport.objects.get()
    assert sent == [run.pk]
    assert (run.status, run.total) == (ImportStatus.QUEUED, 3)
    progress = gemeentebeheerder.get(response.url).content.decode()
    assert "0 van 3 berichten verwerkt" in progress
    assert 'hx-trigger="every 2s"' in progress
    services.import_queued(berichtimport_id=run.pk)  # what the worker does
    done = gemeentebeheerder.get(response.url, headers={"HX-Request": "true"})
    assert "3 opgeslagen" in done.content.decode()
    assert "hx-trigger" not in done.content.decode()  # stops polling when done


def test_the_history_lists_every_run_for_beheer(login, member, team):
    BerichtImportFactory(stored=7, duplicates=2)
    client = login(member(Role.BEHEERDER, team))
    page = client.get(HISTORY).content.decode()
    assert "<td>7</td><td>2</td>" in page
    assert "Berichten importeren" not in page  # a beheerder does not import


def test_an_unknown_run_is_404(gemeentebeheerder):
    url = reverse("iwmo:import_detail", args=[999_999])
    assert gemeentebeheerder.get(url).status_code == 404


def test_the_history_page_asks_a_fixed_number_of_queries(
    gemeentebeheerder, django_assert_max_num_queries
):
    for _ in range(5):
        BerichtImportFactory(started_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    with django_assert_max_num_queries(12):
        assert gemeentebeheerder.get(HISTORY).status_code == 200
