import pytest

from cases.casework.constants import CaseStatus, LegalFramework
from cases.casework.services import case_change_status
from cases.tests.factories import CaseFactory
from wijkteam.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db


def test_close_needs_a_reason(team, lid):
    case = CaseFactory(team=team, in_progress=True)
    with pytest.raises(ValueError):
        case_change_status(case=case, to=CaseStatus.AFGESLOTEN, by=lid)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_BEHANDELING


def test_close_and_reopen_are_in_the_history(team, lid):
    case = CaseFactory(team=team, in_progress=True)
    case = case_change_status(
        case=case,
        to=CaseStatus.AFGESLOTEN,
        by=lid,
        close_reason="verhuisd",
        evaluation="Naar Utrecht verhuisd.",
    )
    assert (case.close_reason, case.evaluation) == (
        "verhuisd",
        "Naar Utrecht verhuisd.",
    )
    case = case_change_status(
        case=case, to=CaseStatus.IN_BEHANDELING, by=lid, note="Terug in de wijk"
    )
    assert case.closed_at is None and case.close_reason == ""
    notes = list(case.status_changes.values_list("to_status", "note"))
    assert notes == [
        ("afgesloten", "verhuisd: Naar Utrecht verhuisd."),
        ("in_behandeling", "heropend: Terug in de wijk"),
    ]


def test_monitoring_is_not_reachable_from_aangemeld(team, lid):
    with pytest.raises(TransitionNotAllowed):
        case_change_status(
            case=CaseFactory(team=team), to=CaseStatus.MONITORING, by=lid
        )


def test_closing_sets_the_kader_and_reopening_keeps_it(team, lid):
    case = CaseFactory(team=team, in_progress=True)
    case = case_change_status(
        case=case,
        to=CaseStatus.AFGESLOTEN,
        by=lid,
        close_reason="verhuisd",
        evaluation="Weg.",
        legal_framework=LegalFramework.WMO,
    )
    assert case.legal_framework == LegalFramework.WMO
    case.refresh_from_db()
    assert case.legal_framework == LegalFramework.WMO
    note = case.status_changes.get().note
    assert note == "verhuisd (wettelijk kader: Wmo 2015): Weg."
    case = case_change_status(case=case, to=CaseStatus.IN_BEHANDELING, by=lid)
    assert case.legal_framework == LegalFramework.WMO


def test_an_unknown_kader_is_refused_before_anything_changes(team, lid):
    case = CaseFactory(team=team, in_progress=True)
    with pytest.raises(ValueError):
        case_change_status(
            case=case,
            to=CaseStatus.AFGESLOTEN,
            by=lid,
            close_reason="verhuisd",
            legal_framework="awbz",
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_BEHANDELING
