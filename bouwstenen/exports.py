"""The PDF export of a startdocument or plan van aanpak (registered in apps.py).

A plan van aanpak's PDF carries the team's startdocument for the same area as a
bijlage (its latest vastgesteld version, else its latest version), so the stuurgroep
gets one document with the plan and the six bouwstenen.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from bouwstenen.access import get_document_for_user
from bouwstenen.constants import DocumentKind, VersionStatus
from bouwstenen.models import Document, DocumentVersion
from bouwstenen.reads import area_figures, version_content
from wijkteam.exports import ExportKind

KIND = "bouwstenen-document"


def _get_for_user(request, object_id: int) -> Document:
    return get_document_for_user(request, object_id, "startdocument.view")


def _describe(document: Document):
    latest = document.versions.order_by("-number").first()
    return document.team, latest.number if latest else None, document.title


def _part(document: Document, version: DocumentVersion | None) -> dict:
    content = version_content(version, kind=document.kind)
    return {
        "document": document,
        "version": version,
        "content": content,
        "figures": area_figures(document.area_code),
        "anchor": f"{document.kind}-{document.pk}",
    }


def _bijlage_for(plan: Document) -> dict | None:
    start = (
        Document.objects.filter(
            team=plan.team, kind=DocumentKind.STARTDOCUMENT, area_code=plan.area_code
        )
        .order_by("-created_at")
        .first()
    )
    if start is None:
        return None
    versions = start.versions.order_by("-number")
    version = (
        versions.filter(status=VersionStatus.VASTGESTELD).first() or versions.first()
    )
    return _part(start, version)


def build_context(object_id: int, version_number: int | None) -> dict:
    document = Document.objects.select_related("team").get(pk=object_id)
    version = document.versions.filter(number=version_number).first()
    parts = [_part(document, version)]
    if document.kind == DocumentKind.PLAN_VAN_AANPAK:
        bijlage = _bijlage_for(document)
        if bijlage:
            parts.append(bijlage)
    return {
        "main": parts[0],
        "parts": parts,
        "team": document.team,
        "printed_at": timezone.localtime(),
    }


EXPORT_KIND = ExportKind(
    name=KIND,
    label="PDF van startdocument of plan van aanpak",
    template="bouwstenen/pdf/document.html",
    get_for_user=_get_for_user,
    describe=_describe,
    build_context=build_context,
    page_url=lambda document: reverse("bouwstenen:document_detail", args=[document.pk]),
)
