"""Start, status, download and retry of a PDF export: the document's own access."""

from django.urls import reverse

import pytest

from bouwstenen.tests.factories import DocumentFactory, ExportJobFactory
from wijkteam import exports
from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry, ExportJob


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr("wijkteam.tasks.render_export.delay", calls.append)
    return calls


@pytest.fixture
def document(team):
    return DocumentFactory(team=team, title="Startdocument Noord")


@pytest.fixture
def done_job(document):
    job = ExportJobFactory(document=document)
    exports.export_render(job_id=job.pk)
    job.refresh_from_db()
    return job


def start_url(document):
    return reverse("export_start", args=["bouwstenen-document", document.pk])


# --- start --------------------------------------------------------------


def test_start_anonymous_goes_to_login(client, document):
    assert client.post(start_url(document))["Location"].startswith(reverse("login"))
    assert not ExportJob.objects.exists()


def test_start_other_team_gets_404(login, member, other_team, document):
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert client.post(start_url(document)).status_code == 404
    assert not ExportJob.objects.exists()


@pytest.mark.parametrize("role", [Role.WIJKTEAMLID, Role.BALIE, Role.BEHEERDER])
def test_start_role_without_access_gets_403(login, member, team, document, role):
    assert login(member(role, team)).post(start_url(document)).status_code == 403
    assert not ExportJob.objects.exists()


def test_start_get_is_405(login, member, team, document):
    assert (
        login(member(Role.TEAMLEIDER, team)).get(start_url(document)).status_code == 405
    )


def test_start_unknown_kind_is_404(login, member, team, document):
    url = reverse("export_start", args=["casus", document.pk])
    assert login(member(Role.KWARTIERMAKER, team)).post(url).status_code == 404


def test_start_returns_at_once_with_polling_partial(
    login, member, team, document, sent, django_capture_on_commit_callbacks
):
    client = login(member(Role.TEAMLEIDER, team))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url(document), HTTP_HX_REQUEST="true")
    job = ExportJob.objects.get()
    body = response.content.decode()
    assert response.status_code == 200
    assert job.status == "queued"
    assert sent == [job.pk]
    assert 'hx-trigger="every 1s"' in body
    assert "In de wachtrij" in body


def test_start_without_htmx_redirects_to_document(login, member, team, document):
    response = login(member(Role.KWARTIERMAKER, team)).post(start_url(document))
    assert response["Location"] == reverse(
        "bouwstenen:document_detail", args=[document.pk]
    )


# --- status -------------------------------------------------------------


def test_status_other_team_gets_404(login, member, other_team, done_job):
    client = login(member(Role.TEAMLEIDER, other_team))
    assert (
        client.get(reverse("export_status", args=[done_job.token])).status_code == 404
    )


def test_status_role_without_access_gets_403(login, member, team, done_job):
    client = login(member(Role.WIJKTEAMLID, team))
    assert (
        client.get(reverse("export_status", args=[done_job.token])).status_code == 403
    )


def test_status_done_shows_download_and_stops_polling(login, member, team, done_job):
    client = login(member(Role.TEAMLEIDER, team))
    body = client.get(reverse("export_status", args=[done_job.token])).content.decode()
    assert reverse("export_download", args=[done_job.token]) in body
    assert "hx-trigger" not in body


def test_status_failed_shows_error_and_retry(login, member, team, document):
    job = ExportJobFactory(document=document, failed=True)
    client = login(member(Role.TEAMLEIDER, team))
    body = client.get(reverse("export_status", args=[job.token])).content.decode()
    assert "De PDF kon niet worden gemaakt." in body
    assert "Opnieuw proberen" in body
    assert str(job.token)[:8] in body
    assert "Testfout" not in body  # the technical error stays in the admin


# --- download -----------------------------------------------------------


def test_download_other_team_gets_404(login, member, other_team, done_job):
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert (
        client.get(reverse("export_download", args=[done_job.token])).status_code == 404
    )


def test_download_role_without_access_gets_403(login, member, team, done_job):
    client = login(member(Role.BALIE, team))
    assert (
        client.get(reverse("export_download", args=[done_job.token])).status_code == 403
    )
    assert not AccessLogEntry.objects.filter(action=AccessAction.EXPORT).exists()


def test_download_post_is_405(login, member, team, done_job):
    client = login(member(Role.TEAMLEIDER, team))
    assert (
        client.post(reverse("export_download", args=[done_job.token])).status_code
        == 405
    )


def test_download_of_unfinished_job_is_404(login, member, team, document):
    job = ExportJobFactory(document=document)
    client = login(member(Role.TEAMLEIDER, team))
    assert client.get(reverse("export_download", args=[job.token])).status_code == 404


def test_download_headers_and_access_log(login, member, team, done_job):
    user = member(Role.TEAMLEIDER, team)
    response = login(user).get(reverse("export_download", args=[done_job.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"] == (
        'attachment; filename="startdocument-noord-versie-1.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    entry = AccessLogEntry.objects.get(action=AccessAction.EXPORT)
    assert (entry.user, entry.team, entry.object_id) == (user, team, str(done_job.pk))


# --- retry --------------------------------------------------------------


def test_retry_other_team_gets_404(login, member, other_team, document):
    job = ExportJobFactory(document=document, failed=True)
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert client.post(reverse("export_retry", args=[job.token])).status_code == 404
    job.refresh_from_db()
    assert job.status == "failed"


def test_retry_role_without_access_gets_403(login, member, team, document):
    job = ExportJobFactory(document=document, failed=True)
    client = login(member(Role.WIJKTEAMLID, team))
    assert client.post(reverse("export_retry", args=[job.token])).status_code == 403


def test_retry_get_is_405(login, member, team, document):
    job = ExportJobFactory(document=document, failed=True)
    client = login(member(Role.TEAMLEIDER, team))
    assert client.get(reverse("export_retry", args=[job.token])).status_code == 405


def test_retry_requeues_a_failed_job(
    login, member, team, document, sent, django_capture_on_commit_callbacks
):
    job = ExportJobFactory(document=document, failed=True)
    client = login(member(Role.KWARTIERMAKER, team))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("export_retry", args=[job.token]), HTTP_HX_REQUEST="true"
        )
    job.refresh_from_db()
    assert job.status == "queued"
    assert sent == [job.pk]
    assert "In de wachtrij" in response.content.decode()


def test_an_export_without_a_version_has_no_number_in_its_name():
    """An inzage-PDF or an area's PDF has no version: no "versie-0" in the name."""
    unversioned = ExportJob(title="Inzageverzoek inwoner 12", version=None)
    assert unversioned.download_name == "inzageverzoek-inwoner-12.pdf"
    assert ExportJob(title="Plan", version=2).download_name == "plan-versie-2.pdf"
