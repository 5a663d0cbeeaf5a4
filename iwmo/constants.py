from django.db import models

# The namespace every iWmo 3.2 message carries: …/iwmo/3_2/wmo301/schema.
NAMESPACE_PREFIX = "http://www.istandaarden.nl/iwmo/3_2/"
IJW_MARKER = "/ijw/"


class BerichtType(models.TextChoices):
    """The iWmo 3.2 messages this app knows, by their number (WMO301 …)."""

    TOEWIJZING = "301", "301 Toewijzing"
    RETOUR_TOEWIJZING = "302", "302 Retour toewijzing"
    START_LEVERING = "305", "305 Start levering"
    RETOUR_START = "306", "306 Retour start levering"
    STOP_LEVERING = "307", "307 Stop levering"
    RETOUR_STOP = "308", "308 Retour stop levering"
    VERZOEK_TOEWIJZING = "315", "315 Verzoek om toewijzing"
    RETOUR_VERZOEK_TOEWIJZING = "316", "316 Retour verzoek om toewijzing"
    VERZOEK_WIJZIGING = "317", "317 Verzoek om wijziging"
    RETOUR_VERZOEK_WIJZIGING = "318", "318 Retour verzoek om wijziging"
    ANTWOORD = "319", "319 Antwoordbericht"
    RETOUR_ANTWOORD = "320", "320 Retour antwoordbericht"


# What the import reads: the heenberichten the issue names, and every retour.
IMPORTABLE = frozenset({"301", "305", "307", "315", "317"})
RETOUR_OF = {"302": "301", "306": "305", "308": "307", "316": "315", "318": "317",
             "320": "319"}  # fmt: skip
# What the gemeente itself sends: a 301 in the import is the gemeente's own (from its
# outbox), so a 302 on it marks a message "we sent". The rest comes from aanbieders.
SENT_BY_GEMEENTE = frozenset({"301", "306", "308", "316", "318", "319"})
# Retourcodes that do not reject anything: "geen opmerking", "niet beoordeeld".
ACCEPTING_RETOURCODES = frozenset({"0200", "0233"})


class Richting(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    VERZONDEN = "verzonden", "Verzonden"


class Uitkomst(models.TextChoices):
    """What the import did with one file (or one file inside a zip)."""

    OPGESLAGEN = "opgeslagen", "Opgeslagen"
    AL_ONTVANGEN = "al_ontvangen", "Al ontvangen"
    GEWEIGERD = "geweigerd", "Geweigerd"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "In de wachtrij"
    RUNNING = "running", "Bezig"
    DONE = "done", "Klaar"
    FAILED = "failed", "Mislukt"


class Via(models.TextChoices):
    PAGINA = "pagina", "Importpagina"
    COMMANDO = "commando", "Beheercommando"
