"""The one status workflow: a transitions table, a locked row, a history row.

Every record with a status (vraag, casus, doel, verwijzing, toekenning, versie of a
document) changes it only through `transition`: it locks the row, checks the move
against the record's transitions table, lets the caller change the fields that go
with the move, saves, and appends one row to the record's history, all in one
transaction. A move the table does not allow raises `TransitionNotAllowed`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone


class TransitionNotAllowed(ValidationError):
    """The status cannot move from where it is to where it was asked to go.

    A ValidationError, so a form or view that shows `exc.messages` shows it too."""

    def __init__(self, current: str, wanted: str):
        self.current, self.wanted = current, wanted
        super().__init__(f"Van '{current}' naar '{wanted}' kan niet.")

    def __str__(self) -> str:
        return self.message


class StatusHistory(models.Model):
    """Append-only history of a record's status: who, when, from, to and why.

    A concrete history adds the ForeignKey to its record and repeats `from_status`
    and `to_status` with the choices of its statuses."""

    from_status = models.CharField("van", max_length=20, blank=True)
    to_status = models.CharField("naar", max_length=20)
    at = models.DateTimeField("tijdstip", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="door",
    )
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"


@dataclass
class Move:
    """The move under way: the locked row, where it came from, the fields to save
    (add to them) and the note the history row gets (it may be rewritten)."""

    row: models.Model
    previous: str
    to: str
    note: str
    fields: list[str] = field(default_factory=lambda: ["status"])


def next_statuses(transitions, status: str, choices) -> list[tuple[str, str]]:
    """The (value, label) pairs of `choices` that the transitions table allows from
    `status`, in the order of the choices: a status form's options."""
    allowed = transitions.get(status, ())
    return [(value, label) for value, label in choices if value in allowed]


def _label(row: models.Model, status: str) -> str:
    return dict(type(row)._meta.get_field("status").flatchoices).get(status, status)


def _subject_field(history: type[StatusHistory], model: type[models.Model]) -> str:
    return next(
        f.name
        for f in history._meta.concrete_fields
        if f.is_relation and f.related_model is model
    )


@contextmanager
def transition(
    row: models.Model,
    *,
    to: str,
    by,
    transitions: Mapping[str, frozenset[str] | tuple],
    history: type[StatusHistory],
    note: str = "",
    lock: bool = True,
    labels: bool = False,
    check: Callable[[models.Model], None] | None = None,
) -> Iterator[Move]:
    """Move `row` to status `to`; the body of the `with` changes what goes with it.

    `lock=False` when the caller already holds the lock that guards the row (a
    goal is guarded by its plan). `check(locked)` runs before the table is read.
    `labels` names the statuses by their labels in the error, not their codes."""
    with transaction.atomic():
        if lock:
            row = type(row)._default_manager.select_for_update().get(pk=row.pk)
        if check is not None:
            check(row)
        previous = row.status
        if to not in transitions.get(previous, ()):
            if labels:
                raise TransitionNotAllowed(_label(row, previous), _label(row, to))
            raise TransitionNotAllowed(previous, to)
        move = Move(row=row, previous=previous, to=to, note=note)
        yield move
        row.status = to
        row.save(update_fields=move.fields)
        note_length = history._meta.get_field("note").max_length
        history._default_manager.create(
            **{_subject_field(history, type(row)): row},
            from_status=previous,
            to_status=to,
            by=by,
            note=move.note[:note_length],
        )
