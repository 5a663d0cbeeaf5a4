from django.apps import AppConfig


class GebiedsanalyseConfig(AppConfig):
    name = "gebiedsanalyse"
    verbose_name = "Gebiedsanalyse"
