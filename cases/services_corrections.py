"""What every correction after saving shares (issue 5): the casus must still be
open, and each correction, withdrawal or change leaves one `Correction` row with a
short Dutch summary. The writes themselves live with their data:
`services_measuring` (ZRM, trede, moreel beraad) and `services_network`.
"""

from __future__ import annotations

import datetime as dt

from cases.constants import CaseStatus, CorrectionAction, CorrectionKind
from cases.models import Case, Correction

CLOSED = "De casus is afgesloten: dit kan niet meer worden gecorrigeerd."
NOTHING_CHANGED = "Er is niets veranderd: pas eerst iets aan."
REASON_MISSING = "Geef de reden van de correctie."


def lock_open_case(case: Case, error: type[Exception]) -> Case:
    """Lock the casus row (a status change waits) and refuse a closed casus.
    Call inside the correction's transaction, before locking the corrected row."""
    locked = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if locked.status == CaseStatus.AFGESLOTEN:
        raise error(CLOSED)
    return locked


def clean_reason(reason: str, error: type[Exception]) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise error(REASON_MISSING)
    return reason[:300]


def day(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "geen"


def change(label: str, before, after) -> str | None:
    """'label before → after', or None when equal."""
    return None if before == after else f"{label} {before} → {after}"


def correction_record(
    *,
    case: Case,
    kind: CorrectionKind,
    action: CorrectionAction,
    object_id: int,
    by,
    summary: str,
    reason: str = "",
    person_ids=(),
) -> Correction:
    return Correction.objects.create(
        case=case,
        kind=kind,
        action=action,
        object_id=object_id,
        by=by,
        reason=reason,
        summary=summary,
        person_ids=sorted(set(person_ids)),
    )
