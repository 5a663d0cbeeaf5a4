"""The menu: one list, filtered by what the user's role in the current team allows.

Apps add their entries here when their pages arrive.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from wijkteam.access import can


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str


ITEMS: list[NavItem] = [
    NavItem("Mijn team", "team_current", "team.view"),
    NavItem("Intake", "cases:intake_list", "intake.view"),
    NavItem("Mijn afspraken", "cases:my_appointments", "vraagverheldering.record"),
    NavItem("Werkbak", "cases:werkbak", "case.assign"),
    NavItem("Casussen", "cases:case_list", "case.view"),
    NavItem("Toekenningen", "cases:allocation_list", "case.view"),
    NavItem("Kwartiermaken", "bouwstenen:startdocument_list", "startdocument.view"),
    NavItem("Gebieden", "gebiedsanalyse:area_list", "area.view"),
    NavItem("Sociale kaart", "gebiedsanalyse:place_list", "area.view"),
    NavItem("Wijkanalyse", "gebiedsanalyse:wijkanalyse", "area.view"),
    NavItem("Toegangslog", "accesslog_list", "accesslog.view"),
    NavItem("Inzageverzoek", "cases:inzage", "inzage.request"),
    NavItem("CBS-import", "gebiedsanalyse:cbs_upload", "beheer"),
    NavItem("Zorgaanbieders", "cases:provider_list", "beheer"),
]


def items_for(user, team) -> list[dict]:
    result = []
    for item in ITEMS:
        if not can(user, item.permission, team):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        result.append({"label": item.label, "url": url, "name": item.url_name})
    return result
