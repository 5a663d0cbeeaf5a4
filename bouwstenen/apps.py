from django.apps import AppConfig


class BouwstenenConfig(AppConfig):
    name = "bouwstenen"
    verbose_name = "Kwartiermaken: startdocument en plan van aanpak"

    def ready(self) -> None:
        from bouwstenen.exports import EXPORT_KIND
        from wijkteam.exports import register

        register(EXPORT_KIND)
