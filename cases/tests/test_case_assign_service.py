import threading

from django.db import connection

import pytest

from cases.casework.services import AssignmentConflict, AssignmentError, case_assign
from cases.models import Case, CaseAssignment
from cases.tests.factories import CaseFactory
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db


def test_first_assignment_needs_no_reason_and_notifies_after_commit(
    team, leader, lid, django_capture_on_commit_callbacks
):
    case = CaseFactory(team=team)
    with django_capture_on_commit_callbacks() as callbacks:
        case = case_assign(case=case, to=lid, by=leader, expected=None)
    assert case.regievoerder == lid
    assignment = CaseAssignment.objects.get()
    assert (assignment.from_user, assignment.to_user, assignment.by) == (
        None,
        lid,
        leader,
    )
    assert len(callbacks) == 1


def test_reassignment_needs_a_reason_and_is_kept_in_history(team, leader, lid, member):
    other = member(Role.WIJKTEAMLID, team)
    case = CaseFactory(team=team, regievoerder=lid)
    with pytest.raises(AssignmentError):
        case_assign(case=case, to=other, by=leader, reason="  ")
    assert Case.objects.get(pk=case.pk).regievoerder == lid
    case_assign(case=case, to=other, by=leader, reason="Ziek tot 1 januari")
    row = CaseAssignment.objects.get()
    assert (row.from_user, row.to_user, row.reason) == (
        lid,
        other,
        "Ziek tot 1 januari",
    )


@pytest.mark.parametrize("who", ["balie", "outsider"])
def test_only_team_workers_can_be_regievoerder(team, leader, balie, outsider, who):
    case = CaseFactory(team=team)
    with pytest.raises(AssignmentError):
        case_assign(
            case=case, to={"balie": balie, "outsider": outsider}[who], by=leader
        )
    assert not CaseAssignment.objects.exists()


def test_stale_view_gets_conflict_with_the_current_state(team, leader, lid, member):
    other = member(Role.WIJKTEAMLID, team)
    case = CaseFactory(team=team)
    case_assign(case=case, to=lid, by=leader, expected=None)
    with pytest.raises(AssignmentConflict) as caught:
        case_assign(case=case, to=other, by=leader, reason="x", expected=None)
    assert caught.value.case.regievoerder == lid
    assert str(lid) in str(caught.value)
    assert CaseAssignment.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_teamleiders_at_the_same_moment_one_wins(team, member):
    first_leader = member(Role.TEAMLEIDER, team)
    second_leader = member(Role.TEAMLEIDER, team)
    one = member(Role.WIJKTEAMLID, team)
    two = member(Role.WIJKTEAMLID, team)
    case = CaseFactory(team=team)
    barrier = threading.Barrier(2)
    results = {}

    def assign(name, by, to):
        try:
            barrier.wait(timeout=10)
            case_assign(case=case, to=to, by=by, expected=None)
            results[name] = "won"
        except AssignmentConflict:
            results[name] = "conflict"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=assign, args=("a", first_leader, one)),
        threading.Thread(target=assign, args=("b", second_leader, two)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results.values()) == ["conflict", "won"]
    winner = one if results["a"] == "won" else two
    assert Case.objects.get(pk=case.pk).regievoerder == winner
    assert CaseAssignment.objects.filter(case=case).count() == 1
