from django.db import models


class Role(models.TextChoices):
    BALIE = "balie", "Balie-medewerker"
    WIJKTEAMLID = "wijkteamlid", "Wijkteamlid"
    TEAMLEIDER = "teamleider", "Teamleider"
    KWARTIERMAKER = "kwartiermaker", "Kwartiermaker"
    BEHEERDER = "beheerder", "Beheerder"
    # Gemeente-wide: imports the CBS area data every team of the gemeente shares.
    GEMEENTEBEHEERDER = "gemeentebeheerder", "Gemeentebeheerder (gebiedsdata)"


class AccessAction(models.TextChoices):
    """What was done with a person's data (NEN 7513 'gebeurtenis')."""

    VIEW = "view", "Inzien"
    SEARCH = "search", "Zoeken"
    PRINT = "print", "Afdrukken"
    EXPORT = "export", "Exporteren"
    CHANGE = "change", "Wijzigen"
    DELETE = "delete", "Verwijderen (bewaartermijn)"
    LOGIN = "login", "Inloggen"
    LOGIN_FAILED = "login_failed", "Mislukte inlogpoging"
    LOGOUT = "logout", "Uitloggen"
    BRP_QUERY = "brp_query", "BRP-bevraging"


class AccessResult(models.TextChoices):
    OK = "ok", "Toegestaan"
    DENIED = "denied", "Geweigerd"


class ExportStatus(models.TextChoices):
    """Where a background export (PDF) stands."""

    QUEUED = "queued", "In de wachtrij"
    RUNNING = "running", "Bezig"
    DONE = "done", "Klaar"
    FAILED = "failed", "Mislukt"
