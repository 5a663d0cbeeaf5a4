"""Demo data of this app, called by `manage.py demo_data` (idempotent).

The demo gemeente is Rotterdam (GM0599) with real CBS areas, figures and boundaries,
read from the folder of the setting CBS_DATA_DIR: by default the compact copies in
the repository (`gebiedsanalyse/data/cbs/`, see its README.md), so a bare clone has
them. Each demo team serves one wijk with all its buurten. Organisation names are
invented.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db.models import Q

from gebiedsanalyse import cbsdata
from gebiedsanalyse.constants import Channel, PlaceKind, ResourceKind, Urgency
from gebiedsanalyse.importer import boundaries_import, cbs_import
from gebiedsanalyse.models import (
    Area,
    CbsImport,
    InfoMeeting,
    OutreachAction,
    ResidentGroup,
    Resource,
    SocialPlace,
)
from wijkteam.constants import Role
from wijkteam.models import Membership

GEMEENTE = "GM0599"
YEAR = 2024
# (file, kind): figures first (national file, then the map's richer columns), then
# boundaries. Only Rotterdam and the country are read from the national file.
FILES = [
    ("kwb2024_85984NED_NL_bevolking_geslacht_leeftijd.csv", "csv"),
    ("wbkaart2024_gemeenten_NL_attributen.csv", "csv"),
    ("wbkaart2024_wijken_Randstad_attributen.csv", "csv"),
    ("wbkaart2024_buurten_Rijnmond_attributen.csv", "csv"),
    ("wbkaart2024_wijken_Randstad.geojson", "geojson"),
    ("wbkaart2024_buurten_Rijnmond.geojson", "geojson"),
]
# Demo team -> the Rotterdam wijk it serves (with all its buurten).
TEAM_WIJK = {
    "Wijkteam Feijenoord": "WK059910",
    "Wijkteam Delfshaven": "WK059903",
    "Wijkteam Charlois": "WK059915",
}

PLACES = [
    (PlaceKind.WIJKORGANISATIE, "Wijkcentrum De Afrikaander", "BU05991086",
     "Inloop, taalcafé en spreekuur van het wijkteam op dinsdag."),
    (PlaceKind.RELIGIEUS, "Moskeevereniging Feijenoord", "BU05991087",
     "Vrijdaggebed; het bestuur denkt mee over voorlichting voor ouderen."),
    (PlaceKind.RELIGIEUS, "Protestantse wijkgemeente Zuid", "BU05991081",
     "Maaltijd voor buurtbewoners op donderdag."),
    (PlaceKind.MKB, "Supermarkt aan het plein", "BU05991082",
     "Prikbord voor aankondigingen; de eigenaar kent veel ouderen."),
    (PlaceKind.VERENIGING, "Voetbalvereniging Zuiderkwartier", "BU05991080",
     "Jeugdteams; vrijwilligers gezocht."),
    (PlaceKind.SCHOOL, "Basisschool De Kade", "BU05991085",
     "Schoolmaatschappelijk werk; koffieochtend voor ouders."),
    (PlaceKind.INFORMEEL, "Vrouwengroep Bloemhof", "BU05991081",
     "Wekelijkse ontmoeting, veel contact met nieuwkomers."),
    (PlaceKind.SLEUTELFIGUUR, "Buurtconciërge Hillesluis", "BU05991082",
     "Kent de portieken en signaleert vroeg."),
]  # fmt: skip
RESOURCES = [
    (ResourceKind.HULPBRON, "Bouwspeeltuin en kinderboerderij", "BU05991080",
     "Activiteiten voor kinderen, ook geschikt voor gezinnen met problemen."),
    (ResourceKind.POTENTIE, "Actieve bewoners in de Afrikaanderwijk", "BU05991086",
     "Een groep bewoners wil een buurtmaaltijd opzetten."),
]  # fmt: skip


def cbs_folder() -> Path:
    return Path(settings.CBS_DATA_DIR)


def _say(message: str) -> None:
    sys.stdout.write(f"gebiedsanalyse: {message}\n")


def load_cbs(folder: Path | None = None) -> None:
    """Rotterdam's real areas, figures and boundaries, each file once: a file that
    was imported before (by an earlier run, or by hand) is not read again, so a
    second run is fast and a partial import gets completed.

    Each file is read plain or gzipped from `folder` (default: CBS_DATA_DIR); a file
    that is not there comes from the copies in the repository.
    """
    done = set(CbsImport.objects.values_list("file_name", flat=True))
    todo = [(name, kind) for name, kind in FILES if name not in done]
    if not todo:
        return
    folder = folder or cbs_folder()
    if not folder.is_dir():
        _say(
            f"CBS-map {folder} ontbreekt; de CBS-bestanden uit de repository gebruikt."
        )
    for name, kind in todo:
        path = cbsdata.find(name, folder) or cbsdata.find(name, cbsdata.BUNDLED)
        if path is None:
            _say(f"{name} ontbreekt in {folder} en in de repository; overgeslagen.")
            continue
        raw, file_name = cbsdata.read(path)
        if kind == "csv":
            cbs_import(
                raw=raw,
                file_name=file_name,
                year=YEAR,
                only_gemeente=GEMEENTE,
                via="demodata",
            )
        else:
            boundaries_import(
                raw=raw, file_name=file_name, only_gemeente=GEMEENTE, via="demodata"
            )


def _link_teams(context) -> None:
    """Each demo team serves its wijk and the wijk's buurten. Adding a link that is
    already there changes nothing, so this runs on every demo load."""
    for team in context.teams:
        code = TEAM_WIJK.get(team.name)
        if code:
            team.areas.add(*Area.objects.filter(Q(code=code) | Q(parent__code=code)))


def load(context) -> None:
    load_cbs()
    _link_teams(context)
    team = context.team
    # The demo's beheerder also holds the gemeente-wide role, so the demo can show
    # the CBS import page (area data is shared by every team of the gemeente).
    Membership.objects.get_or_create(
        user=context.user("beheerder"), team=team, role=Role.GEMEENTEBEHEERDER
    )
    areas = {a.code: a for a in Area.objects.filter(code__startswith="BU059910")}
    for kind, name, code, offer in PLACES:
        SocialPlace.objects.get_or_create(
            team=team,
            name=name,
            defaults={"kind": kind, "area": areas.get(code), "offer": offer},
        )
    for kind, title, code, description in RESOURCES:
        Resource.objects.get_or_create(
            team=team,
            title=title,
            defaults={
                "kind": kind,
                "area": areas.get(code),
                "description": description,
            },
        )
    youth, created = ResidentGroup.objects.get_or_create(
        team=team,
        name="Jongeren in de Afrikaanderwijk",
        defaults={
            "area": areas.get("BU05991086"),
            "reason": "Weinig contact met het wijkteam; jongeren op het plein.",
        },
    )
    if created:
        youth.focus_members.set(
            [context.user("wijkteamlid"), context.user("wijkteamlid_b")]
        )
    OutreachAction.objects.get_or_create(
        team=team,
        title="Kennismaken op het schoolplein",
        defaults={
            "group": youth,
            "goal": "Ouders leren het wijkteam kennen als laagdrempelig aanspreekpunt.",
            "urgency": Urgency.HOOG,
            "planned_on": date(2026, 12, 8),
        },
    )
    InfoMeeting.objects.get_or_create(
        team=team,
        title="Resultaten wijkanalyse Feijenoord",
        defaults={
            "held_on": date(2026, 12, 15),
            "location": "Wijkcentrum De Afrikaander",
            "channels": [Channel.WIJKWEBSITE, Channel.WIJKKRANT, Channel.BRIEFJES],
            "audience": "Alle bewoners zijn welkom; vooral jongeren en nieuwkomers.",
        },
    )
