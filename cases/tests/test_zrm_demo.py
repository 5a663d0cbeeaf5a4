"""The demo shows metingen: improving ZRM histories, ladder treden, a moreel beraad."""

from django.core.management import call_command

import pytest

from cases.models import LadderMeasurement, MoralDeliberation, ZrmAssessment

pytestmark = pytest.mark.django_db


def test_demo_has_zrm_histories_ladder_and_a_moreel_beraad():
    call_command("demo_data", force=True)
    counts = (ZrmAssessment.objects.count(), LadderMeasurement.objects.count())
    call_command("demo_data", force=True)  # idempotent
    assert (ZrmAssessment.objects.count(), LadderMeasurement.objects.count()) == (
        counts
    )
    case_ids = set(ZrmAssessment.objects.values_list("case_id", flat=True))
    assert len(case_ids) >= 3
    pinas = ZrmAssessment.objects.filter(case__household__name="Huishouden Pinas")
    first, *_, last = pinas.order_by("assessed_on")
    fin = {a.pk: a.scores.get(domain="financien").score for a in (first, last)}
    assert fin[last.pk] > fin[first.pk]
    assert MoralDeliberation.objects.count() == 1
