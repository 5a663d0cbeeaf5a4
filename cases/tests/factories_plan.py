"""Factories of the plan: Plan, PlanGoal, PlanAction."""

import datetime as dt

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from cases.intake.constants import ZrmDomain
from cases.models import Plan, PlanAction, PlanGoal
from cases.plan.constants import ActionWho, GoalOwner, GoalStatus
from cases.tests.factories import CaseFactory
from wijkteam.tests.factories import UserFactory


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("case",)  # one plan per casus

    case = factory.SubFactory(CaseFactory)


class PlanGoalFactory(DjangoModelFactory):
    class Meta:
        model = PlanGoal

    plan = factory.SubFactory(PlanFactory)
    domain = ZrmDomain.FINANCIEN
    text = factory.Sequence(lambda n: f"Ik wil mijn rekeningen op tijd betalen ({n}).")
    owner_kind = GoalOwner.NETWERK
    owner_name = "Buurvrouw Els"
    status = GoalStatus.OPEN
    start_on = factory.LazyFunction(timezone.localdate)
    created_by = factory.SubFactory(UserFactory)


class PlanActionFactory(DjangoModelFactory):
    class Meta:
        model = PlanAction

    goal = factory.SubFactory(PlanGoalFactory)
    case = factory.SelfAttribute("goal.plan.case")
    what = factory.Sequence(lambda n: f"Afspraak maken bij schuldhulp ({n})")
    who_kind = ActionWho.EXTERN
    who_name = "J. Bakker (schuldhulp)"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))
    created_by = factory.SubFactory(UserFactory)

    class Params:
        overdue = factory.Trait(
            due_on=factory.LazyFunction(
                lambda: timezone.localdate() - dt.timedelta(days=3)
            )
        )
        done = factory.Trait(done_on=factory.LazyFunction(timezone.localdate))
