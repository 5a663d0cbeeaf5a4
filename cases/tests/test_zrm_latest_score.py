"""The trigger-kept latest ZRM score per person and domain (migration 0011), and
the team figures' two ways to the same average ZRM per buurt."""

import datetime as dt
import importlib
import random

from django.db import connection
from django.utils import timezone

import pytest

from cases.figures import reads as teamfigures
from cases.figures.reads import Period
from cases.intake.constants import ZrmDomain
from cases.models import Case, ZrmAssessment, ZrmDomainScore, ZrmLatestScore
from cases.tests.factories import CaseFactory, HouseholdMemberFactory, PersonFactory
from cases.tests.factories_measuring import ZrmAssessmentFactory
from gebiedsanalyse.tests.factories import AreaFactory
from wijkteam.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FIN, HUIS = ZrmDomain.FINANCIEN.value, ZrmDomain.HUISVESTING.value
MIGRATION = importlib.import_module("cases.migrations.0011_zrm_latest_score")


def days_ago(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def in_casus(team, person=None, buurt=None, by=None):
    """A casus of `team` with `person` (new when None) in its household."""
    case = CaseFactory(team=team, **({"opened_by": by} if by else {}))
    person = person or PersonFactory(team=team, buurt=buurt)
    HouseholdMemberFactory(household=case.household, person=person)
    return case, person


def assess(case, person, scores, ago):
    return ZrmAssessmentFactory(
        case=case,
        person=person,
        scores=scores,
        assessed_on=days_ago(ago),
        assessed_by=case.opened_by,  # no new user (password hashing) per assessment
    )


def latest(person) -> dict:
    """{domain: (score, assessed_on, assessment id, team id)} of the kept table."""
    return {
        row.domain: (row.score, row.assessed_on, row.assessment_id, row.team_id)
        for row in ZrmLatestScore.objects.filter(person=person)
    }


def recomputed() -> set:
    """The latest score per person and domain, computed from the scores."""
    seen, result = set(), set()
    rows = ZrmDomainScore.objects.select_related(
        "assessment__case", "assessment__person"
    ).order_by("-assessment__assessed_on", "-assessment_id")
    for s in rows:
        key = (s.assessment.person_id, s.domain)
        if key not in seen:
            seen.add(key)
            result.add(
                (
                    *key,
                    s.score,
                    s.assessment_id,
                    s.assessment.case.team_id,
                    s.assessment.person.buurt_id,
                )
            )
    return result


def kept() -> set:
    return set(
        ZrmLatestScore.objects.values_list(
            "person_id", "domain", "score", "assessment_id", "team_id", "buurt_id"
        )
    )


def test_insert_keeps_the_latest(team):
    case, person = in_casus(team)
    first = assess(case, person, {FIN: 2, HUIS: 3}, ago=30)
    second = assess(case, person, {FIN: 4}, ago=10)
    assert latest(person) == {
        FIN: (4, days_ago(10), second.pk, team.pk),
        HUIS: (3, days_ago(30), first.pk, team.pk),
    }


def test_a_back_dated_assessment_does_not_replace_a_later_one(team):
    case, person = in_casus(team)
    recent = assess(case, person, {FIN: 4}, ago=10)
    assess(case, person, {FIN: 1, HUIS: 2}, ago=200)  # entered later, dated earlier
    assert latest(person)[FIN] == (4, days_ago(10), recent.pk, team.pk)
    assert latest(person)[HUIS][0] == 2


def test_same_date_the_later_assessment_counts(team):
    case, person = in_casus(team)
    assess(case, person, {FIN: 1}, ago=5)
    second = assess(case, person, {FIN: 5}, ago=5)
    assert latest(person)[FIN] == (5, days_ago(5), second.pk, team.pk)


def test_deleting_the_latest_falls_back_to_the_one_before(team):
    case, person = in_casus(team)
    earlier = assess(case, person, {FIN: 2, HUIS: 3}, ago=100)
    recent = assess(case, person, {FIN: 4, HUIS: 5}, ago=10)
    ZrmDomainScore.objects.filter(assessment=recent, domain=FIN).delete()
    assert latest(person)[FIN] == (2, days_ago(100), earlier.pk, team.pk)
    assert latest(person)[HUIS][2] == recent.pk
    recent.delete()  # Django deletes the scores, then the assessment
    assert latest(person)[HUIS] == (3, days_ago(100), earlier.pk, team.pk)
    earlier.delete()
    assert latest(person) == {}


def test_deleting_an_older_score_changes_nothing(team):
    case, person = in_casus(team)
    earlier = assess(case, person, {FIN: 2}, ago=100)
    recent = assess(case, person, {FIN: 4}, ago=10)
    earlier.delete()
    assert latest(person)[FIN] == (4, days_ago(10), recent.pk, team.pk)


def test_assessment_deleted_before_its_scores(team):
    """Foreign keys are checked at commit, so raw SQL may delete in this order."""
    case, person = in_casus(team)
    earlier = assess(case, person, {FIN: 2}, ago=100)
    recent = assess(case, person, {FIN: 4}, ago=10)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM cases_zrmassessment WHERE id = %s", [recent.pk])
        assert latest(person)[FIN][2] == earlier.pk
        cursor.execute(
            "DELETE FROM cases_zrmdomainscore WHERE assessment_id = %s", [recent.pk]
        )
    assert latest(person)[FIN][2] == earlier.pk


def test_a_persons_two_casussen(team, other_team):
    """One person in two casussen (here of two teams): the latest over both counts,
    with the team of its casus; removing that casus falls back to the other."""
    first_case, person = in_casus(team)
    second_case, _ = in_casus(other_team, person=person)
    assess(first_case, person, {FIN: 2}, ago=100)
    later = assess(second_case, person, {FIN: 4}, ago=10)
    assert latest(person)[FIN] == (4, days_ago(10), later.pk, other_team.pk)
    # Retention removes a closed casus with everything hanging from it.
    Case.objects.filter(pk=second_case.pk).delete()
    assert latest(person)[FIN][0:2] == (2, days_ago(100))
    assert latest(person)[FIN][3] == team.pk


def test_changing_date_or_person_recomputes(team):
    case, person = in_casus(team)
    _, other = in_casus(team, buurt=AreaFactory())
    HouseholdMemberFactory(
        household=case.household, person=other, is_main_contact=False
    )
    earlier = assess(case, person, {FIN: 2}, ago=100)
    recent = assess(case, person, {FIN: 4}, ago=10)
    ZrmAssessment.objects.filter(pk=recent.pk).update(assessed_on=days_ago(200))
    assert latest(person)[FIN][2] == earlier.pk
    ZrmAssessment.objects.filter(pk=earlier.pk).update(person=other)
    assert latest(person)[FIN][2] == recent.pk
    assert latest(other)[FIN][2] == earlier.pk
    ZrmDomainScore.objects.filter(assessment=recent).update(score=1)
    assert latest(person)[FIN][0] == 1


def test_a_casus_moved_to_another_team_takes_its_scores(team, other_team):
    case, person = in_casus(team)
    assess(case, person, {FIN: 2, HUIS: 3}, ago=10)
    Case.objects.filter(pk=case.pk).update(team=other_team)
    assert {v[3] for v in latest(person).values()} == {other_team.pk}


def test_the_buurt_follows_the_person(team):
    case, person = in_casus(team)
    assess(case, person, {FIN: 2, HUIS: 3}, ago=10)
    assert set(
        ZrmLatestScore.objects.filter(person=person).values_list("buurt", flat=True)
    ) == {None}
    area = AreaFactory()
    person.buurt = area
    person.save(update_fields=["buurt"])
    rows = ZrmLatestScore.objects.filter(person=person)
    assert set(rows.values_list("buurt", flat=True)) == {area.pk}
    area.delete()  # Person.buurt is SET_NULL
    assert set(rows.values_list("buurt", flat=True)) == {None}


def test_random_writes_keep_the_table_equal_to_the_scores(team, other_team):
    rng = random.Random(6)
    people = []
    for i in range(6):
        case, person = in_casus(team if i % 2 else other_team)
        people.append((case, person))
    for _ in range(40):
        case, person = rng.choice(people)
        domains = rng.sample([FIN, HUIS, ZrmDomain.JUSTITIE.value], k=rng.randint(1, 3))
        assess(case, person, {d: rng.randint(1, 5) for d in domains}, rng.randint(0, 9))
    for assessment in rng.sample(list(ZrmAssessment.objects.all()), k=15):
        assessment.delete()
    moved = people[0][1]
    moved.buurt = AreaFactory()
    moved.save(update_fields=["buurt"])
    assert kept() == recomputed()


def test_the_migration_fills_existing_rows(team):
    """The migration's INSERT gives the table the triggers keep."""
    case, person = in_casus(team)
    assess(case, person, {FIN: 2, HUIS: 3}, ago=100)
    assess(case, person, {FIN: 4}, ago=10)
    before = kept()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM cases_zrmlatestscore")
        cursor.execute(MIGRATION.FILL_SQL)
    assert kept() == before == recomputed()


# --- the team figures: kept table (period up to today) and anti-join ---------------


def _scattered(team, other_team, buurten, persons=40, seed=6):
    """Persons over two buurten (and none), several assessments each, with ties."""
    rng = random.Random(seed)
    by = UserFactory()
    for i in range(persons):
        owner = team if i % 5 else other_team
        case, person = in_casus(owner, buurt=rng.choice([*buurten, None]), by=by)
        for _ in range(rng.randint(1, 4)):
            domains = rng.sample(ZrmDomain.values, k=rng.randint(3, 13))
            ago = rng.choice([0, 3, 3, 40, 200, 400])
            assess(case, person, {d: rng.randint(1, 5) for d in domains}, ago)


def test_fast_path_and_anti_join_give_the_same_table(team, other_team, monkeypatch):
    buurten = [AreaFactory(name="Bloemhof"), AreaFactory(name="Hillesluis")]
    for b in buurten:
        b.teams.add(team)
    _scattered(team, other_team, buurten)
    period = Period.last_12_months()
    fast = teamfigures._latest_scores(team, period)
    slow = teamfigures._latest_scores_in_period(team, period)
    assert sorted(fast.values_list("person_id", "domain", "score", "buurt_id")) == (
        sorted(slow.values_list("assessment__person_id", "domain", "score", "buurt_id"))
    )
    table = teamfigures.zrm_by_buurt(team=team, period=period, buurten=buurten)
    shown = [c for _, cells in table.rows for c in cells if c != "< 5"]
    assert shown, "the data must show some averages, else the test proves little"
    one = teamfigures.zrm_by_buurt(
        team=team, period=period, buurten=buurten[:1], buurt=buurten[0]
    )
    # The same period, forced through the anti-join.
    monkeypatch.setattr(
        teamfigures, "_latest_scores", teamfigures._latest_scores_in_period
    )
    assert teamfigures.zrm_by_buurt(team=team, period=period, buurten=buurten) == table
    assert one == teamfigures.zrm_by_buurt(
        team=team, period=period, buurten=buurten[:1], buurt=buurten[0]
    )


def test_a_period_in_the_past_ignores_later_scores(team):
    buurt = AreaFactory(name="Bloemhof")
    buurt.teams.add(team)
    for _ in range(5):
        case, person = in_casus(team, buurt=buurt)
        assess(case, person, {FIN: 1}, ago=100)
        assess(case, person, {FIN: 5}, ago=5)
    past = Period(start=days_ago(300), end=days_ago(30))
    t = teamfigures.zrm_by_buurt(team=team, period=past, buurten=[buurt])
    assert dict(t.rows)["Bloemhof"][t.columns.index("Financiën")] == "1,0"
    today = Period.last_12_months()
    t = teamfigures.zrm_by_buurt(team=team, period=today, buurten=[buurt])
    assert dict(t.rows)["Bloemhof"][t.columns.index("Financiën")] == "5,0"
