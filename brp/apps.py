from django.apps import AppConfig


class BrpConfig(AppConfig):
    name = "brp"
    verbose_name = "BRP (Haal Centraal BRP Personen bevragen v2)"
