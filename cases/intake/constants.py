"""TextChoices of this app, and the allowed status transitions."""

from django.db import models


class ZrmDomain(models.TextChoices):
    """The 13 domains of the Zelfredzaamheid-Matrix (2017): the leefgebieden."""

    FINANCIEN = "financien", "Financiën"
    WERK_OPLEIDING = "werk_opleiding", "Werk & opleiding"
    TIJDSBESTEDING = "tijdsbesteding", "Tijdsbesteding"
    HUISVESTING = "huisvesting", "Huisvesting"
    HUISELIJKE_RELATIES = "huiselijke_relaties", "Huiselijke relaties"
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", "Geestelijke gezondheid"
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", "Lichamelijke gezondheid"
    MIDDELENGEBRUIK = "middelengebruik", "Middelengebruik"
    BASALE_ADL = "basale_adl", "Basale ADL"
    INSTRUMENTELE_ADL = "instrumentele_adl", "Instrumentele ADL"
    SOCIAAL_NETWERK = "sociaal_netwerk", "Sociaal netwerk"
    MAATSCHAPPELIJKE_PARTICIPATIE = (
        "maatschappelijke_participatie",
        "Maatschappelijke participatie",
    )
    JUSTITIE = "justitie", "Justitie"


class ZrmScore(models.IntegerChoices):
    ACUTE = 1, "1 – acute problematiek"
    NIET = 2, "2 – niet zelfredzaam"
    BEPERKT = 3, "3 – beperkt zelfredzaam"
    VOLDOENDE = 4, "4 – voldoende zelfredzaam"
    VOLLEDIG = 5, "5 – volledig zelfredzaam"


class Channel(models.TextChoices):
    INLOOP = "inloop", "Inloop"
    TELEFOON = "telefoon", "Telefoon"
    AFSPRAAK = "afspraak", "Afspraak"
    EMAIL = "email", "E-mail"
    SIGNAAL = "signaal", "Signaal van derden"


class Urgency(models.TextChoices):
    NORMAAL = "normaal", "Normaal"
    URGENT = "urgent", "Urgent"
    CRISIS = "crisis", "Crisis"


class IntakeOutcome(models.TextChoices):
    """Uitkomst van de vraagverkenning aan de balie."""

    BEANTWOORD = "beantwoord", "Beantwoord aan de balie"
    ADVIES = "advies", "Informatie/advies gegeven"
    DOORVERWEZEN = "doorverwezen", "Doorverwezen naar voorliggende voorziening"
    VRAAGVERHELDERING = "vraagverheldering", "Doorzetten naar vraagverheldering"


class QuestionStatus(models.TextChoices):
    AFGEHANDELD = "afgehandeld", "Afgehandeld aan de balie"
    WACHTRIJ = "wachtrij", "In wachtrij vraagverheldering"
    GEPLAND = "gepland", "Afspraak gepland"
    LICHTE_ONDERSTEUNING = "lichte_ondersteuning", "Lichte ondersteuning"
    AFGESLOTEN = "afgesloten", "Afgesloten na vraagverheldering"
    CASUS = "casus", "Casus geopend"


# from -> the statuses it may move to. A status not listed as a key is final.
QUESTION_TRANSITIONS: dict[str, frozenset[str]] = {
    QuestionStatus.WACHTRIJ: frozenset(
        {
            QuestionStatus.GEPLAND,
            QuestionStatus.LICHTE_ONDERSTEUNING,
            QuestionStatus.AFGESLOTEN,
            QuestionStatus.CASUS,
        }
    ),
    QuestionStatus.GEPLAND: frozenset(
        {
            QuestionStatus.GEPLAND,  # a new appointment or another wijkteamlid
            QuestionStatus.WACHTRIJ,  # appointment cancelled, back in the queue
            QuestionStatus.LICHTE_ONDERSTEUNING,
            QuestionStatus.AFGESLOTEN,
            QuestionStatus.CASUS,
        }
    ),
    QuestionStatus.LICHTE_ONDERSTEUNING: frozenset(
        {QuestionStatus.AFGESLOTEN, QuestionStatus.CASUS}
    ),
}
OPEN_QUESTION_STATUSES = frozenset(QUESTION_TRANSITIONS)


class PresentParty(models.TextChoices):
    INWONER = "inwoner", "De inwoner"
    HUISHOUDEN = "huishouden", "Leden van het huishouden"
    NETWERK = "netwerk", "Netwerk (familie, buren, vrienden)"
    PROFESSIONAL = "professional", "Andere professional"


class ClarificationDecision(models.TextChoices):
    AFSLUITEN = "afsluiten", "Afsluiten"
    LICHTE_ONDERSTEUNING = "lichte_ondersteuning", "Lichte ondersteuning"
    CASUS_OPENEN = "casus_openen", "Casus openen"


DECISION_TO_STATUS = {
    ClarificationDecision.AFSLUITEN: QuestionStatus.AFGESLOTEN,
    ClarificationDecision.LICHTE_ONDERSTEUNING: QuestionStatus.LICHTE_ONDERSTEUNING,
    ClarificationDecision.CASUS_OPENEN: QuestionStatus.CASUS,
}


class Relation(models.TextChoices):
    HOOFDBEWONER = "hoofdbewoner", "Hoofdbewoner"
    PARTNER = "partner", "Partner"
    OUDER = "ouder", "Ouder"
    KIND = "kind", "Kind"
    PLEEGKIND = "pleegkind", "Pleegkind"
    BROER_ZUS = "broer_zus", "Broer of zus"
    GROOTOUDER = "grootouder", "Grootouder"
    HUISGENOOT = "huisgenoot", "Huisgenoot"
    ANDERS = "anders", "Anders"
