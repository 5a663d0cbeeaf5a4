"""Demo data of this app, called by `manage.py demo_data` (idempotent).

For the first team: a startdocument with version 1 vastgesteld and version 2 in
concept (so versions can be compared), a team-ontwikkelingsplan, a teamleider's
comment, and a plan van aanpak in concept for the same area.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bouwstenen import services
from bouwstenen.constants import DocumentKind, VersionStatus
from bouwstenen.models import Document, Section
from bouwstenen.questions import ensure_key_questions

AREA = ("WK059910", "Feijenoord")
# Realistic Dutch answers per question code: {"text": ..., "choices": [codes]}.
ANSWERS = json.loads(
    (Path(__file__).parent / "data" / "demo_answers.json").read_text(encoding="utf-8")
)


GOALS = [
    (
        "Het team werkt met één gedeelde basismethodiek",
        [
            (
                "Training Krachtgericht werken voor alle teamleden",
                "Teamleider",
                date(2027, 4, 15),
            ),
            ("ZRM-kalibratiesessie", "Ingrid Smit", date(2027, 5, 20)),
        ],
    ),
    (
        "Bewoners kennen het informatiepunt",
        [("Wijkkrant en folder in vier talen", "Kwartiermaker", date(2027, 3, 1))],
    ),
]


def _fill(document: Document, key: str, user) -> None:
    answers = {
        code: (value["text"], value["choices"]) for code, value in ANSWERS[key].items()
    }
    for section in Section.objects.filter(document_kind=document.kind):
        codes = set(section.questions.values_list("code", flat=True))
        subset = {code: value for code, value in answers.items() if code in codes}
        services.section_save(
            document=document, section=section, answers=subset, user=user
        )


def load(context) -> None:
    ensure_key_questions()
    team = context.team
    kwartiermaker = context.user("kwartiermaker")
    teamleider = context.user("teamleider")
    title = f"Startdocument {team.name}"
    if not Document.objects.filter(team=team, title=title).exists():
        start = services.document_create(
            team=team, kind=DocumentKind.STARTDOCUMENT, title=title,
            area_code=AREA[0], area_name=AREA[1], user=kwartiermaker,
        )  # fmt: skip
        _fill(start, "start_answers", kwartiermaker)
        first = start.versions.get()
        for status in (VersionStatus.TER_BESPREKING, VersionStatus.VASTGESTELD):
            services.version_change_status(
                version=first, to_status=status, user=kwartiermaker
            )
        services.comment_add(
            document=start, author=teamleider,
            text="Goed dat arbeidsparticipatie nog eens wordt bekeken na de pilot.",
        )  # fmt: skip
        services.version_start_new(document=start, user=kwartiermaker)
        _fill(start, "changes_v2", kwartiermaker)
        for goal_text, actions in GOALS:
            goal = services.development_goal_add(document=start, text=goal_text)
            for text, owner, due in actions:
                services.development_action_add(
                    goal=goal, text=text, owner=owner, due_date=due
                )
        context.created += 1
    title = f"Plan van aanpak {team.name}"
    if not Document.objects.filter(team=team, title=title).exists():
        plan = services.document_create(
            team=team, kind=DocumentKind.PLAN_VAN_AANPAK, title=title,
            area_code=AREA[0], area_name=AREA[1], user=kwartiermaker,
        )  # fmt: skip
        _fill(plan, "plan_answers", kwartiermaker)
        context.created += 1
