"""Inwoners and their households.

A person belongs to the team that registered them: search, pages and history stay
inside that team, so another team's residents are not even shown to exist (404).
The BSN is unique per team when given.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.intake.constants import Relation
from cases.persons.querysets import PersonQuerySet
from cases.persons.validators import mask_bsn, search_key, validate_bsn


class Person(models.Model):
    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.PROTECT, related_name="persons"
    )
    first_name = models.CharField("voornaam", max_length=80)
    prefix = models.CharField("tussenvoegsel", max_length=20, blank=True)
    last_name = models.CharField("achternaam", max_length=120, blank=True)
    birth_date = models.DateField("geboortedatum", null=True, blank=True)
    bsn = models.CharField("BSN", max_length=9, blank=True, validators=[validate_bsn])
    street = models.CharField("straat", max_length=120, blank=True)
    house_number = models.CharField("huisnummer", max_length=12, blank=True)
    postcode = models.CharField("postcode", max_length=7, blank=True)
    city = models.CharField("plaats", max_length=80, blank=True)
    phone = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    # The CBS buurt the address lies in. SET_NULL: the buurt is derived from the
    # address and can be filled in again; removing an outdated CBS area must not
    # be blocked by residents, nor remove them.
    buurt = models.ForeignKey(
        "gebiedsanalyse.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
        limit_choices_to={"level": "buurt"},
        verbose_name="buurt",
    )
    # Lower case, no accents: first, prefix and last name. Searched with a trigram
    # index (migration 0001 creates pg_trgm), see bench/person_search.py.
    search_name = models.TextField("zoeknaam", blank=True, editable=False)
    created_at = models.DateTimeField("geregistreerd op", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="geregistreerd door",
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        verbose_name = "inwoner"
        verbose_name_plural = "inwoners"
        constraints = [
            models.UniqueConstraint(
                fields=["team", "bsn"],
                condition=~Q(bsn=""),
                name="person_unique_bsn_per_team",
                violation_error_message="Er is al een inwoner met dit BSN.",
            )
        ]
        indexes = [
            GinIndex(
                fields=["search_name"],
                name="person_search_name_trgm",
                opclasses=["gin_trgm_ops"],
            ),
            models.Index(fields=["team", "birth_date"], name="person_birth_date"),
            models.Index(
                fields=["team", "postcode", "house_number"], name="person_address"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.prefix, self.last_name) if p)

    @property
    def masked_bsn(self) -> str:
        return mask_bsn(self.bsn)

    @property
    def address(self) -> str:
        line = " ".join(p for p in (self.street, self.house_number) if p)
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (line, place) if p)

    def refresh_search_name(self) -> None:
        self.search_name = search_key(self.first_name, self.prefix, self.last_name)


class Household(models.Model):
    """Eén gezin, één plan: the people a casus is about."""

    team = models.ForeignKey(
        "wijkteam.Team", on_delete=models.PROTECT, related_name="households"
    )
    name = models.CharField("naam", max_length=160)
    created_at = models.DateTimeField("aangemaakt op", default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "huishouden"
        verbose_name_plural = "huishoudens"

    def __str__(self) -> str:
        return self.name


class HouseholdMember(models.Model):
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="household_memberships"
    )
    relation = models.CharField(
        "relatie", max_length=20, choices=Relation.choices, default=Relation.ANDERS
    )
    is_main_contact = models.BooleanField("hoofdcontactpersoon", default=False)

    class Meta:
        ordering = ["-is_main_contact", "person__last_name", "person__first_name"]
        verbose_name = "lid van het huishouden"
        verbose_name_plural = "leden van het huishouden"
        constraints = [
            models.UniqueConstraint(
                fields=["household", "person"], name="household_member_unique"
            ),
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(is_main_contact=True),
                name="household_one_main_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_relation_display()})"
