"""TextChoices of this app."""

from django.db import models


class DocumentKind(models.TextChoices):
    STARTDOCUMENT = "startdocument", "Startdocument"
    PLAN_VAN_AANPAK = "plan_van_aanpak", "Plan van aanpak"


class QuestionKind(models.TextChoices):
    TEXT = "text", "Open vraag"
    SINGLE = "single", "Eén keuze (met toelichting)"
    MULTIPLE = "multiple", "Meer keuzes (met toelichting)"


class VersionStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    TER_BESPREKING = "ter_bespreking", "Ter bespreking"
    VASTGESTELD = "vastgesteld", "Vastgesteld"


# The only status changes there are. A vastgesteld version is frozen: a change
# starts a new concept version (services.version_start_new), never a transition.
TRANSITIONS: dict[str, frozenset[str]] = {
    VersionStatus.CONCEPT: frozenset({VersionStatus.TER_BESPREKING}),
    VersionStatus.TER_BESPREKING: frozenset(
        {VersionStatus.CONCEPT, VersionStatus.VASTGESTELD}
    ),
    VersionStatus.VASTGESTELD: frozenset(),
}

TRANSITION_LABELS = {
    VersionStatus.TER_BESPREKING: "Ter bespreking voorleggen",
    VersionStatus.CONCEPT: "Terug naar concept",
    VersionStatus.VASTGESTELD: "Vaststellen",
}
