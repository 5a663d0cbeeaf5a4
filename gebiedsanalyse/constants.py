"""TextChoices of this app."""

from django.db import models


class AreaLevel(models.TextChoices):
    LAND = "land", "Land"
    GEMEENTE = "gemeente", "Gemeente"
    WIJK = "wijk", "Wijk"
    BUURT = "buurt", "Buurt"


# CBS code prefix -> level. The code itself says what a region is.
LEVEL_BY_PREFIX = {
    "NL": AreaLevel.LAND,
    "GM": AreaLevel.GEMEENTE,
    "WK": AreaLevel.WIJK,
    "BU": AreaLevel.BUURT,
}


class PlaceKind(models.TextChoices):
    """Sociale infrastructuur: organisations, places and people in the area."""

    WIJKORGANISATIE = "wijkorganisatie", "Wijkorganisatie"
    MKB = "mkb", "Ondernemer (mkb)"
    RELIGIEUS = "religieus", "Kerk of moskee"
    VERENIGING = "vereniging", "Vereniging"
    SCHOOL = "school", "School"
    INFORMEEL = "informeel", "Informeel netwerk"
    ZORGNETWERK = "zorgnetwerk", "Zorgnetwerk"
    SLEUTELFIGUUR = "sleutelfiguur", "Sleutelfiguur"


class ResourceKind(models.TextChoices):
    HULPBRON = "hulpbron", "Hulpbron"
    POTENTIE = "potentie", "Potentie"


class Urgency(models.TextChoices):
    HOOG = "hoog", "Hoog"
    MIDDEL = "middel", "Middel"
    LAAG = "laag", "Laag"


class Channel(models.TextChoices):
    """Aankondigingskanalen for an informatiebijeenkomst (seed 003)."""

    WIJKWEBSITE = "wijkwebsite", "Wijkwebsite"
    NIEUWSBRIEF = "nieuwsbrief", "Nieuwsbrief"
    SOCIAL_MEDIA = "social_media", "Facebook / sociale media"
    WIJKKRANT = "wijkkrant", "Wijkkrant"
    BRIEFJES = "briefjes", "Briefjes in winkels en supermarkt"
    SCHOOL = "school", "Via scholen"
    RELIGIEUS = "religieus", "Via kerk of moskee"
    MOND_TOT_MOND = "mond_tot_mond", "Mond-tot-mond / sleutelfiguren"
