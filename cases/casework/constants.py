from django.db import models


class CaseStatus(models.TextChoices):
    AANGEMELD = "aangemeld", "Aangemeld"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    MONITORING = "monitoring", "Monitoring"
    AFGESLOTEN = "afgesloten", "Afgesloten"


CASE_TRANSITIONS: dict[str, frozenset[str]] = {
    CaseStatus.AANGEMELD: frozenset({CaseStatus.IN_BEHANDELING, CaseStatus.AFGESLOTEN}),
    CaseStatus.IN_BEHANDELING: frozenset(
        {CaseStatus.MONITORING, CaseStatus.AFGESLOTEN}
    ),
    CaseStatus.MONITORING: frozenset(
        {CaseStatus.IN_BEHANDELING, CaseStatus.AFGESLOTEN}
    ),
    CaseStatus.AFGESLOTEN: frozenset({CaseStatus.IN_BEHANDELING}),  # heropenen
}


class LegalFramework(models.TextChoices):
    """The law a casus falls under; it decides the bewaartermijn
    (cases/privacy/retention.py). Blank: not decided, derived at closure (a minor in
    the household: Jeugdwet)."""

    WMO = "wmo", "Wmo 2015"
    JEUGD = "jeugd", "Jeugdwet"


class CloseReason(models.TextChoices):
    DOEL_BEREIKT = "doel_bereikt", "Doel bereikt"
    VERHUISD = "verhuisd", "Verhuisd"
    OVERGEDRAGEN = "overgedragen", "Overgedragen aan specialist"
    WIL_NIET_MEER = "wil_niet_meer", "Cliënt wil niet meer"
    OVERLEDEN = "overleden", "Overleden"
    ANDERS = "anders", "Anders"


class ContactKind(models.TextChoices):
    HUISBEZOEK = "huisbezoek", "Huisbezoek"
    GESPREK_OP_LOCATIE = "gesprek_op_locatie", "Gesprek op locatie"
    TELEFOON = "telefoon", "Telefoon"
    BEELDBELLEN = "beeldbellen", "Beeldbellen"
    EMAIL = "email", "E-mail of bericht"
    OVERLEG = "overleg", "Overleg met netwerk of professionals"
    ANDERS = "anders", "Anders"


class ContactInitiator(models.TextChoices):
    WIJKTEAM = "wijkteam", "Wijkteam"
    INWONER = "inwoner", "Inwoner"
    NETWERK = "netwerk", "Netwerk"
    PROFESSIONAL = "professional", "Andere professional"


OPEN_CASE_STATUSES = (
    CaseStatus.AANGEMELD,
    CaseStatus.IN_BEHANDELING,
    CaseStatus.MONITORING,
)
# Statuses that count as intensive in the werkbak's workload figures.
INTENSIVE_CASE_STATUSES = (CaseStatus.IN_BEHANDELING,)
