import pytest

from cases.intake.constants import QUESTION_TRANSITIONS, QuestionStatus
from cases.intake.services import question_change_status, question_plan
from cases.tests.factories import QuestionFactory
from wijkteam.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db


def test_finished_statuses_have_no_way_out():
    for final in (
        QuestionStatus.AFGEHANDELD,
        QuestionStatus.AFGESLOTEN,
        QuestionStatus.CASUS,
    ):
        assert final not in QUESTION_TRANSITIONS


def test_plan_from_queue_sets_member_and_appends_history(team, balie, lid):
    question = QuestionFactory(team=team, queued=True)
    question = question_plan(question=question, by=balie, assigned_to=lid)
    assert question.status == QuestionStatus.GEPLAND
    assert question.assigned_to == lid
    change = question.status_changes.get()
    assert (change.from_status, change.to_status) == ("wachtrij", "gepland")


def test_back_to_queue_clears_member(team, balie):
    question = QuestionFactory(team=team, planned=True)
    question = question_plan(question=question, by=balie, assigned_to=None)
    assert question.status == QuestionStatus.WACHTRIJ
    assert question.assigned_to is None


def test_transition_outside_the_table_is_refused_and_changes_nothing(team, balie, lid):
    question = QuestionFactory(team=team)  # afgehandeld aan de balie
    with pytest.raises(TransitionNotAllowed):
        question_plan(question=question, by=balie, assigned_to=lid)
    question.refresh_from_db()
    assert question.status == QuestionStatus.AFGEHANDELD
    assert question.assigned_to is None
    assert not question.status_changes.exists()


def test_stale_object_is_checked_against_the_locked_row(team, balie):
    question = QuestionFactory(team=team, queued=True)
    stale = type(question).objects.get(pk=question.pk)
    question_change_status(question=question, to=QuestionStatus.AFGESLOTEN, by=balie)
    with pytest.raises(TransitionNotAllowed):
        question_change_status(question=stale, to=QuestionStatus.GEPLAND, by=balie)
