"""Small function views; every one goes through wijkteam.access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bouwstenen import services
from bouwstenen.access import get_document_for_user
from bouwstenen.constants import TRANSITION_LABELS, TRANSITIONS, DocumentKind
from bouwstenen.exports import EXPORT_KIND, bijlage_version
from bouwstenen.forms import (
    ActionForm,
    CommentForm,
    DocumentForm,
    GoalForm,
    SectionForm,
    StatusForm,
)
from bouwstenen.models import Comment, Document, DocumentVersion
from bouwstenen.reads import area_figures, version_content
from wijkteam.access import can, team_permission_required
from wijkteam.models import ExportJob

LIST_URL = {
    DocumentKind.STARTDOCUMENT: "bouwstenen:startdocument_list",
    DocumentKind.PLAN_VAN_AANPAK: "bouwstenen:plan_list",
}


def _latest(document: Document) -> DocumentVersion:
    return document.versions.order_by("-number").first()


@team_permission_required("startdocument.view")
@require_GET
def document_list(request: HttpRequest, kind: str) -> HttpResponse:
    documents = (
        Document.objects.of_team(request.team)
        .filter(kind=kind)
        .with_latest_version()
        .select_related("created_by")
    )
    return render(
        request,
        "bouwstenen/document_list.html",
        {
            "kind": DocumentKind(kind),
            "documents": documents,
            "can_edit": can(request.user, "startdocument.edit", request.team),
        },
    )


@team_permission_required("startdocument.edit")
@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest, kind: str) -> HttpResponse:
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        document = services.document_create(
            team=request.team, kind=kind, user=request.user, **form.cleaned_data
        )
        messages.success(request, f"{document.get_kind_display()} aangemaakt.")
        return redirect("bouwstenen:document_detail", pk=document.pk)
    return render(
        request,
        "bouwstenen/document_form.html",
        {"form": form, "kind": DocumentKind(kind), "list_url": LIST_URL[kind]},
    )


@login_required
@require_GET
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "startdocument.view")
    versions = list(
        document.versions.select_related("created_by", "decided_by").prefetch_related(
            "status_changes__by"
        )
    )
    latest = versions[0]
    content = version_content(latest, kind=document.kind)
    comments = Comment.objects.filter(version__document=document).select_related(
        "author", "section", "version"
    )
    return render(
        request,
        "bouwstenen/document_detail.html",
        {
            "document": document,
            "latest": latest,
            "versions": versions,
            "content": content,
            "comments": comments,
            "transitions": [
                (status, TRANSITION_LABELS[status])
                for status in sorted(TRANSITIONS[latest.status])
            ],
            "can_edit": can(request.user, "startdocument.edit", document.team),
            "can_comment": can(request.user, "startdocument.comment", document.team),
            "comment_form": CommentForm(document=document),
            "jobs": ExportJob.objects.filter(
                kind=EXPORT_KIND.name, object_id=document.pk
            ).select_related("requested_by")[:3],
            "has_vastgesteld": any(v.status == "vastgesteld" for v in versions),
            # The startdocument version the plan's PDF will carry, named by the button.
            "bijlage": (
                bijlage_version(document)
                if document.kind == DocumentKind.PLAN_VAN_AANPAK
                else None
            ),
            "list_url": LIST_URL[document.kind],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "startdocument.edit")
    latest = _latest(document)
    content = version_content(latest, kind=document.kind)
    section_content = content.section(number)
    if section_content is None:
        raise Http404
    form = SectionForm(request.POST or None, content=section_content)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_save(
                document=document,
                section=section_content.section,
                answers=form.answers(),
                user=request.user,
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("bouwstenen:document_detail", pk=document.pk)
        messages.success(request, f"{section_content.section.title} opgeslagen.")
        following = content.section(number + 1)
        if "volgende" in request.POST and following:
            return redirect(
                "bouwstenen:section_edit", pk=document.pk, number=number + 1
            )
        return redirect("bouwstenen:section_edit", pk=document.pk, number=number)
    figures = None
    if section_content.section.code == "opgave":
        figures = {"data": area_figures(document.area_code)}
    return render(
        request,
        "bouwstenen/section_edit.html",
        {
            "document": document,
            "latest": latest,
            "content": content,
            "current": section_content,
            "form": form,
            "figures": figures,
            "previous": content.section(number - 1),
            "following": content.section(number + 1),
        },
    )


@login_required
@require_POST
def version_status(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "startdocument.edit")
    latest = _latest(document)
    form = StatusForm(request.POST, current=latest.status)
    if not form.is_valid():
        messages.error(request, form.errors.get("to_status", ["Ongeldige status."])[0])
        return redirect("bouwstenen:document_detail", pk=document.pk)
    try:
        services.version_change_status(
            version=latest,
            to_status=form.cleaned_data["to_status"],
            user=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        latest.refresh_from_db()
        messages.success(
            request, f"Versie {latest.number} is nu {latest.get_status_display()}."
        )
    return redirect("bouwstenen:document_detail", pk=document.pk)


@login_required
@require_POST
def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "startdocument.edit")
    try:
        version = services.version_start_new(document=document, user=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"Versie {version.number} (concept) is gestart.")
    return redirect("bouwstenen:document_detail", pk=document.pk)


def _version_number(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


@login_required
@require_GET
def version_compare(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "startdocument.view")
    versions = list(document.versions.all())
    numbers = [v.number for v in versions]
    b_default = numbers[0]
    a_default = numbers[1] if len(numbers) > 1 else numbers[0]
    a_number = _version_number(request.GET.get("a"), a_default)
    b_number = _version_number(request.GET.get("b"), b_default)
    by_number = {v.number: v for v in versions}
    if a_number not in by_number or b_number not in by_number:
        raise Http404
    left = version_content(by_number[a_number], kind=document.kind)
    right = version_content(by_number[b_number], kind=document.kind)
    only_changed = request.GET.get("alleen") == "gewijzigd"
    rows = []
    for section_a, section_b in zip(left.sections, right.sections, strict=True):
        items = []
        for qa, qb in zip(section_a.questions, section_b.questions, strict=True):
            items.append(
                {
                    "question": qa.question,
                    "a": qa,
                    "b": qb,
                    "changed": qa.summary != qb.summary,
                }
            )
        changed = sum(i["changed"] for i in items)
        if only_changed:
            items = [i for i in items if i["changed"]]
        rows.append({"section": section_a.section, "items": items, "changed": changed})
    return render(
        request,
        "bouwstenen/version_compare.html",
        {
            "document": document,
            "versions": versions,
            "a": by_number[a_number],
            "b": by_number[b_number],
            "rows": rows,
            "changed_total": sum(r["changed"] for r in rows),
            "only_changed": only_changed,
        },
    )


@login_required
@require_POST
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for_user(request, pk, "startdocument.comment")
    form = CommentForm(request.POST, document=document)
    if form.is_valid():
        services.comment_add(
            document=document,
            author=request.user,
            text=form.cleaned_data["text"],
            section=form.cleaned_data["section"],
        )
        messages.success(request, "Opmerking geplaatst.")
    else:
        first = next(iter(form.errors.values()))[0]
        messages.error(request, f"Opmerking niet geplaatst: {first}")
    return redirect("bouwstenen:document_detail", pk=document.pk)


@login_required
@require_http_methods(["GET", "POST"])
def development_plan(request: HttpRequest, pk: int) -> HttpResponse:
    permission = (
        "startdocument.edit" if request.method == "POST" else "startdocument.view"
    )
    document = get_document_for_user(request, pk, permission)
    if document.kind != DocumentKind.STARTDOCUMENT:
        raise Http404
    goal_form = GoalForm(request.POST if request.POST.get("form") == "doel" else None)
    action_form = ActionForm(
        request.POST if request.POST.get("form") == "actie" else None,
        document=document,
    )
    if request.method == "POST":
        try:
            if goal_form.is_bound and goal_form.is_valid():
                services.development_goal_add(
                    document=document, **goal_form.cleaned_data
                )
                messages.success(request, "Ontwikkeldoel toegevoegd.")
                return redirect("bouwstenen:development_plan", pk=document.pk)
            if action_form.is_bound and action_form.is_valid():
                services.development_action_add(**action_form.cleaned_data)
                messages.success(request, "Actie toegevoegd.")
                return redirect("bouwstenen:development_plan", pk=document.pk)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("bouwstenen:development_plan", pk=document.pk)
    vastgesteld = document.versions.filter(status="vastgesteld").exists()
    return render(
        request,
        "bouwstenen/development_plan.html",
        {
            "document": document,
            "goals": document.development_goals.prefetch_related("actions"),
            "goal_form": goal_form,
            "action_form": action_form,
            "vastgesteld": vastgesteld,
            "can_edit": can(request.user, "startdocument.edit", document.team),
        },
        status=400 if request.method == "POST" else 200,
    )
