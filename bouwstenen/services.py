"""Writes that touch more than one row or model: `<entity>_<action>(*, ...)`."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from bouwstenen.constants import TRANSITIONS, DocumentKind, VersionStatus
from bouwstenen.models import (
    Answer,
    Comment,
    DevelopmentAction,
    DevelopmentGoal,
    Document,
    DocumentVersion,
    Section,
    StatusChange,
)
from wijkteam.models import Team, User
from wijkteam.workflow import transition


class VersionFrozen(ValidationError):
    """Only a concept version can be changed."""


def _locked_latest(document: Document) -> DocumentVersion:
    return (
        DocumentVersion.objects.select_for_update()
        .filter(document=document)
        .order_by("-number")
        .first()
    )


@transaction.atomic
def document_create(
    *,
    team: Team,
    kind: DocumentKind | str,
    title: str,
    area_code: str,
    area_name: str,
    user: User,
) -> Document:
    document = Document.objects.create(
        team=team,
        kind=kind,
        title=title,
        area_code=area_code.upper(),
        area_name=area_name,
        created_by=user,
    )
    version = DocumentVersion.objects.create(
        document=document, number=1, created_by=user
    )
    StatusChange.objects.create(
        version=version, from_status="", to_status=VersionStatus.CONCEPT, by=user
    )
    return document


@transaction.atomic
def section_save(
    *,
    document: Document,
    section: Section,
    answers: dict[str, tuple[str, list[str]]],
    user: User,
) -> DocumentVersion:
    """Save the answers of one section: {question code: (text, [choice codes])}.

    Only the latest version, and only while it is a concept.
    """
    version = _locked_latest(document)
    if version is None or not version.is_editable:
        raise VersionFrozen(
            "Deze versie is niet meer in concept; "
            "start een nieuwe versie om te wijzigen."
        )
    for question in section.questions.prefetch_related("choices"):
        if question.code not in answers:
            continue
        text, codes = answers[question.code]
        answer, _ = Answer.objects.update_or_create(
            version=version, question=question, defaults={"text": text.strip()}
        )
        answer.choices.set([c for c in question.choices.all() if c.code in codes])
    return version


@transaction.atomic
def version_change_status(
    *, version: DocumentVersion, to_status: str, user: User, note: str = ""
) -> DocumentVersion:
    """The one write path for a version's status: checks the transitions table,
    locks the row and writes the history."""
    with transition(
        version,
        to=to_status,
        by=user,
        note=note,
        transitions=TRANSITIONS,
        history=StatusChange,
        labels=True,
        check=_only_the_latest,
    ) as move:
        if to_status == VersionStatus.VASTGESTELD:
            move.row.decided_by = user
            move.row.decided_at = timezone.now()
            move.fields += ["decided_by", "decided_at"]
    return move.row


def _only_the_latest(version: DocumentVersion) -> None:
    latest = (
        DocumentVersion.objects.filter(document_id=version.document_id)
        .order_by("-number")
        .values_list("pk", flat=True)
        .first()
    )
    if latest != version.pk:
        raise ValidationError("Alleen de nieuwste versie kan van status veranderen.")


@transaction.atomic
def version_start_new(*, document: Document, user: User) -> DocumentVersion:
    """A change to a vastgesteld document starts a new concept: a copy of it."""
    latest = _locked_latest(document)
    if latest.status != VersionStatus.VASTGESTELD:
        raise ValidationError(
            "Een nieuwe versie kan alleen na een vastgestelde versie worden gestart."
        )
    new = DocumentVersion.objects.create(
        document=document, number=latest.number + 1, created_by=user
    )
    StatusChange.objects.create(
        version=new,
        from_status="",
        to_status=VersionStatus.CONCEPT,
        by=user,
        note=f"Nieuwe versie op basis van versie {latest.number}",
    )
    for old in latest.answers.prefetch_related("choices"):
        copy = Answer.objects.create(
            version=new, question_id=old.question_id, text=old.text
        )
        copy.choices.set(old.choices.all())
    return new


@transaction.atomic
def comment_add(
    *,
    document: Document,
    author: User,
    text: str,
    section: Section | None = None,
) -> Comment:
    version = document.versions.order_by("-number").first()
    return Comment.objects.create(
        version=version, section=section, author=author, text=text.strip()
    )


def _require_vastgesteld(document: Document) -> None:
    if (
        document.kind != DocumentKind.STARTDOCUMENT
        or not document.versions.filter(status=VersionStatus.VASTGESTELD).exists()
    ):
        raise ValidationError(
            "Een ontwikkelingsplan volgt op een vastgesteld startdocument."
        )


@transaction.atomic
def development_goal_add(*, document: Document, text: str) -> DevelopmentGoal:
    _require_vastgesteld(document)
    return DevelopmentGoal.objects.create(document=document, text=text.strip())


@transaction.atomic
def development_action_add(
    *, goal: DevelopmentGoal, text: str, owner: str, due_date: date
) -> DevelopmentAction:
    _require_vastgesteld(goal.document)
    return DevelopmentAction.objects.create(
        goal=goal, text=text.strip(), owner=owner.strip(), due_date=due_date
    )
