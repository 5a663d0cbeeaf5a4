from django.apps import AppConfig

from wijkteam.registry import BEHEER, GEBIED, MenuEntry


class GebiedsanalyseConfig(AppConfig):
    name = "gebiedsanalyse"
    verbose_name = "Gebiedsanalyse"

    # What this app gives the core (wijkteam/registry.py).
    menu = [
        MenuEntry(
            "Gebieden", "gebiedsanalyse:area_list", "area.view", order=80, group=GEBIED
        ),
        MenuEntry(
            "Sociale kaart",
            "gebiedsanalyse:place_list",
            "area.view",
            order=90,
            group=GEBIED,
        ),
        MenuEntry(
            "Hulpbronnen",
            "gebiedsanalyse:resource_list",
            "area.view",
            order=95,
            group=GEBIED,
        ),
        MenuEntry(
            "Wijkanalyse",
            "gebiedsanalyse:wijkanalyse",
            "area.view",
            order=100,
            group=GEBIED,
        ),
        MenuEntry(
            "CBS-import",
            "gebiedsanalyse:cbs_upload",
            "area.import",
            order=130,
            group=BEHEER,
        ),
        MenuEntry(
            "Werkgebied",
            "gebiedsanalyse:team_areas",
            "beheer",
            order=132,
            group=BEHEER,
        ),
    ]
    demo = [(10, "gebiedsanalyse.demo.load")]  # first: the others use its areas
    export_kinds = [
        "gebiedsanalyse.exports.EXPORT_KIND",
        "gebiedsanalyse.exports.EXPORT_KIND_WITHOUT_TEAM_FIGURES",
    ]
