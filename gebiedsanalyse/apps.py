from django.apps import AppConfig


class GebiedsanalyseConfig(AppConfig):
    name = "gebiedsanalyse"
    verbose_name = "Gebiedsanalyse"

    def ready(self) -> None:
        from gebiedsanalyse.exports import (
            EXPORT_KIND,
            EXPORT_KIND_WITHOUT_TEAM_FIGURES,
        )
        from wijkteam.exports import register

        register(EXPORT_KIND)
        register(EXPORT_KIND_WITHOUT_TEAM_FIGURES)
