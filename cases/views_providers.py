"""Zorgaanbieders, kept by the team's beheerder: providers, their products with a
waiting-time norm, and the current waiting time with its history. No personal
data here (no access log rows); team workers see the products in the
verwijzing form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from cases.forms_network import (
    ProductForm,
    ProductUpdateForm,
    ProviderForm,
    WaitingTimeForm,
)
from cases.models import Provider, ProviderProduct, WaitingTime
from cases.services_network import (
    NetworkError,
    product_add,
    product_update,
    provider_create,
    provider_update,
    waiting_time_set,
)
from wijkteam.access import get_object_for_user, team_permission_required

HISTORY_ROWS = 10


def get_provider_for_user(request: HttpRequest, pk: int) -> Provider:
    return get_object_for_user(
        request, Provider.objects.select_related("team"), "beheer", pk=pk
    )


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
