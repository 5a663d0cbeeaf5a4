"""The netwerk tab of a casus (network map, verwijzingen, toekenningen), its
writes, the waiting-time partial, and the team's toekenningen overview.

Every casus child goes through `get_case_for_user` (another team: 404; balie
and other roles without case.view: 403); every page writes the access log for
the household's members.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import get_case_for_user, get_provider_for_user, log_household_access
from cases.casework.constants import CaseStatus
from cases.measuring.services import CLOSED
from cases.models import (
    Allocation,
    NetworkEntry,
    Provider,
    ProviderProduct,
    Referral,
    WaitingTime,
)
from cases.network import ecogram
from cases.network.forms import (
    AllocationFilterForm,
    AllocationForm,
    AllocationStatusForm,
    NetworkEndForm,
    NetworkEntryEditForm,
    NetworkEntryForm,
    ProductForm,
    ProductUpdateForm,
    ProviderForm,
    ReferralForm,
    ReferralStatusForm,
    WaitingTimeForm,
    team_products,
)
from cases.network.reads import allocation_list_page, network_page
from cases.network.services import (
    NetworkError,
    allocation_change_status,
    allocation_create,
    network_entry_add,
    network_entry_end,
    network_entry_update,
    product_add,
    product_update,
    provider_create,
    provider_update,
    referral_change_status,
    referral_create,
    waiting_time_set,
)
from wijkteam.access import can, team_permission_required
from wijkteam.workflow import TransitionNotAllowed


def _render_network(request, case, *, status=200, **forms):
    log_household_access(request, case, purpose="netwerk inzien")
    page = network_page(case)
    today, team = page.today, case.team
    return render(
        request,
        "cases/netwerk.html",
        {
            "case": case,
            "today": today,
            "professionals": page.professionals,
            "informal": page.informal,
            "current_count": len(page.current),
            "ecogram": ecogram.layout(page.current),
            "referrals": page.referrals,
            "breaches": page.breaches,
            "allocations": page.allocations,
            "can_edit": can(request.user, "case.edit", team),
            "can_correct": case.status != CaseStatus.AFGESLOTEN
            and can(request.user, "case.edit", team),
            "network_changes": page.network_changes,
            "network_form": forms.get("network_form")
            or NetworkEntryForm(initial={"since": today}),
            "referral_form": forms.get("referral_form")
            or ReferralForm(team=team, initial={"asked_on": today}),
            "allocation_form": forms.get("allocation_form")
            or AllocationForm(team=team),
            "failed": forms.get("failed"),
        },
        status=status,
    )


@login_required
@require_GET
def case_network(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk)
    return _render_network(request, case)


def _back(case):
    return redirect("cases:case_network", pk=case.pk)


# --- network ------------------------------------------------------------------


@login_required
@require_POST
def network_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    form = NetworkEntryForm(request.POST)
    if not form.is_valid():
        return _render_network(request, case, network_form=form, status=400)
    entry = network_entry_add(case=case, by=request.user, **form.cleaned_data)
    messages.success(request, f"{entry.name} staat in het netwerk.")
    return _back(case)


@login_required
@require_POST
def network_end(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    entry = get_object_or_404(NetworkEntry, pk=entry_pk, case=case)
    form = NetworkEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("until", [])))
        return _back(case)
    try:
        network_entry_end(entry=entry, by=request.user, **form.cleaned_data)
    except NetworkError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{entry.name} is niet meer betrokken.")
    return _back(case)


@login_required
@require_http_methods(["GET", "POST"])
def network_edit(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    """Betrokkene wijzigen (contact details change): no reason asked; the change is
    recorded as a Correction and shown on the netwerk tab."""
    case = get_case_for_user(request, pk, "case.edit")
    entry = get_object_or_404(NetworkEntry, pk=entry_pk, case=case)
    if case.status == CaseStatus.AFGESLOTEN:
        messages.error(request, CLOSED)
        return _back(case)
    fields = NetworkEntryEditForm.base_fields.keys() - {"kind"}
    form = NetworkEntryEditForm(
        request.POST if request.method == "POST" else None,
        entry=entry,
        initial={f: getattr(entry, f) for f in fields},
    )
    if form.is_bound and form.is_valid():
        try:
            entry = network_entry_update(
                entry=entry, by=request.user, **form.cleaned_data
            )
        except NetworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"De gegevens van {entry.name} zijn gewijzigd.")
            url = reverse("cases:case_network", args=[case.pk])
            return redirect(f"{url}#betrokkene-{entry.pk}")
    log_household_access(request, case, purpose="betrokkene wijzigen")
    return render(
        request,
        "cases/netwerk_edit.html",
        {"case": case, "entry": entry, "form": form},
        status=400 if form.is_bound else 200,
    )


# --- verwijzingen -------------------------------------------------------------


@login_required
@require_POST
def referral_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    form = ReferralForm(request.POST, team=case.team)
    if form.is_valid():
        try:
            referral = referral_create(case=case, by=request.user, **form.cleaned_data)
        except NetworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Verwezen naar {referral.product}.")
            return _back(case)
    return _render_network(request, case, referral_form=form, status=400)


@login_required
@require_GET
def referral_waiting_time(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the chosen product's norm and current waiting time."""
    case = get_case_for_user(request, pk, "case.edit")
    product = None
    raw = request.GET.get("product", "")
    if raw.isdigit():
        product = team_products(case.team).filter(pk=int(raw)).first()
    return render(
        request, "cases/partials/netwerk_wachttijd.html", {"product": product}
    )


@login_required
@require_POST
def referral_status(request: HttpRequest, pk: int, referral_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    referral = get_object_or_404(Referral, pk=referral_pk, case=case)
    form = ReferralStatusForm(request.POST, referral=referral)
    if not form.is_valid():
        return _render_network(
            request, case, status=400, failed={"referral": referral.pk, "form": form}
        )
    try:
        referral = referral_change_status(
            referral=referral, by=request.user, **form.cleaned_data
        )
    except (TransitionNotAllowed, NetworkError) as exc:
        messages.error(request, str(exc))
    else:
        done = f"Verwijzing: {referral.get_status_display().lower()}."
        if referral.actual_wait_weeks is not None:
            done += f" Werkelijke wachttijd: {referral.actual_wait_weeks} weken."
        messages.success(request, done)
    return _back(case)


# --- toekenningen -------------------------------------------------------------


@login_required
@require_POST
def allocation_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    form = AllocationForm(request.POST, team=case.team)
    if form.is_valid():
        try:
            allocation = allocation_create(
                case=case, by=request.user, **form.cleaned_data
            )
        except NetworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Toekenning {allocation} vastgelegd.")
            return _back(case)
    return _render_network(request, case, allocation_form=form, status=400)


@login_required
@require_POST
def allocation_status(
    request: HttpRequest, pk: int, allocation_pk: int
) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    allocation = get_object_or_404(Allocation, pk=allocation_pk, case=case)
    form = AllocationStatusForm(request.POST, allocation=allocation)
    if not form.is_valid():
        return _render_network(
            request,
            case,
            status=400,
            failed={"allocation": allocation.pk, "form": form},
        )
    try:
        allocation = allocation_change_status(
            allocation=allocation, by=request.user, **form.cleaned_data
        )
    except (TransitionNotAllowed, NetworkError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"Toekenning: {allocation.get_status_display().lower()}.",
        )
    return _back(case)


@team_permission_required("case.view")
@require_GET
def allocation_list(request: HttpRequest) -> HttpResponse:
    """Welke toekenningen lopen er: the team's toekenningen, running by default."""
    form = AllocationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        number = max(1, int(request.GET.get("pagina", 1)))
    except ValueError:
        number = 1
    page = allocation_list_page(request.team, filters, number=number)
    log_household_access(request, [a.case for a in page.rows], purpose="toekenningen")
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "cases/netwerk_toekenningen.html",
        {
            "form": form,
            "rows": page.rows,
            "status": page.status,
            "page": page.number,
            "has_next": page.has_next,
            "query": query.urlencode(),
            "today": timezone.localdate(),
        },
    )


# Zorgaanbieders, kept by the team's beheerder: providers, their products with a
# waiting-time norm, and the current waiting time with its history. No personal
# data here (no access log rows); team workers see the products in the
# verwijzing form.

HISTORY_ROWS = 10


@team_permission_required("beheer")
@require_http_methods(["GET", "POST"])
def provider_list(request: HttpRequest) -> HttpResponse:
    form = ProviderForm(request.POST or None, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        try:
            provider = provider_create(
                team=request.team, by=request.user, **form.cleaned_data
            )
        except NetworkError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, f"{provider} is toegevoegd.")
            return redirect("cases:provider_detail", pk=provider.pk)
    providers = list(
        Provider.objects.filter(team=request.team).annotate(
            products_count=Count("products", filter=Q(products__is_active=True)),
            over_norm=Count(
                "products",
                filter=Q(
                    products__is_active=True,
                    products__current_wait_weeks__gt=F("products__norm_weeks"),
                ),
            ),
        )
    )
    return render(
        request,
        "cases/zorgaanbieders.html",
        {"providers": providers, "form": form},
        status=400 if form.is_bound else 200,
    )


def _render_provider(request, provider, *, status=200, **forms):
    products = list(
        provider.products.prefetch_related(
            Prefetch(
                "waiting_times",
                queryset=WaitingTime.objects.select_related("by"),
                to_attr="history",
            )
        )
    )
    for product in products:
        product.history = product.history[:HISTORY_ROWS]
    failed = forms.get("failed") or {}
    today = timezone.localdate()
    return render(
        request,
        "cases/zorgaanbieders_detail.html",
        {
            "provider": provider,
            "products": products,
            "provider_form": forms.get("provider_form")
            or ProviderForm(
                initial={
                    "name": provider.name,
                    "contact": provider.contact,
                    "website": provider.website,
                    "is_active": provider.is_active,
                }
            ),
            "product_form": forms.get("product_form") or ProductForm(),
            "failed": failed,
            "today": today,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def provider_detail(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_provider_for_user(request, pk)
    if request.method == "GET":
        return _render_provider(request, provider)
    form = ProviderForm(request.POST)
    if form.is_valid():
        try:
            provider_update(provider=provider, by=request.user, **form.cleaned_data)
        except NetworkError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, "De zorgaanbieder is bijgewerkt.")
            return redirect("cases:provider_detail", pk=provider.pk)
    return _render_provider(request, provider, provider_form=form, status=400)


@login_required
@require_POST
def product_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_provider_for_user(request, pk)
    form = ProductForm(request.POST)
    if form.is_valid():
        try:
            product = product_add(
                provider=provider, by=request.user, **form.cleaned_data
            )
        except NetworkError as exc:
            form.add_error("name", str(exc))
        else:
            messages.success(request, f"Product {product.name} is toegevoegd.")
            return redirect("cases:provider_detail", pk=provider.pk)
    return _render_provider(request, provider, product_form=form, status=400)


def _product(request, pk: int, product_pk: int):
    provider = get_provider_for_user(request, pk)
    return provider, get_object_or_404(
        ProviderProduct, pk=product_pk, provider=provider
    )


@login_required
@require_POST
def product_update_view(request: HttpRequest, pk: int, product_pk: int):
    provider, product = _product(request, pk, product_pk)
    form = ProductUpdateForm(request.POST)
    if not form.is_valid():
        failed = {"product": product.pk, "update_form": form}
        return _render_provider(request, provider, failed=failed, status=400)
    product_update(product=product, by=request.user, **form.cleaned_data)
    messages.success(request, f"Product {product.name} is bijgewerkt.")
    return redirect("cases:provider_detail", pk=provider.pk)


@login_required
@require_POST
def waiting_time_add(request: HttpRequest, pk: int, product_pk: int):
    provider, product = _product(request, pk, product_pk)
    form = WaitingTimeForm(request.POST)
    if form.is_valid():
        try:
            waiting_time_set(product=product, by=request.user, **form.cleaned_data)
        except NetworkError as exc:
            form.add_error("valid_from", str(exc))
        else:
            messages.success(request, f"Wachttijd van {product.name} is bijgewerkt.")
            return redirect("cases:provider_detail", pk=provider.pk)
    failed = {"product": product.pk, "wait_form": form}
    return _render_provider(request, provider, failed=failed, status=400)
