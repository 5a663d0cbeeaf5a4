from django.apps import AppConfig

from wijkteam.registry import MenuEntry


class IwmoConfig(AppConfig):
    name = "iwmo"
    verbose_name = "iWmo-berichten"

    # What this app gives the core (wijkteam/registry.py). One entry: the history
    # every beheerder may read, which links to the import for the gemeentebeheerder.
    menu = [
        MenuEntry("iWmo-berichten", "iwmo:import_history", "iwmo.history", order=135),
    ]
