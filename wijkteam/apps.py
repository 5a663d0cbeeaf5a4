from django.apps import AppConfig


class WijkteamConfig(AppConfig):
    name = "wijkteam"
    verbose_name = "Wijkteam: teams, gebruikers en toegangslog"

    def ready(self):
        # Connects the login receiver (login time and session ownership).
        from wijkteam import security  # noqa: F401
