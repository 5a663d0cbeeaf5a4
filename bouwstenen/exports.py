"""The PDF export of a startdocument or plan van aanpak (registered in apps.py).

A plan van aanpak's PDF carries the team's startdocument for the same area as a
bijlage (its latest vastgesteld version, else its latest version), so the stuurgroep
gets one document with the plan and the six bouwstenen. The page, the job and the
cover name that startdocument version (`bijlage_version`), and the worker attaches
the version that was chosen when the job was asked for, not a newer one.
"""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from bouwstenen.access import get_document_for_user
from bouwstenen.constants import DocumentKind, VersionStatus
from bouwstenen.models import Document, DocumentVersion
from bouwstenen.reads import area_figures, version_content
from wijkteam.exports import ExportKind
from wijkteam.models import ExportJob

KIND = "bouwstenen-document"
TITLE_LENGTH = ExportJob._meta.get_field("title").max_length


def _get_for_user(request, object_id: int) -> Document:
    return get_document_for_user(request, object_id, "startdocument.view")


def bijlage_version(
    plan: Document, *, at: datetime | None = None
) -> DocumentVersion | None:
    """The startdocument version a plan van aanpak's PDF carries, or None.

    `at` is the moment the job was asked for: a version made or vastgesteld after
    it is not taken, so the file holds the version the page and the job named."""
    starts = Document.objects.filter(
        team=plan.team, kind=DocumentKind.STARTDOCUMENT, area_code=plan.area_code
    )
    if at is not None:
        starts = starts.filter(created_at__lte=at)
    start = starts.order_by("-created_at").first()
    if start is None:
        return None
    versions = start.versions.select_related("document", "decided_by").order_by(
        "-number"
    )
    if at is not None:
        versions = versions.filter(created_at__lte=at)
    vastgesteld = versions.filter(status=VersionStatus.VASTGESTELD)
    if at is not None:
        vastgesteld = vastgesteld.filter(decided_at__lte=at)
    return vastgesteld.first() or versions.first()


def bijlage_label(version: DocumentVersion | None) -> str:
    """What the job and the button say about the bijlage."""
    if version is None:
        return "zonder startdocument"
    return f"bijlage: startdocument versie {version.number}"


def _describe(document: Document):
    latest = document.versions.order_by("-number").first()
    title = document.title
    if document.kind == DocumentKind.PLAN_VAN_AANPAK:
        # The job's version is the plan's; the title names the bijlage's, so two
        # exports of plan versie 1 with different startdocuments look different.
        suffix = f" ({bijlage_label(bijlage_version(document))})"
        title = title[: TITLE_LENGTH - len(suffix)] + suffix
    return document.team, latest.number if latest else None, title


def _heading(document: Document) -> str:
    """The kind, then the title; only the title when it starts with the kind
    already ("Plan van aanpak Noord"), so the kind is not said twice."""
    kind = document.get_kind_display()
    if document.title.lower().startswith(kind.lower()):
        return document.title
    return f"{kind} — {document.title}"


def _part(document: Document, version: DocumentVersion | None) -> dict:
    content = version_content(version, kind=document.kind)
    return {
        "document": document,
        "heading": _heading(document),
        "version": version,
        "content": content,
        "figures": area_figures(document.area_code),
        "anchor": f"{document.kind}-{document.pk}",
    }


def build_context(object_id: int, version_number: int | None, *, job=None) -> dict:
    document = Document.objects.select_related("team").get(pk=object_id)
    version = document.versions.filter(number=version_number).first()
    parts = [_part(document, version)]
    if document.kind == DocumentKind.PLAN_VAN_AANPAK:
        bijlage = bijlage_version(document, at=job.requested_at if job else None)
        if bijlage:
            parts.append(_part(bijlage.document, bijlage))
    return {
        "main": parts[0],
        "parts": parts,
        "is_plan": document.kind == DocumentKind.PLAN_VAN_AANPAK,
        "team": document.team,
        "printed_at": timezone.localtime(),
    }


EXPORT_KIND = ExportKind(
    name=KIND,
    label="PDF van startdocument of plan van aanpak",
    permission="startdocument.view",
    template="bouwstenen/pdf/document.html",
    get_for_user=_get_for_user,
    describe=_describe,
    build_context=build_context,
    page_url=lambda document: reverse("bouwstenen:document_detail", args=[document.pk]),
    # The job's request time picks the bijlage (bijlage_version).
    needs_job=True,
)
