"""TextChoices of the plan (one per casus), and the allowed status transitions of
a goal."""

from django.db import models


class GoalStatus(models.TextChoices):
    OPEN = "open", "Open"
    BEZIG = "bezig", "Bezig"
    BEHAALD = "behaald", "Behaald"
    NIET_BEHAALD = "niet_behaald", "Niet behaald"
    VERVALLEN = "vervallen", "Vervallen"


# from -> the statuses it may move to. Every status can move on: a goal that was
# closed too early can be picked up again (the history keeps both steps).
GOAL_TRANSITIONS: dict[str, frozenset[str]] = {
    GoalStatus.OPEN: frozenset(
        {
            GoalStatus.BEZIG,
            GoalStatus.BEHAALD,
            GoalStatus.NIET_BEHAALD,
            GoalStatus.VERVALLEN,
        }
    ),
    GoalStatus.BEZIG: frozenset(
        {GoalStatus.BEHAALD, GoalStatus.NIET_BEHAALD, GoalStatus.VERVALLEN}
    ),
    GoalStatus.BEHAALD: frozenset({GoalStatus.BEZIG}),
    GoalStatus.NIET_BEHAALD: frozenset({GoalStatus.BEZIG}),
    GoalStatus.VERVALLEN: frozenset({GoalStatus.OPEN}),
}
# Goals whose open actions still count (overdue signal, "lopende doelen").
ACTIVE_GOAL_STATUSES = (GoalStatus.OPEN, GoalStatus.BEZIG)

# Labels of the buttons that move a goal (what the user does, not where it ends).
GOAL_TRANSITION_LABELS = {
    GoalStatus.OPEN: "Weer openzetten",
    GoalStatus.BEZIG: "Mee bezig",
    GoalStatus.BEHAALD: "Behaald",
    GoalStatus.NIET_BEHAALD: "Niet behaald",
    GoalStatus.VERVALLEN: "Vervallen",
}


class GoalOwner(models.TextChoices):
    """Whose goal it is: the plan is the resident's, so the resident comes first."""

    INWONER = "inwoner", "De inwoner (lid van het huishouden)"
    NETWERK = "netwerk", "Iemand uit het netwerk"
    PROFESSIONAL = "professional", "Een professional"


class ActionWho(models.TextChoices):
    HUISHOUDEN = "huishouden", "Lid van het huishouden"
    NETWERK = "netwerk", "Iemand uit het netwerk"
    TEAMLID = "teamlid", "Teamlid"
    EXTERN = "extern", "Externe professional"


class PlanStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VASTGESTELD = "vastgesteld", "Vastgesteld"


# The goal's status in plain words (B1), for the resident's PDF.
GOAL_STATUS_PLAIN = {
    GoalStatus.OPEN: "Nog niet begonnen",
    GoalStatus.BEZIG: "Hier werken we aan",
    GoalStatus.BEHAALD: "Gelukt",
    GoalStatus.NIET_BEHAALD: "Niet gelukt",
    GoalStatus.VERVALLEN: "Niet meer nodig",
}

# The export kind of the plan's PDF (cases/plan/exports.py registers it); the
# retention service removes these jobs with their casus.
PLAN_PDF_KIND = "casus-plan"
