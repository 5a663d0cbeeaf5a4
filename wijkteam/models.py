"""What every app shares: users, teams with their members and roles, the access log.

Areas (gemeente/wijk/buurt) arrive with the gebiedsanalyse app, which links them to
Team from its side (`Area.teams`), so this module does not depend on it.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from wijkteam.constants import AccessAction, AccessResult, ExportStatus, Role
from wijkteam.querysets import AccessLogQuerySet, MembershipQuerySet, TeamQuerySet


class User(AbstractUser):
    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Team(models.Model):
    """A sociaal wijkteam, working from one location (informatiepunt)."""

    name = models.CharField("naam", max_length=120, unique=True)
    gemeente = models.CharField("gemeente", max_length=120)
    location_name = models.CharField("informatiepunt", max_length=120, blank=True)
    street = models.CharField("straat en huisnummer", max_length=120, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    city = models.CharField("plaats", max_length=80, blank=True)
    phone = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    opening_hours = models.TextField("openingstijden", blank=True)
    crisis_instructions = models.TextField(
        "crisisinstructies",
        blank=True,
        help_text="Wat de balie doet bij een crisis (wie bellen, welk nummer).",
    )

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "team"
        verbose_name_plural = "teams"

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's role in a team. One user may hold roles in several teams."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rol", max_length=20, choices=Role.choices)
    moederorganisatie = models.CharField(
        "moederorganisatie", max_length=120, blank=True
    )
    is_active = models.BooleanField("actief", default=True)
    # Hours per week in the contract, for the werkbak's workload per member
    # (set by the teamleider or beheer); empty: not known.
    contract_hours = models.DecimalField(
        "contracturen per week",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["team__name", "role", "user__last_name"]
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "team", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} in {self.team}"


def team_workers(team):
    """Active users who work casussen in the team (a team or its id): wijkteamleden
    and teamleiders, by name."""
    return (
        User.objects.filter(
            memberships__team=team,
            memberships__is_active=True,
            memberships__role__in=[Role.WIJKTEAMLID, Role.TEAMLEIDER],
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


class AccessLogEntry(models.Model):
    """One access to a person's data (NEN 7513). Append-only.

    Nothing in the application updates or deletes rows: the model refuses it and a
    database trigger (migration 0002) refuses it too. `person_id` is a plain number,
    not a foreign key, so the log outlives anonymisation of the person.
    """

    at = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    username = models.CharField("gebruikersnaam", max_length=150)
    # Every role the user holds in the team, comma-separated (a teamleider is often
    # also wijkteamlid): room for all five.
    role = models.CharField("rol", max_length=100, blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_of = models.CharField("namens", max_length=150, blank=True)
    action = models.CharField("actie", max_length=20, choices=AccessAction.choices)
    person_id = models.BigIntegerField("persoon", null=True, blank=True, db_index=True)
    object_type = models.CharField("soort gegeven", max_length=60, blank=True)
    object_id = models.CharField("gegeven", max_length=60, blank=True)
    purpose = models.CharField("doel", max_length=200, blank=True)
    path = models.CharField("adres", max_length=300, blank=True)
    ip_address = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    result = models.CharField(
        "resultaat",
        max_length=10,
        choices=AccessResult.choices,
        default=AccessResult.OK,
    )

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "toegangslogregel"
        verbose_name_plural = "toegangslog"

    def __str__(self) -> str:
        return f"{self.at:%d-%m-%Y %H:%M} {self.username} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Het toegangslog kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Het toegangslog kan niet worden verwijderd.")


def export_file_name(job: "ExportJob", filename: str) -> str:
    return f"exports/{job.token}.pdf"


class ExportJob(models.Model):
    """One request to export a document as a file, rendered by a Celery worker.

    `kind` names an entry of the export registry (wijkteam/exports.py), which says
    which template, context and access check belong to it. The file name is fixed
    by `token`, so rendering the same job twice leaves one file.
    """

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="export_jobs", verbose_name="team"
    )
    requested_by = models.ForeignKey(
        User,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="aangevraagd door",
    )
    requested_at = models.DateTimeField("aangevraagd op", auto_now_add=True)
    kind = models.CharField("soort export", max_length=40)
    object_id = models.PositiveBigIntegerField("gegeven")
    version = models.PositiveIntegerField("versie", null=True, blank=True)
    title = models.CharField("titel", max_length=200, blank=True)
    status = models.CharField(
        "status",
        max_length=10,
        choices=ExportStatus.choices,
        default=ExportStatus.QUEUED,
        db_index=True,
    )
    token = models.UUIDField("kenmerk", default=uuid.uuid4, unique=True, editable=False)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    started_at = models.DateTimeField("gestart op", null=True, blank=True)
    finished_at = models.DateTimeField("klaar op", null=True, blank=True)
    duration_ms = models.PositiveIntegerField("duur (ms)", null=True, blank=True)
    file = models.FileField("bestand", upload_to=export_file_name, blank=True)
    error = models.TextField("foutmelding", blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = "exportopdracht"
        verbose_name_plural = "exportopdrachten"
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.title or self.kind} ({self.get_status_display()})"

    # A RUNNING job older than this lost its worker: every task's hard time limit
    # is shorter, so nothing can still be rendering it.
    STALE_AFTER = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)

    @property
    def is_pending(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def is_stale(self) -> bool:
        """Left running by a worker that was lost (killed, machine restarted)."""
        return (
            self.status == ExportStatus.RUNNING
            and self.started_at is not None
            and self.started_at < timezone.now() - self.STALE_AFTER
        )

    @property
    def download_name(self) -> str:
        base = slugify(self.title) or f"{self.kind}-{self.object_id}"
        # Exports of something without versions (an inzage, an area) carry no number.
        return f"{base}-versie-{self.version}.pdf" if self.version else f"{base}.pdf"


# --- security: sessions per user ------------------------------------


class UserSession(models.Model):
    """Which database session belongs to which user, so that deactivating a user can
    end every session of theirs on the server. Deleted with the session (logout,
    expiry cleanup) through the cascade."""

    session = models.OneToOneField(
        "sessions.Session",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="sessie",
    )
    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name="gebruiker",
    )
    started_at = models.DateTimeField("ingelogd om", auto_now_add=True)

    class Meta:
        verbose_name = "sessie van gebruiker"
        verbose_name_plural = "sessies van gebruikers"

    def __str__(self) -> str:
        return f"{self.user} sinds {self.started_at:%d-%m-%Y %H:%M}"
