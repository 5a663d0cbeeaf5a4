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

# The sections of the plan, metingen and network (issue 5) live in their own module.
from cases import inzage_casusplan  # noqa: F401
from cases.constants import Relation
from cases.models import Case, HouseholdMember, JournalEntry, Person, Question
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
