import pytest

from cases.casework.services import AssignmentError, caseload_preview, caseload_reassign
from cases.models import Case, CaseAssignment
from cases.tests.factories import CaseFactory
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(member, team):
    return {
        "leader": member(Role.TEAMLEIDER, team),
        "leaving": member(Role.WIJKTEAMLID, team, first_name="Ans"),
        "busy": member(Role.WIJKTEAMLID, team, first_name="Bob"),
        "free": member(Role.WIJKTEAMLID, team, first_name="Cor"),
    }


def test_preview_spreads_over_the_least_loaded_and_writes_nothing(team, people):
    CaseFactory.create_batch(2, team=team, regievoerder=people["busy"])
    CaseFactory.create_batch(4, team=team, regievoerder=people["leaving"])
    CaseFactory(team=team, regievoerder=people["leaving"], closed=True)
    moves = caseload_preview(
        team=team,
        from_user=people["leaving"],
        to_users=[people["busy"], people["free"]],
    )
    targets = [m.to for m in moves]
    assert len(moves) == 4  # open ones only
    assert targets.count(people["free"]) == 3 and targets.count(people["busy"]) == 1
    assert not CaseAssignment.objects.exists()


def test_reassign_moves_the_whole_open_caseload_with_reason(team, people):
    CaseFactory.create_batch(3, team=team, regievoerder=people["leaving"])
    moved = caseload_reassign(
        team=team,
        from_user=people["leaving"],
        to_users=[people["busy"], people["free"]],
        by=people["leader"],
        reason="Met pensioen",
    )
    assert moved == 3
    assert not Case.objects.filter(regievoerder=people["leaving"]).exists()
    assert set(CaseAssignment.objects.values_list("reason", flat=True)) == {
        "Met pensioen"
    }


@pytest.mark.parametrize("case", ["no reason", "to self"])
def test_bad_request_moves_nothing(team, people, case):
    CaseFactory.create_batch(2, team=team, regievoerder=people["leaving"])
    kwargs = {
        "team": team,
        "from_user": people["leaving"],
        "to_users": [people["free"]],
        "by": people["leader"],
        "reason": "Ziek",
    }
    if case == "no reason":
        kwargs["reason"] = ""
    else:
        kwargs["to_users"] = [people["leaving"]]
    with pytest.raises(AssignmentError):
        caseload_reassign(**kwargs)
    assert Case.objects.filter(regievoerder=people["leaving"]).count() == 2
