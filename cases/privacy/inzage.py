"""This app's sections of the inzageverzoek (see wijkteam/inzage.py), and how the
subject is built from a person record.

Household-level records (the casus, its journal, the household itself) are about
the whole household. They are included, because they are also about the subject;
every other member appears only by their relation ("[partner]", "[kind]"): their
names and BSN are replaced in every free text, and their own records (questions,
birth date, address) are left out. Staff appear by role and team.

A later module adds a section with a few lines, for instance the plan:

    @inzage_section("plan", "Plan", order=55)
    def plan(subject):
        goals = Goal.objects.filter(case_id__in=subject.case_ids)
        return [Block(g.title, [("Doel", subject.redact(g.text))]) for g in goals]
"""

from __future__ import annotations

from django.utils import timezone

from cases.intake.constants import Relation
from cases.models import (
    Allocation,
    Case,
    Correction,
    HouseholdMember,
    JournalEntry,
    LadderMeasurement,
    MoralDeliberation,
    NetworkEntry,
    Person,
    PlanAction,
    PlanGoal,
    Question,
    Referral,
    ZrmAssessment,
)
from cases.plan.constants import ActionWho, GoalOwner
from wijkteam.inzage import Block, InzageSubject, Redactor, inzage_section

OTHER_PERSON = "[gezinslid]"


def _date(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
        return value.strftime("%d-%m-%Y %H:%M")
    return value.strftime("%d-%m-%Y")


def _relation_label(relation: str) -> str:
    if relation in (Relation.ANDERS, ""):
        return OTHER_PERSON
    return f"[{Relation(relation).label.lower()}]"


def _name_variants(person: Person) -> list[str]:
    full = person.full_name
    plain = " ".join(p for p in (person.first_name, person.last_name) if p)
    family = " ".join(p for p in (person.prefix, person.last_name) if p)
    return [full, plain, family, person.first_name, person.last_name]


def build_subject(person: Person) -> InzageSubject:
    household_ids = list(
        HouseholdMember.objects.filter(person=person).values_list(
            "household_id", flat=True
        )
    )
    others: dict[int, str] = {}
    replacements: list[tuple[str, str]] = []
    for member in (
        HouseholdMember.objects.filter(household_id__in=household_ids)
        .exclude(person=person)
        .select_related("person")
        .order_by("person_id")
    ):
        label = _relation_label(member.relation)
        others.setdefault(member.person_id, label)
        replacements += [(v, label) for v in _name_variants(member.person)]
        if member.person.bsn:
            replacements.append((member.person.bsn, "[BSN weggelaten]"))
    case_ids = list(
        Case.objects.filter(
            household_id__in=household_ids, team_id=person.team_id
        ).values_list("pk", flat=True)
    )
    return InzageSubject(
        person=person,
        household_ids=household_ids,
        case_ids=case_ids,
        redact=Redactor(replacements, keep=_name_variants(person)),
        others=others,
    )


@inzage_section("persoon", "Uw persoonsgegevens", order=10)
def person_section(subject: InzageSubject) -> list[Block]:
    p = subject.person
    rows = [
        ("Naam", p.full_name),
        ("Geboortedatum", _date(p.birth_date)),
        ("BSN", p.bsn),
        ("Adres", p.address),
        ("Buurt", str(p.buurt) if p.buurt_id else ""),
        ("Telefoon", p.phone),
        ("E-mail", p.email),
        ("Geregistreerd op", _date(p.created_at)),
        ("Geregistreerd door team", p.team.name),
    ]
    return [Block("Inwoner", [(label, value) for label, value in rows if value])]


def _questions(subject: InzageSubject):
    return (
        Question.objects.filter(person=subject.person, team_id=subject.person.team_id)
        .select_related("voorziening")
        .prefetch_related("status_changes")
        .order_by("registered_at", "id")
    )


@inzage_section("vragen", "Uw vragen aan het wijkteam", order=20)
def question_section(subject: InzageSubject) -> list[Block]:
    blocks = []
    for q in _questions(subject):
        rows = [
            ("Geregistreerd op", _date(q.registered_at)),
            ("Kanaal", q.get_channel_display()),
            ("Vraag", subject.redact(q.text)),
            ("Leefgebieden", ", ".join(q.domain_labels)),
            ("Urgentie", q.get_urgency_display()),
            ("Uitkomst", q.get_outcome_display()),
            ("Toelichting", subject.redact(q.outcome_note)),
            ("Voorziening", subject.redact(q.referred_to)),
            ("Status", q.get_status_display()),
            ("Afspraak", _date(q.appointment_at)),
        ]
        if q.signaller_organisation or q.signaller_name:
            # The melder is a third party: the organisation, never their name.
            rows.append(
                ("Gesignaleerd door", q.signaller_organisation or "[naam weggelaten]")
            )
        for change in q.status_changes.all():
            rows.append(
                (
                    f"Status {_date(change.at)}",
                    f"{change.get_to_status_display()} "
                    f"{subject.redact(change.note)}".strip(),
                )
            )
        blocks.append(Block(f"Vraag {q.pk}", [(k, v) for k, v in rows if v]))
    return blocks


@inzage_section("vraagverheldering", "Vraagverheldering (gesprekken)", order=30)
def clarification_section(subject: InzageSubject) -> list[Block]:
    blocks = []
    for q in _questions(subject).select_related("vraagverheldering"):
        v = getattr(q, "vraagverheldering", None)
        if v is None:
            continue
        rows = [
            ("Datum gesprek", _date(v.held_on)),
            ("Aanwezig", ", ".join(v.present_labels)),
            ("Wie precies", subject.redact(v.present_note)),
            ("De eigenlijke vraag", subject.redact(v.real_question)),
            ("ZRM quickscan", "; ".join(f"{d}: {s}" for d, s in v.zrm_rows)),
            ("Besluit", v.get_decision_display()),
            ("Reden of afspraken", subject.redact(v.decision_note)),
        ]
        blocks.append(
            Block(f"Gesprek over vraag {q.pk}", [(k, x) for k, x in rows if x])
        )
    return blocks


@inzage_section(
    "huishoudens",
    "Uw huishouden",
    order=40,
    intro="Andere leden staan hier alleen met hun relatie, zonder naam.",
)
def household_section(subject: InzageSubject) -> list[Block]:
    blocks = []
    memberships = (
        HouseholdMember.objects.filter(household_id__in=subject.household_ids)
        .select_related("household")
        .order_by("household_id", "-is_main_contact", "id")
    )
    by_household: dict[int, list[HouseholdMember]] = {}
    for m in memberships:
        by_household.setdefault(m.household_id, []).append(m)
    for members in by_household.values():
        rows = []
        for m in members:
            if m.person_id == subject.person.pk:
                who = "U"
            else:
                who = subject.others.get(m.person_id, OTHER_PERSON)
            main = ", hoofdcontactpersoon" if m.is_main_contact else ""
            rows.append((who, f"{m.get_relation_display()}{main}"))
        household = members[0].household
        title = (
            f"{subject.redact(household.name)} (sinds {_date(household.created_at)})"
        )
        blocks.append(Block(title, rows))
    return blocks


@inzage_section("casussen", "Casussen van uw huishouden", order=50)
def case_section(subject: InzageSubject) -> list[Block]:
    blocks = []
    cases = (
        Case.objects.filter(pk__in=subject.case_ids)
        .prefetch_related("status_changes")
        .order_by("opened_at", "id")
    )
    for case in cases:
        rows = [
            ("Geopend op", _date(case.opened_at)),
            ("Status", case.get_status_display()),
            ("Wettelijk kader", case.get_legal_framework_display()),
            ("Afgesloten op", _date(case.closed_at)),
            ("Reden van afsluiten", case.get_close_reason_display()),
            ("Evaluatie", subject.redact(case.evaluation)),
            ("Regievoerder", "wijkteamlid" if case.regievoerder_id else ""),
        ]
        for change in case.status_changes.all():
            rows.append(
                (
                    f"Status {_date(change.at)}",
                    f"{change.get_to_status_display()} "
                    f"{subject.redact(change.note)}".strip(),
                )
            )
        blocks.append(Block(f"Casus {case.pk}", [(k, v) for k, v in rows if v]))
    return blocks


@inzage_section(
    "journaal",
    "Journaal (contactmomenten) van de casussen",
    order=60,
    intro="Namen van andere leden van het huishouden zijn vervangen door hun relatie.",
)
def journal_section(subject: InzageSubject) -> list[Block]:
    entries = JournalEntry.objects.filter(case_id__in=subject.case_ids).order_by(
        "contact_on", "created_at", "id"
    )
    return [
        Block(
            f"{_date(e.contact_on)}, casus {e.case_id}",
            [
                (k, v)
                for k, v in [
                    ("Soort contact", e.get_kind_display()),
                    ("Initiatief van", e.get_initiated_by_display()),
                    ("Wie waren er", subject.redact(e.present)),
                    ("Notitie", subject.redact(e.note)),
                    (
                        "Correctie op",
                        _date(e.corrects.contact_on) if e.corrects_id else "",
                    ),
                ]
                if v
            ],
        )
        for e in entries.select_related("corrects")
    ]


# Inzage sections for the plan, the metingen, the corrections after saving and the
# network of a casus, registered with the other sections. The same rules as
# there: household-level records are included with other members shown by relation;
# another member's own measurements are left out; third parties (network,
# professionals) appear by kind and role, never by name or contact details.


def _day(value) -> str:
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
            ("Streefdatum", _day(goal.target_on)),
            ("Behaald op", _day(goal.reached_on)),
        ]
        for a in actions.get(goal.pk, []):
            done = f", gedaan op {_day(a.done_on)}" if a.done_on else ""
            due = f", uiterlijk {_day(a.due_on)}" if a.due_on else ""
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
                f"ZRM-meting van {_day(a.assessed_on)}",
                _rows([("Toelichting", subject.redact(a.note))]),
                columns=["Leefgebied", "Score (1–5)"],
                table=table,
            )
        )
    steps = LadderMeasurement.objects.filter(person=subject.person).order_by(
        "measured_on", "id"
    )
    table = [
        [_day(m.measured_on), m.get_step_display(), subject.redact(m.note)]
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
            f"Beraad van {_day(m.held_on)}, casus {m.case_id}",
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
            _day(timezone.localtime(c.at)),
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
            _day(e.since),
            _day(e.until),
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
            ("Aangevraagd op", _day(r.asked_on)),
            ("Zorg gestart op", _day(r.started_on)),
            ("Afgerond op", _day(r.ended_on)),
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
            ("Besluitdatum", _day(t.decided_on)),
            ("Ingangsdatum", _day(t.start_on)),
            ("Einddatum", _day(t.end_on)),
            ("Status", t.get_status_display()),
        ]
        blocks.append(Block(f"Toekenning in casus {t.case_id}", _rows(rows)))
    return blocks
