"""Small function views; every one goes through wijkteam.access.

Area pages show public CBS data to every signed-in team member. The sociale kaart,
hulpbronnen and wijkanalyse are team data: another team's object is a 404.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from gebiedsanalyse import forms, reads, services
from gebiedsanalyse.constants import AreaLevel, PlaceKind
from gebiedsanalyse.exports import export_kind_for
from gebiedsanalyse.forms import (
    AreaSearchForm,
    CbsUploadForm,
    InfoMeetingForm,
    MapIndicatorForm,
    OutreachActionForm,
    PlaceFilterForm,
    ResidentGroupForm,
    ResourceForm,
    SocialPlaceForm,
    TeamAreasForm,
)
from gebiedsanalyse.models import (
    Area,
    CbsImport,
    InfoMeeting,
    OutreachAction,
    ResidentGroup,
    Resource,
    SocialPlace,
)
from wijkteam.access import can, get_object_for_user, team_permission_required
from wijkteam.models import ExportJob
from wijkteam.tabular import csv_response

SEARCH_LIMIT = 50


@team_permission_required("area.view")
@require_GET
def area_list(request: HttpRequest) -> HttpResponse:
    form = AreaSearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    own = Area.objects.filter(teams=request.team).order_by("level", "name")
    results = None
    if query:
        results = list(
            Area.objects.search(query)
            .exclude(level=AreaLevel.LAND)
            .select_related("parent")
            .order_by("level", "name")[: SEARCH_LIMIT + 1]
        )
    gemeenten = Area.objects.filter(level=AreaLevel.GEMEENTE, teams=request.team)
    return render(
        request,
        "gebiedsanalyse/area_list.html",
        {
            "form": form,
            "query": query,
            "own_areas": own.select_related("parent"),
            "gemeenten": gemeenten,
            "results": results[:SEARCH_LIMIT] if results is not None else None,
            "more": results is not None and len(results) > SEARCH_LIMIT,
            "limit": SEARCH_LIMIT,
            "imports": CbsImport.objects.all()[:1],
        },
    )


def _area_or_404(code: str) -> Area:
    try:
        return Area.objects.select_related("parent__parent").get(code=code.upper())
    except Area.DoesNotExist:
        raise Http404 from None


@team_permission_required("area.view")
@require_GET
def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    area = _area_or_404(code)
    map_form = MapIndicatorForm(request.GET or None)
    indicator = map_form.cleaned_data["indicator"] if map_form.is_valid() else ""
    level = request.GET.get("niveau")
    page = reads.area_page(area)
    team = request.team
    places = SocialPlace.objects.for_team(team).in_area(area)
    resources = Resource.objects.for_team(team).in_area(area)
    export_kind = export_kind_for(request.user, team)
    return render(
        request,
        "gebiedsanalyse/area_detail.html",
        {
            "area": area,
            "page": page,
            "map": reads.area_map(area, indicator or "inwoners", level),
            "map_form": map_form,
            "level": level or "wijk",
            "children": area.children.order_by("name"),
            "places": places,
            "resources": resources,
            "can_edit": can(request.user, "area.edit", team),
            "served_by_team": area.teams.filter(pk=team.pk).exists(),
            "can_view_team_figures": can(request.user, "teamfigures.view", team),
            "export_kind": export_kind.name,
            "jobs": ExportJob.objects.filter(
                team=team,
                kind=export_kind.name,
                object_id=area.pk,
                requested_by=request.user,
            ).select_related("requested_by")[:3],
        },
    )


@team_permission_required("area.view")
@require_GET
def area_csv(request: HttpRequest, code: str) -> HttpResponse:
    """The area's public CBS figures as CSV (semicolons, for Dutch spreadsheets)."""
    area = _area_or_404(code)
    return csv_response(reads.figures_csv_rows(area), filename=f"cbs-{area.code}.csv")


@team_permission_required("area.import")
@require_http_methods(["GET", "POST"])
def cbs_upload(request: HttpRequest) -> HttpResponse:
    report = None
    too_big = request.method == "POST" and _content_length(request) > (
        forms.MAX_UPLOAD_BYTES + 1024 * 1024
    )
    if too_big:
        # Refuse before Django reads the whole upload.
        form = CbsUploadForm(request.POST)
        form.is_valid()
        form.errors["file"] = form.error_class([forms.TOO_BIG])
    else:
        form = CbsUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not too_big and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = services.import_file(
                raw=upload.read(),
                file_name=upload.name,
                year=form.cleaned_data["year"],
                user=request.user,
                blank_missing=form.cleaned_data["blank_missing"],
                via="importpagina",
            )
        except services.ImportFout as exc:
            form.add_error("file", f"Niet geïmporteerd, er is niets gewijzigd. {exc}")
        else:
            messages.success(request, "Het bestand is geïmporteerd.")
    return render(
        request,
        "gebiedsanalyse/cbs_upload.html",
        {
            "form": form,
            "report": report,
            "imports": CbsImport.objects.select_related("user")[:5],
            "max_mb": settings.CBS_UPLOAD_MAX_MB,
        },
    )


HISTORY_PAGE = 50


@team_permission_required("area.import_history")
@require_GET
def cbs_import_history(request: HttpRequest) -> HttpResponse:
    """Every import of shared area data: who, when, which file, what it changed."""
    paginator = Paginator(CbsImport.objects.select_related("user"), HISTORY_PAGE)
    page = paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "gebiedsanalyse/cbs_import_history.html",
        {
            "page": page,
            "can_import": can(request.user, "area.import", request.team),
        },
    )


@team_permission_required("beheer")
@require_http_methods(["GET", "POST"])
def team_areas(request: HttpRequest) -> HttpResponse:
    """The wijken and buurten the current team serves (its set-up; the areas
    themselves are the gemeente's shared reference data)."""
    team = request.team
    form = TeamAreasForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.team_areas_set(team=team, **form.cleaned_data)
        messages.success(request, "Het werkgebied van het team is opgeslagen.")
        return redirect("gebiedsanalyse:team_areas")
    if form.is_bound:
        chosen = {str(v) for v in request.POST.getlist("wijken")}
        chosen |= {str(v) for v in request.POST.getlist("buurten")}
    else:
        chosen = {str(pk) for pk in team.areas.values_list("pk", flat=True)}
    return render(
        request,
        "gebiedsanalyse/team_areas.html",
        {"form": form, "groups": reads.areas_by_wijk(), "chosen": chosen},
        status=400 if form.is_bound else 200,
    )


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


# --- team data: sociale kaart, hulpbronnen, wijkanalyse ----------------------


@team_permission_required("area.view")
@require_GET
def place_list(request: HttpRequest) -> HttpResponse:
    team = request.team
    form = PlaceFilterForm(request.GET or None, team=team)
    places = SocialPlace.objects.for_team(team).select_related("area")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            places = places.filter(name__icontains=data["q"])
        if data["kind"]:
            places = places.filter(kind=data["kind"])
        if data["area"]:
            places = places.filter(area=data["area"])
    return render(
        request,
        "gebiedsanalyse/place_list.html",
        {
            "form": form,
            "places": places,
            "kinds": PlaceKind,
            "can_edit": can(request.user, "area.edit", team),
        },
    )


@team_permission_required("area.view")
@require_GET
def resource_list(request: HttpRequest) -> HttpResponse:
    team = request.team
    return render(
        request,
        "gebiedsanalyse/resource_list.html",
        {
            "resources": Resource.objects.for_team(team).select_related("area"),
            "can_edit": can(request.user, "area.edit", team),
        },
    )


@team_permission_required("area.view")
@require_GET
def wijkanalyse(request: HttpRequest) -> HttpResponse:
    team = request.team
    groups = (
        ResidentGroup.objects.for_team(team)
        .select_related("area")
        .prefetch_related("focus_members")
    )
    actions = OutreachAction.objects.for_team(team).select_related("group", "area")
    meetings = InfoMeeting.objects.for_team(team).select_related("area")
    return render(
        request,
        "gebiedsanalyse/wijkanalyse.html",
        {
            "groups": groups.prefetch_related(
                Prefetch("actions", queryset=OutreachAction.objects.order_by("title"))
            ),
            "actions": actions,
            "meetings": meetings,
            "can_edit": can(request.user, "area.edit", team),
        },
    )


# One create view and one edit view per kind of team data, generated below.
EDITABLE = {
    "place": (SocialPlace, SocialPlaceForm, services.social_place_save, "place",
              "gebiedsanalyse:place_list", "plek in de sociale kaart"),
    "resource": (Resource, ResourceForm, services.resource_save, "resource",
                 "gebiedsanalyse:resource_list", "hulpbron of potentie"),
    "group": (ResidentGroup, ResidentGroupForm, services.resident_group_save, "group",
              "gebiedsanalyse:wijkanalyse", "bewonersgroep"),
    "action": (OutreachAction, OutreachActionForm, services.outreach_action_save,
               "action", "gebiedsanalyse:wijkanalyse", "wijkactie"),
    "meeting": (InfoMeeting, InfoMeetingForm, services.info_meeting_save, "meeting",
                "gebiedsanalyse:wijkanalyse", "informatiebijeenkomst"),
}  # fmt: skip


def _edit(request, kind: str, instance=None):
    model, form_class, save, argument, back, noun = EDITABLE[kind]
    team = instance.team if instance is not None else request.team
    initial = {}
    if instance is None and request.GET.get("gebied"):
        initial["area"] = Area.objects.filter(code=request.GET["gebied"]).first()
    form = form_class(
        request.POST or None, instance=instance, team=team, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name]
            for name in form.Meta.fields
            if name in form.cleaned_data
        }
        saved = save(team=team, data=data, **{argument: instance})
        messages.success(request, f"{noun.capitalize()} '{saved}' is opgeslagen.")
        return redirect(back)
    return render(
        request,
        "gebiedsanalyse/form.html",
        {
            "form": form,
            "title": f"{noun.capitalize()} {'bewerken' if instance else 'toevoegen'}",
            "back": reverse(back),
        },
    )


def _create_view(kind: str):
    @team_permission_required("area.edit")
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest) -> HttpResponse:
        return _edit(request, kind)

    view.__name__ = f"{kind}_create"
    return view


def _update_view(kind: str):
    model = EDITABLE[kind][0]

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        instance = get_object_for_user(request, model, "area.edit", pk=pk)
        return _edit(request, kind, instance)

    view.__name__ = f"{kind}_edit"
    return view


place_create, place_edit = _create_view("place"), _update_view("place")
resource_create, resource_edit = _create_view("resource"), _update_view("resource")
group_create, group_edit = _create_view("group"), _update_view("group")
action_create, action_edit = _create_view("action"), _update_view("action")
meeting_create, meeting_edit = _create_view("meeting"), _update_view("meeting")
