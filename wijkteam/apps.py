from importlib import import_module

from django.apps import AppConfig
from django.utils.module_loading import import_string

from wijkteam.registry import BEHEER, MenuEntry, declared


class WijkteamConfig(AppConfig):
    name = "wijkteam"
    verbose_name = "Wijkteam: teams, gebruikers en toegangslog"

    # What the core gives itself, the same way the apps do (wijkteam/registry.py).
    menu = [
        MenuEntry("Mijn team", "team_current", "team.view", order=10, group=BEHEER),
        MenuEntry("Medewerkers", "member_list", "team.manage", order=105, group=BEHEER),
        MenuEntry(
            "Toegangslog", "accesslog_list", "accesslog.view", order=110, group=BEHEER
        ),
    ]

    def ready(self):
        from wijkteam import security  # noqa: F401  (connects the login receiver)
        from wijkteam.accesslog_review import register_own_persons
        from wijkteam.exports import register

        # Every app's parts, as declared on its AppConfig (all models are loaded).
        for path in declared("inzage_modules"):
            import_module(path)
        for path in declared("export_kinds"):
            register(import_string(path))
        for path in declared("own_persons"):
            register_own_persons(import_string(path))
