"""The ZRM chart reads without hovering: lines with the same scores are drawn side
by side instead of on top of each other, every score is a marker of its own shape,
and the domains' names stand at the ends of their lines."""

import datetime as dt

from django.utils import timezone

import pytest

from cases.tests.factories import CaseFactory, HouseholdMemberFactory, PersonFactory
from cases.tests.factories_measuring import ZrmAssessmentFactory
from tests.browser.axe import assert_accessible
from tests.browser.test_metingen_flow import log_in
from wijkteam.constants import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_identical_lines_and_single_points_are_visible(page, team, member):
    lid = member(Role.WIJKTEAMLID, team, username="lid")
    case = CaseFactory(team=team, regievoerder=lid, in_progress=True)
    person = PersonFactory(team=team, first_name="Rowena", last_name="Pinas")
    HouseholdMemberFactory(household=case.household, person=person)
    today = timezone.localdate()
    # Financiën and Huisvesting have the same scores; Justitie is scored once.
    ZrmAssessmentFactory(
        case=case,
        person=person,
        assessed_on=today - dt.timedelta(days=30),
        scores={"financien": 2, "huisvesting": 2},
    )
    ZrmAssessmentFactory(
        case=case,
        person=person,
        assessed_on=today,
        scores={"financien": 3, "huisvesting": 3, "justitie": 5},
    )

    log_in(page, "lid")
    page.goto(f"/casussen/{case.pk}/metingen/")
    canvas_id = f"grafiek-zrm-{person.pk}"
    page.wait_for_function(
        "id => window.Chart && Chart.getChart(document.getElementById(id))",
        arg=canvas_id,
    )
    drawn = page.evaluate(
        """id => {
            const chart = Chart.getChart(document.getElementById(id));
            return chart.data.datasets.map((set, d) => ({
                label: set.label,
                style: set.pointStyle,
                radius: set.pointRadius,
                raw: set.raw,
                y: chart.getDatasetMeta(d).data.map((p) => Math.round(p.y)),
                plugins: chart.config.plugins.map((p) => p.id),
            }));
        }""",
        canvas_id,
    )
    by_label = {d["label"]: d for d in drawn}
    fin, huis, justitie = (
        by_label[k] for k in ["Financiën", "Huisvesting", "Justitie"]
    )
    assert fin["raw"] == huis["raw"] == [2, 3]  # the data are the scores
    # ... but the lines do not cover each other: every point lies apart
    assert all(a != b for a, b in zip(fin["y"], huis["y"], strict=True))
    assert abs(fin["y"][0] - huis["y"][0]) < 20  # and still at the same score
    assert len({d["style"] for d in drawn}) == len(drawn)
    assert justitie["radius"] >= 5  # one measurement: a marker you can see
    assert "endLabels" in drawn[0]["plugins"]
    tooltip = page.evaluate(
        """id => {
            const chart = Chart.getChart(document.getElementById(id));
            const fn = chart.options.plugins.tooltip.callbacks.label;
            return fn({dataset: chart.data.datasets[0], dataIndex: 1});
        }""",
        canvas_id,
    )
    assert tooltip == "Financiën: 3"  # the score, not where it is drawn
    assert_accessible(page)
