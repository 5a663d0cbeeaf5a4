from django.apps import AppConfig


class BouwstenenConfig(AppConfig):
    name = "bouwstenen"
    verbose_name = "Kwartiermaken: startdocument en plan van aanpak"
