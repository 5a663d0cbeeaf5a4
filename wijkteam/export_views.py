"""Views of background exports: start, status (polled by htmx), download, retry.

Every view checks the kind's permission in the job's team (403) and access to the
exported object itself through its kind's `get_for_user` (404 for another team,
403 for a role without the right), so an export is never easier to reach than the
page whose data it holds. Jobs are addressed by their random token, not by their
sequential id: one link cannot be guessed from another.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from wijkteam.access import require, roles_by_team
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction, ExportStatus
from wijkteam.exports import export_request, export_retry, get_kind
from wijkteam.models import ExportJob


def get_job_for_user(request: HttpRequest, token: UUID):
    """The job and its object, if the user may see what the file holds."""
    try:
        job = ExportJob.objects.select_related("team").get(
            token=token, team__in=list(roles_by_team(request.user))
        )
    except ExportJob.DoesNotExist:
        raise Http404 from None
    kind = get_kind(job.kind)
    require(request, kind.permission, job.team)
    obj = kind.get_for_user(request, job.object_id)
    return job, kind, obj


def _status(request: HttpRequest, job: ExportJob) -> HttpResponse:
    return render(request, "wijkteam/partials/export_status.html", {"job": job})


@login_required
@require_POST
def export_start(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    export_kind = get_kind(kind)
    obj = export_kind.get_for_user(request, object_id)
    team, _, _ = export_kind.describe(obj)
    require(request, export_kind.permission, team)
    job = export_request(kind=export_kind, obj=obj, user=request.user)
    if request.htmx:
        return _status(request, job)
    return redirect(export_kind.page_url(obj))


@login_required
@require_GET
def export_status(request: HttpRequest, token: UUID) -> HttpResponse:
    job, _, _ = get_job_for_user(request, token)
    return _status(request, job)


@login_required
@require_POST
def export_retry_view(request: HttpRequest, token: UUID) -> HttpResponse:
    job, kind, obj = get_job_for_user(request, token)
    export_retry(job=job, user=request.user)
    job.refresh_from_db()
    if request.htmx:
        return _status(request, job)
    return redirect(kind.page_url(obj))


@login_required
@require_GET
def export_download(request: HttpRequest, token: UUID) -> HttpResponse:
    job, kind, obj = get_job_for_user(request, token)
    if job.status != ExportStatus.DONE or not job.file:
        raise Http404
    log_access(
        request,
        action=AccessAction.EXPORT,
        person_ids=kind.person_ids(obj) or [None],
        obj=job,
        team=job.team,
        purpose=f"PDF downloaden: {job.title}",
    )
    response = FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.download_name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store"
    return response
