"""TextChoices of the network, zorgaanbieders, verwijzingen and toekenningen, with
the allowed status transitions (netwerk en achterdeur)."""

from django.db import models


class NetworkKind(models.TextChoices):
    """Who someone in the network is; the first one is professional, the rest the
    informal network (the ecogram groups them this way)."""

    PROFESSIONAL = "professional", "Professional"
    FAMILIE = "familie", "Familie"
    BUREN = "buren", "Buren"
    VRIENDEN = "vrienden", "Vrienden en kennissen"
    VRIJWILLIGER = "vrijwilliger", "Vrijwilliger"
    SLEUTELFIGUUR = "sleutelfiguur", "Sleutelfiguur"


INFORMAL_KINDS = frozenset(NetworkKind.values) - {NetworkKind.PROFESSIONAL}


class ReferralStatus(models.TextChoices):
    GEVRAAGD = "gevraagd", "Aangevraagd, wacht op start"
    GESTART = "gestart", "Zorg gestart"
    AFGEROND = "afgerond", "Afgerond"
    GEANNULEERD = "geannuleerd", "Geannuleerd"


REFERRAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralStatus.GEVRAAGD: frozenset(
        {ReferralStatus.GESTART, ReferralStatus.GEANNULEERD}
    ),
    ReferralStatus.GESTART: frozenset({ReferralStatus.AFGEROND}),
}


class AllocationKind(models.TextChoices):
    """Soort voorziening of a toekenning (a small fixed code list)."""

    HUISHOUDELIJKE_HULP = "huishoudelijke_hulp", "Huishoudelijke hulp"
    BEGELEIDING = "begeleiding", "Begeleiding"
    DAGBESTEDING = "dagbesteding", "Dagbesteding"
    JEUGDHULP = "jeugdhulp", "Jeugdhulp"
    SCHULDHULP = "schuldhulp", "Schuldhulpverlening"
    HULPMIDDEL = "hulpmiddel", "Hulpmiddel of woningaanpassing"
    VERVOER = "vervoer", "Vervoersvoorziening"
    BESCHERMD_WONEN = "beschermd_wonen", "Beschermd wonen"
    UITKERING = "uitkering", "Uitkering of bijzondere bijstand"
    ANDERS = "anders", "Anders"


class LegalBasis(models.TextChoices):
    WMO = "wmo", "Wmo 2015"
    JEUGDWET = "jeugdwet", "Jeugdwet"
    PARTICIPATIEWET = "participatiewet", "Participatiewet"
    ANDERS = "anders", "Anders"


class AllocationStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "Aangevraagd"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    BEEINDIGD = "beeindigd", "Beëindigd"


ALLOCATION_TRANSITIONS: dict[str, frozenset[str]] = {
    AllocationStatus.AANGEVRAAGD: frozenset(
        {AllocationStatus.TOEGEKEND, AllocationStatus.AFGEWEZEN}
    ),
    AllocationStatus.TOEGEKEND: frozenset({AllocationStatus.BEEINDIGD}),
}
# The statuses a toekenning may be registered with.
ALLOCATION_START_STATUSES = (AllocationStatus.AANGEVRAAGD, AllocationStatus.TOEGEKEND)

# The toekenningen list's status filter beyond the statuses themselves.
ALLOCATION_FILTER_ALL = "alle"
ALLOCATION_FILTER_RUNNING = "lopend"
