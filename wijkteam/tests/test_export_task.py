"""The export task on a real worker and real Redis, and its guards."""

from pathlib import Path

from django.conf import settings
from django.db import OperationalError

import pytest

from bouwstenen.tests.factories import ExportJobFactory
from wijkteam import exports
from wijkteam.models import ExportJob
from wijkteam.tasks import render_export


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_real_worker_renders_the_pdf(celery_worker):
    job = ExportJobFactory()
    result = render_export.delay(job.pk)
    assert result.get(timeout=60) == "done"
    job.refresh_from_db()
    assert job.status == "done"
    assert job.attempts == 1
    assert job.duration_ms is not None
    path = Path(settings.MEDIA_ROOT) / job.file.name
    assert path.read_bytes().startswith(b"%PDF")
    # a second delivery of the same message changes nothing
    assert render_export.delay(job.pk).get(timeout=30) == "done"
    again = ExportJob.objects.get(pk=job.pk)
    assert (again.status, again.file.name, again.finished_at, again.attempts) == (
        "done", job.file.name, job.finished_at, 1,
    )  # fmt: skip
    assert len(list(path.parent.glob(f"{job.token}*"))) == 1
    path.unlink()


def test_task_options_are_safe_for_redelivery():
    assert render_export.acks_late is True
    assert render_export.reject_on_worker_lost is True
    assert render_export.time_limit and render_export.soft_time_limit
    assert render_export.max_retries == 3


@pytest.mark.django_db
def test_task_retries_transient_errors_then_fails(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = ExportJobFactory()

    def boom(*args, **kwargs):
        raise OperationalError("verbinding weg")

    monkeypatch.setattr(exports, "render_pdf", boom)
    # eager apply: Celery runs the retries in-process
    result = render_export.apply(args=[job.pk])
    assert result.get() == "failed"
    job.refresh_from_db()
    assert job.status == "failed"
    assert "Tijdelijke fout" in job.error
    assert job.attempts == 4  # one try plus three retries
