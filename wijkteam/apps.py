from django.apps import AppConfig


class WijkteamConfig(AppConfig):
    name = "wijkteam"
    verbose_name = "Wijkteam: teams, gebruikers en toegangslog"

    def ready(self):
        # Connects the login receiver (login time and session ownership).
        from django.utils.module_loading import autodiscover_modules

        from wijkteam import security  # noqa: F401

        # Every app's inzage sections (`<app>/inzage.py`), see wijkteam/inzage.py.
        autodiscover_modules("inzage")
