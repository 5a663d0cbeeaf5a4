"""Case.main_contact_buurt: the buurt of the household's main contact, kept by
triggers (migration 0013)."""

import pytest

from cases.models import Case, HouseholdMember
from cases.tests.factories import (
    CaseFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    PersonFactory,
)
from gebiedsanalyse.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


def buurt_of(case):
    return Case.objects.values_list("main_contact_buurt", flat=True).get(pk=case.pk)


def test_the_main_contact_before_or_after_the_casus(team):
    here, there = AreaFactory(), AreaFactory()
    household = HouseholdFactory(team=team)
    HouseholdMemberFactory(
        household=household, person=PersonFactory(team=team, buurt=here)
    )
    assert buurt_of(CaseFactory(team=team, household=household)) == here.pk
    later = CaseFactory(team=team)
    assert buurt_of(later) is None  # no members yet
    HouseholdMemberFactory(
        household=later.household, person=PersonFactory(team=team, buurt=there)
    )
    assert buurt_of(later) == there.pk


def test_other_members_do_not_count(team):
    case = CaseFactory(team=team)
    HouseholdMemberFactory(
        household=case.household,
        person=PersonFactory(team=team, buurt=AreaFactory()),
        is_main_contact=False,
    )
    assert buurt_of(case) is None


def test_a_new_main_contact_or_buurt_moves_the_casus(team):
    here, there = AreaFactory(), AreaFactory()
    case = CaseFactory(team=team)
    first = HouseholdMemberFactory(
        household=case.household, person=PersonFactory(team=team, buurt=here)
    )
    second = HouseholdMemberFactory(
        household=case.household,
        person=PersonFactory(team=team, buurt=there),
        is_main_contact=False,
    )
    HouseholdMember.objects.filter(pk=first.pk).update(is_main_contact=False)
    assert buurt_of(case) is None
    HouseholdMember.objects.filter(pk=second.pk).update(is_main_contact=True)
    assert buurt_of(case) == there.pk
    person = second.person
    person.buurt = here
    person.save(update_fields=["buurt"])
    assert buurt_of(case) == here.pk
    case.save()  # a stale instance writes no stale buurt
    assert buurt_of(case) == here.pk
    second.delete()
    assert buurt_of(case) is None
