"""Writes that touch more than one row or model: `<entity>_<action>(*, ...)`.

Every status change of a question goes through `question_change_status`: it locks
the row, checks QUESTION_TRANSITIONS and appends to the history.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from cases.casework.services import case_open
from cases.intake.constants import (
    DECISION_TO_STATUS,
    QUESTION_TRANSITIONS,
    ClarificationDecision,
    IntakeOutcome,
    QuestionStatus,
)
from cases.models import (
    Person,
    Question,
    QuestionStatusChange,
    Voorziening,
    Vraagverheldering,
)
from cases.persons.services import household_for_person, person_create
from wijkteam.models import Team, User
from wijkteam.workflow import transition


def _initial_status(outcome: str, assigned_to: User | None) -> str:
    if outcome != IntakeOutcome.VRAAGVERHELDERING:
        return QuestionStatus.AFGEHANDELD
    return QuestionStatus.GEPLAND if assigned_to else QuestionStatus.WACHTRIJ


def question_register(
    *,
    team: Team,
    by: User,
    idempotency_key: uuid.UUID,
    channel: str,
    text: str,
    outcome: str,
    person: Person | None = None,
    new_person: dict | None = None,
    anonymous_label: str = "",
    signaller_name: str = "",
    signaller_organisation: str = "",
    domains: list[str] | None = None,
    urgency: str = "normaal",
    outcome_note: str = "",
    voorziening: Voorziening | None = None,
    voorziening_text: str = "",
    assigned_to: User | None = None,
    appointment_at: dt.datetime | None = None,
) -> tuple[Question, bool]:
    """Register a vraag (and a new resident when asked), all or nothing.

    Returns (question, created). The same idempotency key twice returns the first
    question: a double click or a resubmitted form registers one question. The
    unique key in the database settles two submits that arrive at the same time.
    """
    existing = Question.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    if person is not None and person.team_id != team.pk:
        raise ValueError("De inwoner hoort niet bij dit team.")
    try:
        with transaction.atomic():
            if person is None and new_person:
                person = person_create(team=team, by=by, **new_person)
            status = _initial_status(outcome, assigned_to)
            question = Question.objects.create(
                team=team,
                registered_by=by,
                idempotency_key=idempotency_key,
                channel=channel,
                signaller_name=signaller_name,
                signaller_organisation=signaller_organisation,
                person=person,
                anonymous_label="" if person else anonymous_label,
                text=text,
                domains=list(domains or []),
                urgency=urgency,
                outcome=outcome,
                outcome_note=outcome_note,
                voorziening=voorziening,
                voorziening_text=voorziening_text,
                assigned_to=assigned_to if status == QuestionStatus.GEPLAND else None,
                appointment_at=appointment_at
                if status == QuestionStatus.GEPLAND
                else None,
                status=status,
            )
            QuestionStatusChange.objects.create(
                question=question, to_status=status, by=by, note="geregistreerd"
            )
    except IntegrityError:
        existing = Question.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return question, True


def question_change_status(
    *, question: Question, to: str, by: User, note: str = "", **changes
) -> Question:
    """Move a question to `to` (locking it), with `changes` to its fields."""
    with transition(
        question,
        to=to,
        by=by,
        note=note,
        transitions=QUESTION_TRANSITIONS,
        history=QuestionStatusChange,
    ) as move:
        for name, value in changes.items():
            setattr(move.row, name, value)
        move.fields += list(changes)
    return move.row


def question_plan(
    *,
    question: Question,
    by: User,
    assigned_to: User | None,
    appointment_at: dt.datetime | None = None,
) -> Question:
    """Give the question to a wijkteamlid (with a slot), or put it back in the queue."""
    if assigned_to is None:
        return question_change_status(
            question=question,
            to=QuestionStatus.WACHTRIJ,
            by=by,
            note="terug in de wachtrij",
            assigned_to=None,
            appointment_at=None,
        )
    note = f"toegewezen aan {assigned_to}"
    if appointment_at:
        note += f", afspraak {timezone.localtime(appointment_at):%d-%m-%Y %H:%M}"
    return question_change_status(
        question=question,
        to=QuestionStatus.GEPLAND,
        by=by,
        note=note,
        assigned_to=assigned_to,
        appointment_at=appointment_at,
    )


def vraagverheldering_record(
    *,
    question: Question,
    by: User,
    real_question: str,
    decision: str,
    present: list[str] | None = None,
    present_note: str = "",
    zrm_scores: dict[str, int] | None = None,
    decision_note: str = "",
    held_on: dt.date | None = None,
) -> Vraagverheldering:
    """Record the conversation and carry out its decision, all or nothing.

    Casus openen needs a known resident: their household (made if needed) gets a
    casus with this question as its start.
    """
    to = DECISION_TO_STATUS[ClarificationDecision(decision)]
    with transaction.atomic():
        record = Vraagverheldering.objects.create(
            question=question,
            recorded_by=by,
            held_on=held_on or timezone.localdate(),
            present=list(present or []),
            present_note=present_note,
            real_question=real_question,
            zrm_scores=dict(zrm_scores or {}),
            decision=decision,
            decision_note=decision_note,
        )
        changes = {}
        if decision == ClarificationDecision.CASUS_OPENEN:
            if question.person_id is None:
                raise ValueError("Een casus kan alleen voor een bekende inwoner.")
            household = household_for_person(person=question.person)
            changes["case"] = case_open(
                team=question.team, household=household, by=by, question=question
            )
        question_change_status(
            question=question,
            to=to,
            by=by,
            note=f"vraagverheldering: {ClarificationDecision(decision).label.lower()}",
            **changes,
        )
    return record
