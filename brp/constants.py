"""The BRP's search types and, per screen, the fields it may ask for.

Dataminimalisatie: each screen asks the BRP only for what it shows. A new screen gets
its own list here rather than borrowing a longer one.
"""

from django.db import models


class SearchType(models.TextChoices):
    BSN = "RaadpleegMetBurgerservicenummer", "Op BSN"
    NAME_AND_BIRTH_DATE = (
        "ZoekMetGeslachtsnaamEnGeboortedatum",
        "Op geslachtsnaam en geboortedatum",
    )
    ADDRESS = "ZoekMetPostcodeEnHuisnummer", "Op postcode en huisnummer"


# The notices every screen must show when they apply. The API adds
# geheimhoudingPersoonsgegevens, inOnderzoek, opschortingBijhouding, rni and
# verificatie by itself, and refuses them in `fields` (400).
_NOTICES = [
    "overlijden",
    "indicatieCurateleRegister",
]

# The desk: a hit beside the team's own residents, and what taking it over fills in.
# partners.naam: the composed name follows aanduidingNaamgebruik (partner's name).
FIELDS_DESK = [
    "burgerservicenummer",
    "naam",
    "geboorte.datum",
    "leeftijd",
    "verblijfplaats",
    "partners.naam",
    "partners.ontbindingHuwelijkPartnerschap",
    *_NOTICES,
]

# The casus: partners, children, parents and parental authority, to add to the
# household in one step.
FIELDS_HOUSEHOLD = [
    "burgerservicenummer",
    "naam",
    "geboorte.datum",
    "leeftijd",
    "verblijfplaats",
    "partners.burgerservicenummer",
    "partners.naam",
    "partners.geboorte.datum",
    "partners.ontbindingHuwelijkPartnerschap",
    "kinderen.burgerservicenummer",
    "kinderen.naam",
    "kinderen.geboorte.datum",
    "ouders.burgerservicenummer",
    "ouders.naam",
    "ouders.geboorte.datum",
    "gezag",
    *_NOTICES,
]

# The searches (by name and birth date, by address) answer a limited person (spec:
# PersoonBeperkt): no verblijfplaats, partners or overlijden; the address comes as
# the envelope's lines. Enough to recognise and pick a hit; taking one over asks
# again by BSN with FIELDS_DESK.
FIELDS_SEARCH = [
    "burgerservicenummer",
    "naam",
    "geboorte.datum",
    "leeftijd",
    "adressering.adresregel1",
    "adressering.adresregel2",
    "adressering.adresregel3",
    "adressering.land",
]

GEZAG_LABELS = {
    "GezamenlijkOuderlijkGezag": "Gezamenlijk ouderlijk gezag",
    "EenhoofdigOuderlijkGezag": "Eenhoofdig ouderlijk gezag",
    "GezamenlijkGezag": "Gezamenlijk gezag (ouder en derde)",
    "Voogdij": "Voogdij",
    "TijdelijkGeenGezag": "Tijdelijk geen gezag",
    "GezagNietTeBepalen": "Gezag niet te bepalen",
}
