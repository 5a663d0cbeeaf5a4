"""Jobs left running by a lost worker: the beat sweep requeues them once, a user may
retry them, and the broker hands a lost worker's message out again in minutes."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

import pytest

from bouwstenen.tests.factories import ExportJobFactory
from wijkteam import exports
from wijkteam.celery import app
from wijkteam.constants import Role
from wijkteam.models import ExportJob
from wijkteam.tasks import requeue_stale_exports

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr("wijkteam.tasks.render_export.delay", calls.append)
    return calls


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def running(started_ago: timedelta, **fields) -> ExportJob:
    job = ExportJobFactory(**fields)
    ExportJob.objects.filter(pk=job.pk).update(
        status="running", started_at=timezone.now() - started_ago, attempts=1
    )
    job.refresh_from_db()
    return job


STALE = exports.STALE_AFTER + timedelta(seconds=1)
FRESH = exports.STALE_AFTER - timedelta(seconds=30)


def test_a_stale_job_is_requeued_once(sent, django_capture_on_commit_callbacks):
    job = running(STALE)
    with django_capture_on_commit_callbacks(execute=True):
        assert exports.export_requeue_stale() == [job.pk]
        assert exports.export_requeue_stale() == []  # now queued, not running
    job.refresh_from_db()
    assert job.status == "queued"
    assert sent == [job.pk]
    # The worker's own message may come back from the broker as well: one render.
    assert exports.export_render(job_id=job.pk) == "done"
    assert exports.export_render(job_id=job.pk) == "done"
    job.refresh_from_db()
    assert job.attempts == 2


def test_a_fresh_running_job_is_left_alone(sent, django_capture_on_commit_callbacks):
    job = running(FRESH)
    with django_capture_on_commit_callbacks(execute=True):
        assert exports.export_requeue_stale() == []
    job.refresh_from_db()
    assert (job.status, sent) == ("running", [])


def test_a_job_finished_meanwhile_is_left_alone(
    sent, monkeypatch, django_capture_on_commit_callbacks
):
    """Between the sweep's read and its UPDATE the job finished: the UPDATE, which
    checks again, touches nothing."""
    job = running(STALE)
    stale_ids = ExportJob.objects.filter(pk=job.pk).values_list("pk", "attempts")
    ExportJob.objects.filter(pk=job.pk).update(status="done")
    real_filter = ExportJob.objects.filter

    def filter_seeing_the_old_state(*args, **kwargs):
        # The first query (the list of stale jobs) still sees the job running.
        if not calls:
            calls.append(1)
            return stale_ids
        return real_filter(*args, **kwargs)

    calls = []
    monkeypatch.setattr(ExportJob.objects, "filter", filter_seeing_the_old_state)
    with django_capture_on_commit_callbacks(execute=True):
        assert exports.export_requeue_stale() == []
    job.refresh_from_db()
    assert (job.status, sent) == ("done", [])


def test_a_job_that_lost_its_worker_three_times_fails(sent):
    job = running(STALE)
    ExportJob.objects.filter(pk=job.pk).update(attempts=exports.MAX_ATTEMPTS)
    assert exports.export_requeue_stale() == []
    job.refresh_from_db()
    assert job.status == "failed" and "3 keer" in job.error
    assert sent == []


def test_beat_runs_the_sweep_every_minute(sent, django_capture_on_commit_callbacks):
    entry = settings.CELERY_BEAT_SCHEDULE["exports-vastgelopen"]
    assert entry["task"] == requeue_stale_exports.name
    assert entry["schedule"] <= 60
    job = running(STALE)
    with django_capture_on_commit_callbacks(execute=True):
        assert requeue_stale_exports() == 1
    assert sent == [job.pk]


def test_visibility_timeout_fits_the_time_limits():
    """A lost worker's message comes back after the broker's visibility timeout:
    later than any task that takes its message late can run, later than an export
    counts as stale (so the redelivered task may take it over), and soon enough that
    every job finishes within 10 minutes of a restart (Celery's default: an hour)."""
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    late = [t for t in app.tasks.values() if getattr(t, "acks_late", False)]
    assert late  # render_export, notify_regievoerder
    for task in late:
        limit = task.time_limit or settings.CELERY_TASK_TIME_LIMIT
        assert limit < timeout, task.name
    assert exports.STALE_AFTER.total_seconds() < timeout
    assert timeout + 60 + 120 <= 600  # + a sweep interval + one render's time limit


# --- the user's retry of a stale job ----------------------------------------


def test_the_status_of_a_stale_job_offers_a_retry(login, member):
    job = running(STALE)
    client = login(member(Role.TEAMLEIDER, job.team))
    body = client.get(reverse("export_status", args=[job.token])).content.decode()
    assert "onderbroken" in body
    assert reverse("export_retry", args=[job.token]) in body
    fresh = running(FRESH)
    body = client.get(reverse("export_status", args=[fresh.token])).content.decode()
    assert reverse("export_retry", args=[fresh.token]) not in body


def test_a_user_may_retry_a_stale_job(
    login, member, sent, django_capture_on_commit_callbacks
):
    job = running(STALE)
    client = login(member(Role.TEAMLEIDER, job.team))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("export_retry", args=[job.token]), HTTP_HX_REQUEST="true"
        )
    assert response.status_code == 200
    job.refresh_from_db()
    assert job.status == "queued"
    assert sent == [job.pk]


def test_a_job_still_rendering_is_not_retried(
    login, member, sent, django_capture_on_commit_callbacks
):
    job = running(FRESH)
    client = login(member(Role.TEAMLEIDER, job.team))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("export_retry", args=[job.token]))
    job.refresh_from_db()
    assert (job.status, sent) == ("running", [])
