"""Inzage sections for the plan, the metingen, the corrections after saving and the
network of a casus (issue 5), registered from `cases/inzage.py`. The same rules as
there: household-level records are included with other members shown by relation;
another member's own measurements are left out; third parties (network,
professionals) appear by kind and role, never by name or contact details.
"""

from __future__ import annotations

from django.utils import timezone

from cases.constants_plan import ActionWho, GoalOwner
from cases.models import (
    Allocation,
    Correction,
    LadderMeasurement,
    MoralDeliberation,
    NetworkEntry,
    PlanAction,
    PlanGoal,
    Referral,
    ZrmAssessment,
)
from wijkteam.inzage import Block, InzageSubject, inzage_section


def _date(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _rows(rows) -> list[tuple[str, str]]:
    return [(k, v) for k, v in rows if v]


def _owner(subject: InzageSubject, goal: PlanGoal) -> str:
    if goal.owner_kind == GoalOwner.INWONER:
        if goal.owner_member_id is None:
            return "lid van het huishouden"
        if goal.owner_member.person_id == subject.person.pk:
            return "U"
        return subject.others.get(goal.owner_member.person_id, "[gezinslid]")
    return GoalOwner(goal.owner_kind).label.lower()


def _who(subject: InzageSubject, action: PlanAction) -> str:
    if action.who_kind == ActionWho.HUISHOUDEN and action.who_member_id:
        if action.who_member.person_id == subject.person.pk:
            return "U"
        return subject.others.get(action.who_member.person_id, "[gezinslid]")
    return ActionWho(action.who_kind).label.lower()


@inzage_section(
    "plan",
    "Het plan van uw huishouden",
    order=55,
    intro="Doelen en acties zoals ze nu in het plan staan; namen van anderen zijn "
    "vervangen door hun rol of relatie.",
)
def plan_section(subject: InzageSubject) -> list[Block]:
    goals = (
        PlanGoal.objects.filter(plan__case_id__in=subject.case_ids)
        .select_related("owner_member", "plan")
        .order_by("plan__case_id", "id")
    )
    actions: dict[int, list[PlanAction]] = {}
    for action in (
        PlanAction.objects.filter(case_id__in=subject.case_ids)
        .select_related("who_member")
        .order_by("due_on", "id")
    ):
        actions.setdefault(action.goal_id, []).append(action)
    blocks = []
    for goal in goals:
        rows = [
            ("Leefgebied", goal.get_domain_display()),
            ("Doel", subject.redact(goal.text)),
            ("Van wie", _owner(subject, goal)),
            ("Status", goal.get_status_display()),
            ("Streefdatum", _date(goal.target_on)),
            ("Behaald op", _date(goal.reached_on)),
        ]
        for a in actions.get(goal.pk, []):
            done = f", gedaan op {_date(a.done_on)}" if a.done_on else ""
            due = f", uiterlijk {_date(a.due_on)}" if a.due_on else ""
            rows.append(
                ("Actie", f"{subject.redact(a.what)} ({_who(subject, a)}{due}{done})")
            )
        blocks.append(Block(f"Doel in casus {goal.plan.case_id}", _rows(rows)))
    return blocks


@inzage_section(
    "metingen",
    "Uw metingen (ZRM en participatieladder)",
    order=65,
    intro="Alleen uw eigen metingen; die van andere leden van het huishouden staan "
    "hier niet.",
)
def measurement_section(subject: InzageSubject) -> list[Block]:
    blocks = []
    assessments = (
        ZrmAssessment.objects.filter(person=subject.person)
        .prefetch_related("scores")
        .order_by("assessed_on", "id")
    )
    for a in assessments:
        table = [
            [s.get_domain_display(), str(s.score)]
            for s in sorted(a.scores.all(), key=lambda s: s.domain)
        ]
        blocks.append(
            Block(
                f"ZRM-meting van {_date(a.assessed_on)}",
                _rows([("Toelichting", subject.redact(a.note))]),
                columns=["Leefgebied", "Score (1–5)"],
                table=table,
            )
        )
    steps = LadderMeasurement.objects.filter(person=subject.person).order_by(
        "measured_on", "id"
    )
    table = [
        [_date(m.measured_on), m.get_step_display(), subject.redact(m.note)]
        for m in steps
    ]
    if table:
        blocks.append(
            Block(
                "Participatieladder",
                columns=["Datum", "Trede", "Toelichting"],
                table=table,
            )
        )
    return blocks


@inzage_section(
    "moreel_beraad",
    "Moreel beraad over uw huishouden",
    order=67,
    intro="Wie aan het beraad deelnamen staat er niet bij (medewerkers staan in dit "
    "overzicht met hun rol, niet met hun naam).",
)
def moral_deliberation_section(subject: InzageSubject) -> list[Block]:
    return [
        Block(
            f"Beraad van {_date(m.held_on)}, casus {m.case_id}",
            _rows(
                [
                    ("Vraag of dilemma", subject.redact(m.dilemma)),
                    ("Perspectieven", subject.redact(m.perspectives)),
                    ("Besluit", subject.redact(m.decision)),
                ]
            ),
        )
        for m in MoralDeliberation.objects.filter(
            case_id__in=subject.case_ids
        ).order_by("held_on", "id")
    ]


@inzage_section(
    "correcties",
    "Correcties na het vastleggen",
    order=68,
    intro="Wat later is gecorrigeerd, ingetrokken of gewijzigd, met de reden: bij uw "
    "eigen metingen, het moreel beraad en het netwerk. Wie het deed staat er niet bij.",
)
def correction_section(subject: InzageSubject) -> list[Block]:
    """Another member's measurements stay out (as in the metingen section)."""
    rows = Correction.objects.filter(case_id__in=subject.case_ids).order_by("at", "id")
    table = [
        [
            _date(timezone.localtime(c.at)),
            f"{c.get_kind_display()} {c.get_action_display().lower()}",
            subject.redact(c.reason),
            subject.redact(c.summary),
        ]
        for c in rows
        if not c.person_ids or subject.person.pk in c.person_ids
    ]
    if not table:
        return []
    return [
        Block(
            "Correcties",
            columns=["Datum", "Wat", "Reden", "Wat veranderde"],
            table=table,
        )
    ]


@inzage_section(
    "netwerk",
    "Betrokkenen rond uw huishouden",
    order=70,
    intro="Andere personen en organisaties staan hier met hun soort en rol, zonder "
    "naam of contactgegevens.",
)
def network_section(subject: InzageSubject) -> list[Block]:
    table = [
        [
            e.get_kind_display(),
            subject.redact(e.relation),
            e.organisation,
            _date(e.since),
            _date(e.until),
        ]
        for e in NetworkEntry.objects.filter(case_id__in=subject.case_ids).order_by(
            "since", "id"
        )
    ]
    if not table:
        return []
    return [
        Block(
            "Netwerk",
            columns=["Soort", "Rol of relatie", "Organisatie", "Sinds", "Tot"],
            table=table,
        )
    ]


@inzage_section("verwijzingen", "Verwijzingen en toekenningen", order=75)
def referral_section(subject: InzageSubject) -> list[Block]:
    blocks = []
    for r in (
        Referral.objects.filter(case_id__in=subject.case_ids)
        .select_related("product__provider")
        .order_by("asked_on", "id")
    ):
        rows = [
            ("Zorgaanbieder", r.product.provider.name),
            ("Product", r.product.name),
            ("Reden", subject.redact(r.reason)),
            ("Aangevraagd op", _date(r.asked_on)),
            ("Zorg gestart op", _date(r.started_on)),
            ("Afgerond op", _date(r.ended_on)),
            ("Status", r.get_status_display()),
        ]
        blocks.append(Block(f"Verwijzing in casus {r.case_id}", _rows(rows)))
    for t in (
        Allocation.objects.filter(case_id__in=subject.case_ids)
        .select_related("provider")
        .order_by("decided_on", "id")
    ):
        rows = [
            ("Voorziening", t.get_kind_display()),
            ("Wettelijke grondslag", t.get_legal_basis_display()),
            ("Omschrijving", subject.redact(t.description)),
            ("Zorgaanbieder", t.provider.name if t.provider_id else ""),
            ("Besluitdatum", _date(t.decided_on)),
            ("Ingangsdatum", _date(t.start_on)),
            ("Einddatum", _date(t.end_on)),
            ("Status", t.get_status_display()),
        ]
        blocks.append(Block(f"Toekenning in casus {t.case_id}", _rows(rows)))
    return blocks
