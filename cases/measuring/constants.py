from django.db import models


class CorrectionKind(models.TextChoices):
    """What a correction is about (corrections after saving)."""

    ZRM = "zrm", "ZRM-meting"
    LADDER = "ladder", "trede participatieladder"
    MOREEL_BERAAD = "moreel_beraad", "moreel beraad"
    NETWERK = "netwerk", "betrokkene in het netwerk"


class CorrectionAction(models.TextChoices):
    GECORRIGEERD = "gecorrigeerd", "Gecorrigeerd"
    INGETROKKEN = "ingetrokken", "Ingetrokken"
    GEWIJZIGD = "gewijzigd", "Gewijzigd"
