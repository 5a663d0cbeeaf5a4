"""Demo plans: rich, with overdue actions and a vastgesteld version then a concept."""

from django.core.management import call_command

import pytest

from cases.models import Plan, PlanAction, PlanVersion

pytestmark = pytest.mark.django_db


def test_demo_plans_are_rich_and_idempotent():
    call_command("demo_data", force=True)
    counts = (Plan.objects.count(), PlanAction.objects.count())
    call_command("demo_data", force=True)
    assert (Plan.objects.count(), PlanAction.objects.count()) == counts
    assert counts[0] >= 4
    pinas = Plan.objects.get(case__household__name="Huishouden Pinas")
    assert pinas.goals.values("domain").distinct().count() >= 3
    assert (pinas.number, pinas.status) == (2, "concept")
    assert PlanVersion.objects.filter(plan=pinas, number=1).exists()
    assert PlanAction.objects.overdue().filter(case=pinas.case).exists()
