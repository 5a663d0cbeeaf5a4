"""Average ZRM per buurt and leefgebied in the team's own figures:
one GROUP BY, the latest score per person, and never an average over < 5 persons."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.figures import reads as teamfigures
from cases.figures.reads import UNKNOWN_BUURT, Period, format_average
from cases.intake.constants import ZrmDomain
from cases.tests.factories import CaseFactory, HouseholdMemberFactory, PersonFactory
from cases.tests.factories_measuring import ZrmAssessmentFactory
from gebiedsanalyse.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db
FIN, HUIS = ZrmDomain.FINANCIEN.value, ZrmDomain.HUISVESTING.value


@pytest.fixture
def buurt(team):
    area = AreaFactory(name="Bloemhof")
    area.teams.add(team)
    return area


def assessed(team, buurt, scores, *, days_ago=10, person=None):
    """A person of `buurt` in a casus of `team`, assessed `days_ago` days back."""
    if person is None:
        case = CaseFactory(team=team)
        person = PersonFactory(team=team, buurt=buurt)
        HouseholdMemberFactory(household=case.household, person=person)
    else:
        case = person.household_memberships.get().household.cases.get()
    ZrmAssessmentFactory(
        case=case, person=person, scores=scores,
        assessed_on=timezone.localdate() - dt.timedelta(days=days_ago),
    )  # fmt: skip
    return person


def table(team, buurten, **kwargs):
    kwargs.setdefault("period", Period.last_12_months())
    return teamfigures.zrm_by_buurt(team=team, buurten=buurten, **kwargs)


def cell(t, label, column):
    return dict(t.rows)[label][t.columns.index(column)]


@pytest.mark.parametrize("persons, shown", [(4, "< 5"), (5, "3,0"), (0, "< 5")])
def test_fewer_than_five_persons_show_no_average(team, buurt, persons, shown):
    for _ in range(persons):
        assessed(team, buurt, {FIN: 3})
    assert cell(table(team, [buurt]), "Bloemhof", "Financiën") == shown


def test_many_assessments_of_four_persons_stay_suppressed(team, buurt):
    """Counted are persons, not assessments: 4 persons x 3 assessments is < 5."""
    for _ in range(4):
        person = assessed(team, buurt, {FIN: 1}, days_ago=100)
        assessed(team, buurt, {FIN: 2}, days_ago=50, person=person)
        assessed(team, buurt, {FIN: 5}, days_ago=5, person=person)
    assert cell(table(team, [buurt]), "Bloemhof", "Financiën") == "< 5"


def test_the_latest_score_per_person_counts(team, buurt):
    for i in range(5):
        person = assessed(team, buurt, {FIN: 1, HUIS: 2}, days_ago=100)
        assessed(team, buurt, {FIN: 2 + i % 2}, days_ago=5, person=person)
    t = table(team, [buurt])
    assert cell(t, "Bloemhof", "Financiën") == "2,4"  # 2,3,2,3,2
    assert cell(t, "Bloemhof", "Huisvesting") == "2,0"  # only scored once
    assert cell(t, "Bloemhof", "Justitie") == "< 5"  # never scored: no average


def test_period_and_other_teams(team, other_team, buurt):
    buurt.teams.add(other_team)
    for _ in range(5):
        assessed(team, buurt, {FIN: 4}, days_ago=400)  # before the period
        assessed(other_team, buurt, {FIN: 1})
    assert cell(table(team, [buurt]), "Bloemhof", "Financiën") == "< 5"
    today = timezone.localdate()
    longer = Period(start=today - dt.timedelta(days=500), end=today)
    assert cell(table(team, [buurt], period=longer), "Bloemhof", "Financiën") == "4,0"
    assert cell(table(other_team, [buurt]), "Bloemhof", "Financiën") == "1,0"


def test_unknown_buurt_is_the_teams_own_row(team, buurt):
    for _ in range(5):
        assessed(team, None, {FIN: 2})
    t = table(team, [buurt])
    assert cell(t, UNKNOWN_BUURT, "Financiën") == "2,0"
    assert cell(t, "Bloemhof", "Financiën") == "< 5"
    narrowed = table(team, [buurt], buurt=buurt)
    assert [label for label, _ in narrowed.rows] == ["Bloemhof"]


def test_one_query(team, buurt, django_assert_num_queries):
    for _ in range(6):
        assessed(team, buurt, {FIN: 3, HUIS: 4})
    buurten = [buurt, AreaFactory()]
    with django_assert_num_queries(1):
        table(team, buurten)


def test_format_average():
    assert format_average(3.456, 5) == "3,5"
    assert format_average(3.456, 4) == "< 5"
    assert format_average(None, 0) == "< 5"


def test_the_page_shows_the_table_suppressed(login, lid, team, buurt):
    for _ in range(4):
        assessed(team, buurt, {FIN: 1})
    body = login(lid).get(reverse("gebiedsanalyse:team_figures")).content.decode()
    assert "Gemiddelde ZRM-score per buurt en leefgebied" in body
    assert "1,0" not in body
