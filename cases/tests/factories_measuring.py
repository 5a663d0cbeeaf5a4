"""Factories of the metingen (ZRM, participatieladder) and moreel beraad."""

import datetime as dt

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from cases.models import (
    LadderMeasurement,
    MoralDeliberation,
    ZrmAssessment,
    ZrmDomainScore,
)
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from wijkteam.tests.factories import UserFactory


def member_of(case):
    """A new person in the casus's household (main contact if there is none)."""
    has_main = case.household.members.filter(is_main_contact=True).exists()
    return HouseholdMemberFactory(
        household=case.household, is_main_contact=not has_main
    ).person


class ZrmAssessmentFactory(DjangoModelFactory):
    """`scores={"financien": 2, ...}` adds the domain rows."""

    class Meta:
        model = ZrmAssessment
        skip_postgeneration_save = True

    case = factory.SubFactory(CaseFactory)
    person = factory.LazyAttribute(lambda o: member_of(o.case))
    assessed_on = factory.LazyFunction(
        lambda: timezone.localdate() - dt.timedelta(days=7)
    )
    assessed_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def scores(obj, create, extracted, **kwargs):
        if create and extracted:
            ZrmDomainScore.objects.bulk_create(
                ZrmDomainScore(assessment=obj, domain=d, score=s)
                for d, s in extracted.items()
            )


class LadderMeasurementFactory(DjangoModelFactory):
    class Meta:
        model = LadderMeasurement

    case = factory.SubFactory(CaseFactory)
    person = factory.LazyAttribute(lambda o: member_of(o.case))
    measured_on = factory.LazyFunction(
        lambda: timezone.localdate() - dt.timedelta(days=7)
    )
    step = 2
    measured_by = factory.SubFactory(UserFactory)


class MoralDeliberationFactory(DjangoModelFactory):
    class Meta:
        model = MoralDeliberation

    case = factory.SubFactory(CaseFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))
    dilemma = "Melden we de zorgen over de kinderen, tegen de wens van moeder in?"
    perspectives = "Veiligheid van de kinderen; vertrouwen van moeder."
    decision = "Eerst met moeder bespreken, binnen een week melden."
    other_participants = "Gedragswetenschapper"
    recorded_by = factory.SubFactory(UserFactory)
