"""The team's own figures: one GROUP BY per table, suppressed, own team only."""

import datetime as dt

from django.utils import timezone

import pytest

from cases.figures import reads as teamfigures
from cases.figures.reads import UNKNOWN_BUURT, Period
from cases.intake.constants import Channel, ZrmDomain
from cases.tests.factories import (
    CaseFactory,
    HouseholdMemberFactory,
    PersonFactory,
    QuestionFactory,
)
from gebiedsanalyse.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db
FIN = ZrmDomain.FINANCIEN.value


@pytest.fixture
def buurt(team):
    area = AreaFactory(name="Afrikaanderwijk")
    area.teams.add(team)
    return area


def questions(n, team, buurt, **kwargs):
    person = PersonFactory(team=team, buurt=buurt)
    return QuestionFactory.create_batch(n, team=team, person=person, **kwargs)


def cell(table, label, column):
    row = dict(table.rows)[label]
    return row[table.columns.index(column)]


def figures(team, buurt, **kwargs):
    return teamfigures.team_figures(
        team=team, period=Period.last_12_months(), buurten=[buurt], **kwargs
    )


@pytest.mark.parametrize("n, shown", [(4, "< 5"), (5, "5"), (0, "< 5")])
def test_cells_below_five_are_suppressed(team, buurt, n, shown):
    questions(n, team, buurt, domains=[FIN], channel=Channel.TELEFOON)
    by_domain, by_channel, _cases, *_ = figures(team, buurt)
    assert cell(by_domain, "Afrikaanderwijk", "Financiën") == shown
    assert cell(by_domain, "Afrikaanderwijk", "Alle vragen") == shown
    assert cell(by_channel, "Afrikaanderwijk", "Telefoon") == shown
    assert cell(by_channel, "Afrikaanderwijk", "Inloop") == "< 5"


def test_a_question_counts_in_each_of_its_leefgebieden(team, buurt):
    questions(5, team, buurt, domains=[FIN, ZrmDomain.HUISVESTING.value])
    by_domain = figures(team, buurt)[0]
    assert cell(by_domain, "Afrikaanderwijk", "Financiën") == "5"
    assert cell(by_domain, "Afrikaanderwijk", "Huisvesting") == "5"
    assert cell(by_domain, "Afrikaanderwijk", "Alle vragen") == "5"


def test_other_teams_questions_and_cases_never_count(team, other_team, buurt):
    buurt.teams.add(other_team)  # both teams serve the buurt
    questions(4, team, buurt, domains=[FIN])
    questions(3, other_team, buurt, domains=[FIN])
    for _ in range(5):
        person = PersonFactory(team=other_team, buurt=buurt)
        case = CaseFactory(team=other_team)
        HouseholdMemberFactory(household=case.household, person=person)
    by_domain, _channels, cases, *_ = figures(team, buurt)
    assert cell(by_domain, "Afrikaanderwijk", "Financiën") == "< 5"
    assert cell(cases, "Afrikaanderwijk", "Geopend in de periode") == "< 5"
    assert figures(other_team, buurt)[2].rows[0][1][0] == "5"


def test_cases_count_in_the_main_contacts_buurt_once(team, buurt):
    for _ in range(5):
        case = CaseFactory(team=team)
        HouseholdMemberFactory(
            household=case.household, person=PersonFactory(team=team, buurt=buurt)
        )
        HouseholdMemberFactory(  # a second member elsewhere: not counted twice
            household=case.household,
            person=PersonFactory(team=team, buurt=AreaFactory()),
            is_main_contact=False,
        )
    cases = figures(team, buurt)[2]
    assert cell(cases, "Afrikaanderwijk", "Geopend in de periode") == "5"
    assert cell(cases, "Afrikaanderwijk", "Waarvan nog lopend") == "5"
    assert cell(cases, UNKNOWN_BUURT, "Geopend in de periode") == "< 5"


def test_period_excludes_older_questions(team, buurt):
    old = timezone.now() - dt.timedelta(days=400)
    questions(5, team, buurt, domains=[FIN], registered_at=old)
    questions(5, team, buurt, domains=[FIN])
    last_year = figures(team, buurt)[0]
    assert cell(last_year, "Afrikaanderwijk", "Alle vragen") == "5"
    today = timezone.localdate()
    everything = teamfigures.team_figures(
        team=team,
        period=Period(start=today - dt.timedelta(days=500), end=today),
        buurten=[buurt],
    )[0]
    assert cell(everything, "Afrikaanderwijk", "Alle vragen") == "10"


def test_one_buurt_narrows_the_rows(team, buurt):
    other = AreaFactory(name="Bloemhof")
    other.teams.add(team)
    questions(6, team, other)
    tables = teamfigures.team_figures(
        team=team, period=Period.last_12_months(), buurten=[buurt, other], buurt=buurt
    )
    assert [label for label, _ in tables[0].rows] == ["Afrikaanderwijk"]
    assert cell(tables[0], "Afrikaanderwijk", "Alle vragen") == "< 5"


@pytest.mark.parametrize(
    "table",
    [
        teamfigures.questions_by_leefgebied,
        teamfigures.questions_by_channel,
        teamfigures.cases_by_buurt,
    ],
)
def test_each_table_is_one_query(team, buurt, table, django_assert_num_queries):
    questions(6, team, buurt, domains=[FIN])
    for _ in range(3):
        case = CaseFactory(team=team)
        HouseholdMemberFactory(
            household=case.household, person=PersonFactory(team=team, buurt=buurt)
        )
    buurten = [buurt, AreaFactory()]
    with django_assert_num_queries(1):
        table(team=team, period=Period.last_12_months(), buurten=buurten)


def test_last_12_months_on_leap_day():
    period = Period.last_12_months(dt.date(2028, 2, 29))
    assert (period.start, period.end) == (dt.date(2027, 3, 1), dt.date(2028, 2, 29))
