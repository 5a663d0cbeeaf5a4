from django.apps import AppConfig

from wijkteam.registry import KWARTIERMAKEN, MenuEntry


class BouwstenenConfig(AppConfig):
    name = "bouwstenen"
    verbose_name = "Kwartiermaken: startdocument en plan van aanpak"

    # What this app gives the core (wijkteam/registry.py).
    menu = [
        MenuEntry(
            "Kwartiermaken",
            "bouwstenen:startdocument_list",
            "startdocument.view",
            70,
            group=KWARTIERMAKEN,
        ),
    ]
    home_panels = {"kwartiermaker": "bouwstenen/home/kwartiermaker.html"}
    demo = [(30, "bouwstenen.demo.load")]
    export_kinds = ["bouwstenen.exports.EXPORT_KIND"]
