"""The export services: request, render (idempotent), retry, failures."""

from datetime import timedelta
from pathlib import Path

from django.db import OperationalError
from django.utils import timezone

import pytest

from bouwstenen.exports import EXPORT_KIND
from bouwstenen.tests.factories import DocumentFactory, ExportJobFactory
from wijkteam import exports
from wijkteam.models import ExportJob
from wijkteam.tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def job(db):
    return ExportJobFactory()


def test_request_creates_queued_job_and_enqueues_after_commit(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    document = DocumentFactory(title="Startdocument Noord")
    user = UserFactory()
    sent = []
    monkeypatch.setattr("wijkteam.tasks.render_export.delay", sent.append)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = exports.export_request(kind=EXPORT_KIND, obj=document, user=user)
    assert sent == []  # nothing before the commit
    assert (job.status, job.version, job.team, job.requested_by) == (
        "queued", 1, document.team, user,
    )  # fmt: skip
    assert job.title == "Startdocument Noord"
    for callback in callbacks:
        callback()
    assert sent == [job.pk]


def test_render_twice_gives_one_file_and_one_state(job, media_root):
    assert exports.export_render(job_id=job.pk) == "done"
    job.refresh_from_db()
    first = (job.file.name, job.finished_at, job.duration_ms)
    assert exports.export_render(job_id=job.pk) == "done"
    job.refresh_from_db()
    assert (job.file.name, job.finished_at, job.duration_ms) == first
    files = list(Path(media_root).rglob("*.pdf"))
    assert files == [Path(media_root) / job.file.name]
    assert files[0].read_bytes().startswith(b"%PDF")
    assert job.status == "done" and job.error == ""


def test_running_job_is_not_claimed_twice(job):
    ExportJob.objects.filter(pk=job.pk).update(
        status="running", started_at=timezone.now()
    )
    assert exports.export_render(job_id=job.pk) == "running"
    job.refresh_from_db()
    assert not job.file


def test_stale_running_job_is_taken_over(job):
    long_ago = timezone.now() - exports.STALE_AFTER - timedelta(seconds=1)
    ExportJob.objects.filter(pk=job.pk).update(status="running", started_at=long_ago)
    assert exports.export_render(job_id=job.pk) == "done"


def test_transient_error_puts_job_back_in_queue(job, monkeypatch):
    def boom(*args, **kwargs):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(exports, "render_pdf", boom)
    with pytest.raises(OperationalError):
        exports.export_render(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "queued"


def test_other_error_fails_the_job_with_message(job, monkeypatch):
    def boom(*args, **kwargs):
        raise ValueError("sjabloon kapot")

    monkeypatch.setattr(exports, "render_pdf", boom)
    assert exports.export_render(job_id=job.pk) == "failed"
    job.refresh_from_db()
    assert job.status == "failed"
    assert "sjabloon kapot" in job.error


def test_retry_only_moves_failed_jobs(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr("wijkteam.tasks.render_export.delay", sent.append)
    failed = ExportJobFactory(failed=True)
    done = ExportJobFactory(done=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert exports.export_retry(job=failed, user=failed.requested_by)
        assert not exports.export_retry(job=done, user=done.requested_by)
    failed.refresh_from_db()
    assert (failed.status, failed.error) == ("queued", "")
    assert sent == [failed.pk]
