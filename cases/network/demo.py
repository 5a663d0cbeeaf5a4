"""Demo netwerk en achterdeur for the first team: zorgaanbieders with products and
a waiting-time history, and casussen with a network, verwijzingen (one waiting
longer than its norm) and toekenningen. Idempotent: a casus that already has a
network is left alone."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cases.models import Case, Provider, ProviderProduct
from cases.network.services import (
    allocation_change_status,
    allocation_create,
    network_entry_add,
    network_entry_end,
    product_add,
    referral_change_status,
    referral_create,
    waiting_time_set,
)

# provider, contact, products: (name, norm weeks, waiting times oldest first as
# (days ago, weeks, source))
PROVIDERS = [
    ("Jeugdformaat", "010-2345678 · aanmelding@example.org", [
        ("Jeugd-GGZ ambulant", 6, [(120, 12, "website"), (60, 10, "mail"),
                                   (7, 9, "telefoon")]),
        ("Ambulante jeugdhulp", 4, [(90, 5, "website"), (14, 3, "website")]),
    ]),
    ("Pameijer", "010-3456789", [
        ("Ambulante begeleiding", 6, [(100, 6, "regio-overleg"), (20, 8, "mail")]),
        ("Dagbesteding ouderen", 4, [(80, 2, "website"), (10, 3, "website")]),
    ]),
    ("Antes", "088-3585000", [
        ("Verslavingszorg ambulant", 4, [(45, 5, "telefoon")]),
    ]),
    ("Kredietbank Rotterdam", "14 010", [
        ("Schuldhulpverlening", 4, [(150, 6, "jaarverslag"), (30, 2, "mail")]),
    ]),
]  # fmt: skip

# household: network (kind, name, relation, organisation, moederorganisatie,
# contact, since days ago, until days ago), verwijzingen (product, reason, asked
# days ago, started days ago), toekenningen (kind, basis, provider, status,
# decided/start/end days ago or None)
CASES = {
    "Huishouden Pinas": {
        "network": [
            ("professional", "Sanne Verhoef", "mentor van Dario", "Zuiderpark College",
             "", "s.verhoef@example.org", 35, None),
            ("professional", "Ahmed Bouzid", "schuldhulpverlener",
             "Kredietbank Rotterdam", "", "010-1112233", 20, None),
            ("professional", "Lotte Mulder", "jeugdverpleegkundige", "CJG Rijnmond",
             "", "", 200, 30),
            ("familie", "Tante Ingrid", "zus van Rowena", "", "", "06-12345678", 40,
             None),
            ("buren", "Mevrouw Haddou", "buurvrouw, past op Dario", "", "", "", 40,
             None),
            ("sleutelfiguur", "Pastor Anthony", "kerk aan de Putselaan", "", "",
             "", 30, None),
            ("vrijwilliger", "Henk (SchuldHulpMaatje)", "maatje bij de post", "",
             "SchuldHulpMaatje", "", 15, None),
        ],
        "referrals": [
            ("Jeugd-GGZ ambulant", "Dario heeft paniekaanvallen; school maakt zich "
             "zorgen.", 60, None),
            ("Schuldhulpverlening", "Schulden bij energie en zorgverzekeraar.", 35,
             12),
        ],
        "allocations": [
            ("schuldhulp", "participatiewet", "Kredietbank Rotterdam", "toegekend",
             14, 12, None),
            ("jeugdhulp", "jeugdwet", "Jeugdformaat", "aangevraagd", None, None,
             None),
        ],
    },
    "Huishouden de Jong": {
        "network": [
            ("familie", "Marja de Jong", "dochter, woont in Groningen", "", "",
             "06-23456789", 70, None),
            ("buren", "Cor van Dijk", "buurman, doet boodschappen", "", "", "", 70,
             None),
            ("vrijwilliger", "Fatima (maatje)", "wekelijks wandelen", "",
             "Vrijwilligerscentrale", "", 40, None),
            ("professional", "Dokter Smit", "huisarts", "Huisartsen Afrikaanderwijk",
             "", "010-4567890", 70, None),
        ],
        "referrals": [
            ("Dagbesteding ouderen", "Meneer vereenzaamt, wil onder de mensen zijn.",
             45, 25),
        ],
        "allocations": [
            ("huishoudelijke_hulp", "wmo", "Pameijer", "toegekend", 60, 50, None),
            ("dagbesteding", "wmo", "Pameijer", "toegekend", 30, 25, None),
        ],
    },
    "Huishouden Tjon": {
        "network": [
            ("familie", "Gerda Tjon", "moeder van Melissa", "", "", "", 120, None),
            ("professional", "Nicole Bakker", "jeugdverpleegkundige",
             "Consultatiebureau", "CJG Rijnmond", "", 110, None),
        ],
        "referrals": [
            ("Ambulante begeleiding", "Ondersteuning bij structuur in huis.", 110,
             80),
        ],
        "allocations": [
            ("begeleiding", "wmo", "Pameijer", "beeindigd", 90, 80, 10),
        ],
    },
}  # fmt: skip


def _day(days_ago):
    return None if days_ago is None else timezone.localdate() - dt.timedelta(days_ago)


def load_providers(context) -> dict[str, ProviderProduct]:
    team, by = context.team, context.user("beheerder")
    products = {}
    for name, contact, items in PROVIDERS:
        provider, _ = Provider.objects.get_or_create(
            team=team, name=name, defaults={"contact": contact}
        )
        for product_name, norm, waits in items:
            product = provider.products.filter(name=product_name).first()
            if product is None:
                product = product_add(
                    provider=provider, by=by, name=product_name, norm_weeks=norm
                )
                for days_ago, weeks, source in waits:
                    product = waiting_time_set(
                        product=product, by=by, weeks=weeks,
                        valid_from=_day(days_ago), note=source,
                    )  # fmt: skip
            products[product_name] = product
    return products


def load_network(context) -> None:
    products = load_providers(context)
    providers = {p.name: p for p in Provider.objects.filter(team=context.team)}
    for household, data in CASES.items():
        case = (
            Case.objects.filter(team=context.team, household__name=household)
            .select_related("regievoerder")
            .first()
        )
        if case is None or case.network.exists():
            continue
        by = case.regievoerder or context.user("wijkteamlid")
        for kind, name, relation, org, moeder, contact, since, until in data["network"]:
            entry = network_entry_add(
                case=case, by=by, kind=kind, name=name, relation=relation,
                organisation=org, moederorganisatie=moeder, contact=contact,
                since=_day(since),
            )  # fmt: skip
            if until is not None:
                network_entry_end(entry=entry, by=by, until=_day(until))
        for product, reason, asked, started in data["referrals"]:
            referral = referral_create(
                case=case, by=by, product=products[product], reason=reason,
                asked_on=_day(asked),
            )  # fmt: skip
            if started is not None:
                referral_change_status(
                    referral=referral, by=by, to="gestart", on=_day(started)
                )
        for kind, basis, provider, status, decided, start, end in data["allocations"]:
            first = "aangevraagd" if status == "aangevraagd" else "toegekend"
            allocation = allocation_create(
                case=case, by=by, kind=kind, legal_basis=basis,
                provider=providers[provider], status=first,
                decided_on=_day(decided), start_on=_day(start),
            )  # fmt: skip
            if status == "beeindigd":
                allocation_change_status(
                    allocation=allocation, by=by, to="beeindigd", on=_day(end)
                )
