"""Small function views; every one goes through wijkteam.access.

iWmo messages are gemeente-wide (no team): importing them is the gemeentebeheerder's
(`iwmo.import`); a team's beheerder may read the import runs (`iwmo.history`). The
pages show file names, message identifications and counts, never a BSN, so they
are not person data and write no access-log rows.
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from iwmo import forms, services
from iwmo.constants import Uitkomst, Via
from iwmo.forms import BerichtUploadForm
from iwmo.models import BerichtImport
from wijkteam.access import can, team_permission_required

HISTORY_PAGE = 50
# The report lists refused files in full; stored and duplicate ones up to this many.
REPORT_LIMIT = 500


@team_permission_required("iwmo.import")
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    too_big = request.method == "POST" and _content_length(request) > (
        forms.max_upload_bytes() + 1024 * 1024
    )
    if too_big:
        # Refuse before Django reads the whole upload.
        form = BerichtUploadForm(request.POST)
        form.is_valid()
        form.errors["files"] = form.error_class([forms.too_big_message()])
    else:
        form = BerichtUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not too_big and form.is_valid():
        bestanden = [
            services.Bestand(upload.name, upload.read())
            for upload in form.cleaned_data["files"]
        ]
        count = sum(1 for _ in services.expand(bestanden))
        if count > settings.IWMO_INLINE_MAX:
            run = services.import_enqueue(bestanden=bestanden, user=request.user)
        else:
            run = services.import_files(
                bestanden=bestanden, user=request.user, via=Via.PAGINA
            )
        return redirect("iwmo:import_detail", pk=run.pk)
    return render(
        request,
        "iwmo/import_upload.html",
        {
            "form": form,
            "imports": BerichtImport.objects.select_related("started_by").defer(
                "payload", "report"
            )[:5],
            "max_mb": settings.IWMO_UPLOAD_MAX_MB,
        },
    )


@team_permission_required("iwmo.history")
@require_GET
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One run's report: progress while the worker runs, then every file's outcome."""
    try:
        run = BerichtImport.objects.select_related("started_by").get(pk=pk)
    except BerichtImport.DoesNotExist:
        raise Http404 from None
    refused = [e for e in run.report if e["uitkomst"] == Uitkomst.GEWEIGERD]
    others = [e for e in run.report if e["uitkomst"] != Uitkomst.GEWEIGERD]
    context = {
        "run": run,
        "refused": refused,
        "others": others[:REPORT_LIMIT],
        "others_left_off": max(0, len(others) - REPORT_LIMIT),
        "can_import": can(request.user, "iwmo.import", request.team),
    }
    if request.htmx:
        return render(request, "iwmo/partials/import_progress.html", context)
    return render(request, "iwmo/import_detail.html", context)


@team_permission_required("iwmo.history")
@require_GET
def import_history(request: HttpRequest) -> HttpResponse:
    """Every iWmo import: who, when, how many files, what became of them."""
    runs = BerichtImport.objects.select_related("started_by").defer("payload", "report")
    page = Paginator(runs, HISTORY_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "iwmo/import_history.html",
        {"page": page, "can_import": can(request.user, "iwmo.import", request.team)},
    )


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
