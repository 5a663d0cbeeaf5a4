from __future__ import annotations

from django.core.exceptions import ValidationError

from cases.intake.constants import (
    Relation,
)
from cases.models import (
    Household,
    HouseholdMember,
    Person,
)
from wijkteam.models import Team, User

PERSON_FIELDS = (
    "first_name", "prefix", "last_name", "birth_date", "bsn", "street",
    "house_number", "postcode", "city", "phone", "email", "buurt",
)  # fmt: skip


def person_create(*, team: Team, by: User, **fields) -> Person:
    person = Person(team=team, created_by=by)
    for name in PERSON_FIELDS:
        if name in fields and fields[name] is not None:
            setattr(person, name, fields[name])
    person.refresh_search_name()
    person.full_clean(exclude=["team", "created_by"])
    if person.buurt_id and not person.buurt.teams.filter(pk=team.pk).exists():
        raise ValidationError({"buurt": "Kies een buurt waar uw team werkt."})
    person.save()
    return person


def household_for_person(*, person: Person) -> Household:
    """The person's household in their team, made (with them as main contact) if
    they have none yet."""
    membership = (
        HouseholdMember.objects.select_related("household")
        .filter(person=person, household__team_id=person.team_id)
        .order_by("-is_main_contact", "id")
        .first()
    )
    if membership is not None:
        return membership.household
    household = Household.objects.create(
        team_id=person.team_id,
        name=f"Huishouden {person.last_name or person.first_name}",
    )
    HouseholdMember.objects.create(
        household=household,
        person=person,
        relation=Relation.HOOFDBEWONER,
        is_main_contact=True,
    )
    return household
