"""Areas with their CBS figures (public data) and the team's own area knowledge.

Area and AreaFigure are public CBS data: every signed-in user may read them.
Everything else here belongs to a team (sociale kaart, hulpbronnen, wijkanalyse)
and is reached only through `wijkteam.access`.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models

from gebiedsanalyse import catalogue
from gebiedsanalyse.constants import (
    AreaLevel,
    Channel,
    PlaceKind,
    ResourceKind,
    Urgency,
)
from gebiedsanalyse.querysets import AreaQuerySet, TeamOwnedQuerySet


class Area(models.Model):
    """A CBS region: the country, a gemeente, a wijk or a buurt."""

    code = models.CharField("CBS-code", max_length=10, unique=True)
    name = models.CharField("naam", max_length=120)
    level = models.CharField("soort gebied", max_length=10, choices=AreaLevel.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name="ligt in",
    )
    geometry = models.JSONField(
        "grens (GeoJSON, WGS84)", null=True, blank=True, editable=False
    )
    teams = models.ManyToManyField(
        "wijkteam.Team",
        blank=True,
        related_name="areas",
        verbose_name="teams",
        help_text="De teams die in dit gebied werken.",
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "gebied"
        verbose_name_plural = "gebieden"
        indexes = [models.Index(fields=["level", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def gemeente_code(self) -> str:
        """GM0599 for GM0599, WK059901 and BU05990101; '' for the country."""
        return "GM" + self.code[2:6] if self.level != AreaLevel.LAND else ""


class AreaFigure(models.Model):
    """One CBS figure of one area in one year. `value` None = unknown (never 0)."""

    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="figures", verbose_name="gebied"
    )
    year = models.PositiveSmallIntegerField("jaar")
    indicator = models.CharField("indicator", max_length=40, choices=catalogue.CHOICES)
    value = models.DecimalField(
        "waarde", max_digits=14, decimal_places=3, null=True, blank=True
    )

    class Meta:
        ordering = ["area", "indicator", "year"]
        verbose_name = "kerncijfer"
        verbose_name_plural = "kerncijfers"
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year", "indicator"], name="areafigure_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area.code} {self.year} {self.indicator}"


class CbsImport(models.Model):
    """The import history: one row per import that was carried out (who, when, which
    file, and what it did to the stored data). Refused files leave no row."""

    at = models.DateTimeField("tijdstip", auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="door",
    )
    via = models.CharField("via", max_length=40, blank=True)
    file_name = models.CharField("bestand", max_length=200)
    sha256 = models.CharField("SHA-256 van het bestand", max_length=64, blank=True)
    year = models.PositiveSmallIntegerField("jaar", null=True, blank=True)
    blank_missing = models.BooleanField("lege cellen wissen", default=False)
    rows_read = models.PositiveIntegerField("regels gelezen", default=0)
    areas_created = models.PositiveIntegerField("gebieden nieuw", default=0)
    areas_changed = models.PositiveIntegerField(
        "gebieden gewijzigd (naam of grens)", default=0
    )
    areas_unchanged = models.PositiveIntegerField("gebieden ongewijzigd", default=0)
    figures_written = models.PositiveIntegerField("cijfers geschreven", default=0)
    figures_added = models.PositiveIntegerField("cijfers nieuw", default=0)
    figures_changed = models.PositiveIntegerField("cijfers gewijzigd", default=0)
    figures_blanked = models.PositiveIntegerField("cijfers gewist", default=0)
    figures_unchanged = models.PositiveIntegerField("cijfers ongewijzigd", default=0)
    figures_kept = models.PositiveIntegerField(
        "cijfers behouden (lege cel in het bestand)", default=0
    )
    boundaries_skipped = models.PositiveIntegerField(
        "grenzen overgeslagen (gebied onbekend)", default=0
    )
    unrecognised_columns = models.JSONField(
        "kolommen niet herkend", default=list, blank=True
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "CBS-import"
        verbose_name_plural = "CBS-imports"

    def __str__(self) -> str:
        return f"{self.file_name} ({self.at:%d-%m-%Y %H:%M})"

    @property
    def kind(self) -> str:
        return "cijfers" if self.year else "grenzen"


class TeamOwned(models.Model):
    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.CASCADE, related_name="+", verbose_name="team"
    )
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="gebied",
    )
    created_at = models.DateTimeField("aangemaakt", auto_now_add=True)
    updated_at = models.DateTimeField("bijgewerkt", auto_now=True)

    objects = TeamOwnedQuerySet.as_manager()

    class Meta:
        abstract = True


class SocialPlace(TeamOwned):
    """Sociale infrastructuur: an organisation, place or key person in the area."""

    kind = models.CharField("soort", max_length=20, choices=PlaceKind.choices)
    name = models.CharField("naam", max_length=150)
    contact_person = models.CharField("contactpersoon", max_length=120, blank=True)
    phone = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    address = models.CharField("adres", max_length=200, blank=True)
    offer = models.TextField("wat zij bieden", blank=True)
    notes = models.TextField("aantekeningen", blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = "plek in de sociale kaart"
        verbose_name_plural = "sociale kaart"

    def __str__(self) -> str:
        return self.name


class Resource(TeamOwned):
    """A hulpbron or potentie of the area (what is there to build on)."""

    kind = models.CharField(
        "soort",
        max_length=20,
        choices=ResourceKind.choices,
        default=ResourceKind.HULPBRON,
    )
    title = models.CharField("titel", max_length=150)
    description = models.TextField("beschrijving", blank=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = "hulpbron of potentie"
        verbose_name_plural = "hulpbronnen en potenties"

    def __str__(self) -> str:
        return self.title


class ResidentGroup(TeamOwned):
    """A bewonersgroep the team wants to reach, with the members who focus on it."""

    name = models.CharField("bewonersgroep", max_length=150)
    reason = models.TextField("waarom (uit de wijkanalyse)", blank=True)
    focus_members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name="teamleden met deze focus",
        help_text="Eén teamlid of een duo: wie al ervaring heeft en wie wil leren.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "bewonersgroep"
        verbose_name_plural = "bewonersgroepen"

    def __str__(self) -> str:
        return self.name


class OutreachAction(TeamOwned):
    """An action from the wijkanalyse: with which goal the team approaches a group."""

    group = models.ForeignKey(
        ResidentGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name="bewonersgroep",
    )
    title = models.CharField("actie", max_length=150)
    goal = models.TextField("doel: wat willen we bereiken")
    urgency = models.CharField(
        "urgentie", max_length=10, choices=Urgency.choices, default=Urgency.MIDDEL
    )
    planned_on = models.DateField("datum", null=True, blank=True)
    done = models.BooleanField("afgerond", default=False)

    class Meta:
        ordering = ["done", "planned_on", "title"]
        verbose_name = "wijkactie"
        verbose_name_plural = "wijkacties"

    def __str__(self) -> str:
        return self.title


class InfoMeeting(TeamOwned):
    """An informatiebijeenkomst, organised with residents, and how it is announced."""

    title = models.CharField("titel", max_length=150)
    held_on = models.DateField("datum")
    location = models.CharField("plaats", max_length=150, blank=True)
    channels = ArrayField(
        models.CharField(max_length=20, choices=Channel.choices),
        verbose_name="aankondigen via",
        default=list,
        blank=True,
    )
    audience = models.TextField(
        "wie willen we vooral bereiken",
        blank=True,
        help_text="Alle bewoners zijn welkom; noem wie extra aandacht vraagt.",
    )

    class Meta:
        ordering = ["-held_on"]
        verbose_name = "informatiebijeenkomst"
        verbose_name_plural = "informatiebijeenkomsten"

    def __str__(self) -> str:
        return self.title

    def get_channels_display(self) -> list[str]:
        return [Channel(c).label for c in self.channels if c in Channel.values]
