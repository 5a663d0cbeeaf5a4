"""Background exports (PDF): a registry of export kinds and the services around
ExportJob. Apps register their kinds in `AppConfig.ready()`:

    register(ExportKind(name="startdocument", template="bouwstenen/pdf/x.html", ...))

A kind says which template renders it, how to build the template's context from an
object id (in the worker, without a request), how to fetch the object for a user
(the same access check as the document's own page: 404 / 403) and which permission
of wijkteam.access the data in the file needs: a job is shown, retried and
downloaded only by a role with that permission in the job's team.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError, transaction
from django.db.models import F, Q
from django.http import Http404, HttpRequest
from django.utils import timezone

from wijkteam.constants import ExportStatus
from wijkteam.models import ExportJob, Team, User, export_file_name
from wijkteam.pdf import render_pdf


@dataclass(frozen=True)
class ExportKind:
    name: str
    label: str
    # The permission of the page whose data the file holds (wijkteam.access). A file
    # outlives the request: whoever reaches the job must pass it too.
    permission: str
    template: str
    # (request, object_id) -> object; raises Http404 / PermissionDenied.
    get_for_user: Callable[[HttpRequest, int], object]
    # object -> (team, version number, title)
    describe: Callable[[object], tuple[Team, int | None, str]]
    # (object_id, version) -> template context; runs in the worker.
    build_context: Callable[[int, int | None], dict]
    # object -> URL of the page the export belongs to.
    page_url: Callable[[object], str]
    # object -> ids of the persons in the export, for the access log on download.
    person_ids: Callable[[object], list[int]] = lambda obj: []
    # True: build_context also gets `job=` (the ExportJob), for kinds whose
    # content depends on the requesting team or user, not only on the object.
    needs_job: bool = False


REGISTRY: dict[str, ExportKind] = {}


def register(kind: ExportKind) -> ExportKind:
    REGISTRY[kind.name] = kind
    return kind


def get_kind(name: str) -> ExportKind:
    try:
        return REGISTRY[name]
    except KeyError:
        raise Http404 from None


class TransientExportError(Exception):
    """Something that may work a moment later (database gone away, disk busy)."""


# The only errors worth another try; anything else fails the job at once.
TRANSIENT_ERRORS = (TransientExportError, OperationalError, OSError)
# A RUNNING job older than this lost its worker (the hard time limit is shorter).
STALE_AFTER = ExportJob.STALE_AFTER
# A job whose worker was lost this many times fails instead of going round again:
# it may be what kills the worker (memory).
MAX_ATTEMPTS = 3


def _enqueue(job_id: int) -> None:
    # Imported here: wijkteam.tasks imports this module at its top.
    from wijkteam.tasks import render_export

    render_export.delay(job_id)


def export_request(*, kind: ExportKind, obj, user: User) -> ExportJob:
    """Create a queued job; the worker is asked only after the commit."""
    team, version, title = kind.describe(obj)
    with transaction.atomic():
        job = ExportJob.objects.create(
            team=team,
            requested_by=user,
            kind=kind.name,
            object_id=obj.pk,
            version=version,
            title=title[:200],
        )
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _stale(now) -> Q:
    return Q(status=ExportStatus.RUNNING, started_at__lt=now - STALE_AFTER)


def export_retry(*, job: ExportJob, user: User) -> bool:
    """A failed job, or one left running by a lost worker, goes back to the queue.
    False if it was neither (any more): a job still rendering is not retried."""
    retryable = Q(status=ExportStatus.FAILED) | _stale(timezone.now())
    with transaction.atomic():
        moved = ExportJob.objects.filter(retryable, pk=job.pk).update(
            status=ExportStatus.QUEUED,
            error="",
            started_at=None,
            finished_at=None,
            duration_ms=None,
        )
        if moved:
            transaction.on_commit(lambda: _enqueue(job.pk))
    return bool(moved)


def export_requeue_stale() -> list[int]:
    """Celery beat, every minute: jobs left running by a lost worker go back to the
    queue, each once (a conditional UPDATE that must touch its row), enqueued after
    the commit. The worker's own message comes back from the broker later (its
    visibility timeout); whichever runs second finds the job claimed or done and
    does nothing. After MAX_ATTEMPTS lost workers the job fails."""
    now = timezone.now()
    requeued = []
    for job_id, attempts in ExportJob.objects.filter(_stale(now)).values_list(
        "pk", "attempts"
    ):
        if attempts >= MAX_ATTEMPTS:
            ExportJob.objects.filter(_stale(now), pk=job_id).update(
                status=ExportStatus.FAILED,
                error=f"De worker is {attempts} keer weggevallen.",
                finished_at=now,
            )
            continue
        with transaction.atomic():
            if ExportJob.objects.filter(_stale(now), pk=job_id).update(
                status=ExportStatus.QUEUED
            ):
                transaction.on_commit(partial(_enqueue, job_id))
                requeued.append(job_id)
    return requeued


def _claim(job_id: int) -> bool:
    """queued -> running (or a stale running job): must touch exactly one row."""
    now = timezone.now()
    claimable = Q(status=ExportStatus.QUEUED) | _stale(now)
    return (
        ExportJob.objects.filter(claimable, pk=job_id).update(
            status=ExportStatus.RUNNING, started_at=now, attempts=F("attempts") + 1
        )
        == 1
    )


def export_render(*, job_id: int) -> str:
    """Render the job's file. Idempotent: a job that is not queued is left alone.

    Returns the job's status afterwards. A transient error puts the job back in the
    queue and is raised again, so the task can retry it.
    """
    if not _claim(job_id):
        return (
            ExportJob.objects.filter(pk=job_id).values_list("status", flat=True).first()
            or ""
        )
    job = ExportJob.objects.get(pk=job_id)
    started = time.monotonic()
    try:
        kind = REGISTRY[job.kind]
        extra = {"job": job} if kind.needs_job else {}
        context = kind.build_context(job.object_id, job.version, **extra)
        pdf = render_pdf(kind.template, context)
        name = export_file_name(job, "")
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(pdf))
    except TRANSIENT_ERRORS:
        ExportJob.objects.filter(pk=job_id, status=ExportStatus.RUNNING).update(
            status=ExportStatus.QUEUED
        )
        raise
    except Exception as exc:
        export_fail(job_id=job_id, error=f"{type(exc).__name__}: {exc}")
        return ExportStatus.FAILED
    ExportJob.objects.filter(pk=job_id, status=ExportStatus.RUNNING).update(
        status=ExportStatus.DONE,
        file=saved,
        finished_at=timezone.now(),
        duration_ms=int((time.monotonic() - started) * 1000),
        error="",
    )
    return ExportStatus.DONE


def export_fail(*, job_id: int, error: str) -> None:
    ExportJob.objects.filter(
        pk=job_id, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]
    ).update(
        status=ExportStatus.FAILED,
        error=error[:2000],
        finished_at=timezone.now(),
    )
