"""Corrections after saving: the services change the data in one
transaction and leave one Correction row; a closed casus refuses; the trigger-kept
latest ZRM scores follow a corrected score and a withdrawn assessment."""

import datetime as dt

from django.utils import timezone

import pytest

from cases.intake.constants import ZrmDomain
from cases.measuring.constants import CorrectionAction, CorrectionKind
from cases.measuring.services import (
    MeasuringError,
    ladder_measurement_correct,
    ladder_measurement_withdraw,
    moral_deliberation_change,
    zrm_assessment_correct,
    zrm_assessment_withdraw,
)
from cases.models import (
    Correction,
    LadderMeasurement,
    NetworkEntry,
    ZrmAssessment,
    ZrmDomainScore,
)
from cases.network.services import NetworkError, network_entry_update
from cases.tests.factories import CaseFactory, NetworkEntryFactory
from cases.tests.factories_measuring import (
    LadderMeasurementFactory,
    MoralDeliberationFactory,
    ZrmAssessmentFactory,
    member_of,
)
from cases.tests.test_zrm_latest_score import kept, recomputed
from wijkteam.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FIN, HUIS, WERK = (
    ZrmDomain.FINANCIEN.value,
    ZrmDomain.HUISVESTING.value,
    ZrmDomain.WERK_OPLEIDING.value,
)


def days_ago(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


@pytest.fixture
def case(team):
    return CaseFactory(team=team, in_progress=True)


@pytest.fixture
def by(case):
    return case.opened_by


@pytest.fixture
def person(case):
    return member_of(case)


def assessment_of(case, person, scores, ago=10):
    return ZrmAssessmentFactory(
        case=case, person=person, scores=scores, assessed_on=days_ago(ago),
        assessed_by=case.opened_by,
    )  # fmt: skip


def scores_of(assessment) -> dict:
    return dict(assessment.scores.values_list("domain", "score"))


# --- ZRM-meting corrigeren ---------------------------------------------------------


def test_correct_changes_scores_date_note_and_records_one_correction(case, by, person):
    a = assessment_of(case, person, {FIN: 2, HUIS: 3}, ago=10)
    zrm_assessment_correct(
        assessment=a, by=by, reason="Verkeerde score ingevoerd", person=person,
        assessed_on=days_ago(9), scores={FIN: 3, HUIS: None, WERK: 4},
        note="Na correctie",
    )  # fmt: skip
    a.refresh_from_db()
    assert scores_of(a) == {FIN: 3, WERK: 4}  # Huisvesting is now unscored
    assert (a.assessed_on, a.note) == (days_ago(9), "Na correctie")
    (c,) = Correction.objects.all()
    assert (c.case, c.kind, c.action, c.object_id, c.by) == (
        case, CorrectionKind.ZRM, CorrectionAction.GECORRIGEERD, a.pk, by,
    )  # fmt: skip
    assert c.reason == "Verkeerde score ingevoerd"
    assert c.person_ids == [person.pk]
    assert c.summary == (
        f"datum {days_ago(10):%d-%m-%Y} → {days_ago(9):%d-%m-%Y}; "
        "Financiën 2 → 3; Werk & opleiding niet gescoord → 4; "
        "Huisvesting 3 → niet gescoord; toelichting gewijzigd"
    )


def test_correct_to_another_member_names_both(case, by, person):
    other = member_of(case)
    a = assessment_of(case, person, {FIN: 2})
    zrm_assessment_correct(
        assessment=a, by=by, reason="Verkeerd gezinslid", person=other,
        assessed_on=a.assessed_on, scores={FIN: 2},
    )  # fmt: skip
    a.refresh_from_db()
    assert a.person == other
    c = Correction.objects.get()
    assert c.summary == f"lid {person.full_name} → {other.full_name}"
    assert c.person_ids == sorted([person.pk, other.pk])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": "  "}, "Geef de reden van de correctie."),
        ({"scores": {FIN: None}}, "Scoor minstens één leefgebied."),
        ({"scores": {FIN: 6}}, "Een score is 1 tot en met 5."),
        ({"assessed_on": days_ago(-1)}, "Een meting kan niet in de toekomst liggen."),
        ({}, "Er is niets veranderd: pas eerst iets aan."),
    ],
)
def test_correct_refuses_and_changes_nothing(case, by, person, changes, message):
    a = assessment_of(case, person, {FIN: 2})
    kwargs = {
        "reason": "x", "person": person, "assessed_on": a.assessed_on,
        "scores": {FIN: 2}, "note": a.note,
    } | changes  # fmt: skip
    with pytest.raises(MeasuringError, match=message):
        zrm_assessment_correct(assessment=a, by=by, **kwargs)
    assert scores_of(a) == {FIN: 2}
    assert not Correction.objects.exists()


def test_correct_refuses_a_person_outside_the_household(case, by, person, team):
    a = assessment_of(case, person, {FIN: 2})
    stranger = member_of(CaseFactory(team=team))
    with pytest.raises(MeasuringError, match="hoort niet bij het huishouden"):
        zrm_assessment_correct(
            assessment=a, by=by, reason="x", person=stranger,
            assessed_on=a.assessed_on, scores={FIN: 3},
        )  # fmt: skip
    assert scores_of(a) == {FIN: 2}
    assert not Correction.objects.exists()


def test_a_closed_casus_refuses_every_correction(team):
    case = CaseFactory(team=team, closed=True)
    by, person = case.opened_by, member_of(case)
    a = assessment_of(case, person, {FIN: 2})
    step = LadderMeasurementFactory(case=case, person=person, measured_by=by)
    record = MoralDeliberationFactory(case=case, recorded_by=by)
    entry = NetworkEntryFactory(case=case, created_by=by)
    closed = "De casus is afgesloten"
    with pytest.raises(MeasuringError, match=closed):
        zrm_assessment_correct(
            assessment=a, by=by, reason="x", person=person,
            assessed_on=a.assessed_on, scores={FIN: 3},
        )  # fmt: skip
    with pytest.raises(MeasuringError, match=closed):
        zrm_assessment_withdraw(assessment=a, by=by, reason="x")
    with pytest.raises(MeasuringError, match=closed):
        ladder_measurement_correct(
            measurement=step, by=by, reason="x", person=person,
            measured_on=step.measured_on, step=5,
        )  # fmt: skip
    with pytest.raises(MeasuringError, match=closed):
        ladder_measurement_withdraw(measurement=step, by=by, reason="x")
    with pytest.raises(MeasuringError, match=closed):
        moral_deliberation_change(
            record=record, by=by, reason="x", held_on=record.held_on,
            dilemma="anders", perspectives=record.perspectives,
            decision=record.decision,
        )  # fmt: skip
    with pytest.raises(NetworkError, match=closed):
        network_entry_update(entry=entry, by=by, name="Anders")
    assert scores_of(a) == {FIN: 2}
    assert LadderMeasurement.objects.get(pk=step.pk).step == step.step
    assert NetworkEntry.objects.get(pk=entry.pk).name == entry.name
    assert not Correction.objects.exists()


def test_another_casus_s_object_is_not_found(case, by, person, team):
    """The services look the object up within its own casus: a stale or forged
    object with another casus attached does not exist there."""
    other_case = CaseFactory(team=team, in_progress=True)
    a = assessment_of(other_case, member_of(other_case), {FIN: 2})
    a.case = case  # as if a view had attached the wrong casus
    with pytest.raises(ZrmAssessment.DoesNotExist):
        zrm_assessment_withdraw(assessment=a, by=by, reason="x")
    assert ZrmAssessment.objects.filter(pk=a.pk).exists()


# --- ZRM-meting intrekken ----------------------------------------------------------


def test_withdraw_deletes_and_records_one_correction(case, by, person):
    a = assessment_of(case, person, {FIN: 2, HUIS: 4}, ago=10)
    zrm_assessment_withdraw(assessment=a, by=by, reason="Verkeerde persoon")
    assert not ZrmAssessment.objects.filter(pk=a.pk).exists()
    assert not ZrmDomainScore.objects.filter(assessment_id=a.pk).exists()
    c = Correction.objects.get()
    assert (c.action, c.object_id, c.reason, c.person_ids) == (
        CorrectionAction.INGETROKKEN, a.pk, "Verkeerde persoon", [person.pk],
    )  # fmt: skip
    assert c.summary == (
        f"ZRM-meting van {days_ago(10):%d-%m-%Y} van {person.full_name} "
        "ingetrokken (Financiën 2, Huisvesting 4)"
    )


def test_withdraw_needs_a_reason(case, by, person):
    a = assessment_of(case, person, {FIN: 2})
    with pytest.raises(MeasuringError, match="Geef de reden"):
        zrm_assessment_withdraw(assessment=a, by=by, reason="")
    assert ZrmAssessment.objects.filter(pk=a.pk).exists()


# --- the latest ZRM scores follow (triggers of migration 0011) ---------------------


def test_latest_score_follows_a_corrected_score_and_a_withdrawn_assessment(
    case, by, person
):
    earlier = assessment_of(case, person, {FIN: 2, HUIS: 3}, ago=100)
    recent = assessment_of(case, person, {FIN: 4, HUIS: 5}, ago=10)
    assert kept() == recomputed()

    zrm_assessment_correct(
        assessment=recent, by=by, reason="Typfout", person=person,
        assessed_on=recent.assessed_on, scores={FIN: 1, HUIS: None, WERK: 3},
    )  # fmt: skip
    assert kept() == recomputed()
    assert {(r[1], r[2], r[3]) for r in kept()} == {
        (FIN, 1, recent.pk), (HUIS, 3, earlier.pk), (WERK, 3, recent.pk),
    }  # fmt: skip

    # moved back before the earlier one: the earlier one becomes the latest
    zrm_assessment_correct(
        assessment=recent, by=by, reason="Verkeerde datum", person=person,
        assessed_on=days_ago(200), scores={FIN: 1, WERK: 3},
    )  # fmt: skip
    assert kept() == recomputed()
    assert (FIN, 2, earlier.pk) in {(r[1], r[2], r[3]) for r in kept()}

    zrm_assessment_withdraw(assessment=earlier, by=by, reason="Dubbel")
    assert kept() == recomputed()
    assert {(r[1], r[2], r[3]) for r in kept()} == {
        (FIN, 1, recent.pk), (WERK, 3, recent.pk),
    }  # fmt: skip


def test_latest_score_follows_a_member_change(case, by, person):
    other = member_of(case)
    a = assessment_of(case, person, {FIN: 2})
    zrm_assessment_correct(
        assessment=a, by=by, reason="Verkeerd gezinslid", person=other,
        assessed_on=a.assessed_on, scores={FIN: 2},
    )  # fmt: skip
    assert kept() == recomputed()
    assert {r[0] for r in kept()} == {other.pk}


# --- participatieladder ------------------------------------------------------------


def test_ladder_correct_and_withdraw(case, by, person):
    step = LadderMeasurementFactory(
        case=case, person=person, measured_by=by, step=2, measured_on=days_ago(5)
    )
    ladder_measurement_correct(
        measurement=step, by=by, reason="Verkeerde trede", person=person,
        measured_on=days_ago(5), step=4, note="",
    )  # fmt: skip
    step.refresh_from_db()
    assert step.step == 4
    c = Correction.objects.get()
    assert (c.kind, c.summary, c.reason) == (
        CorrectionKind.LADDER, "trede 2 → 4", "Verkeerde trede",
    )  # fmt: skip
    with pytest.raises(MeasuringError, match="Kies een trede"):
        ladder_measurement_correct(
            measurement=step, by=by, reason="x", person=person,
            measured_on=days_ago(5), step=7,
        )  # fmt: skip
    ladder_measurement_withdraw(measurement=step, by=by, reason="Dubbel ingevoerd")
    assert not LadderMeasurement.objects.filter(pk=step.pk).exists()
    assert Correction.objects.count() == 2
    last = Correction.objects.last()
    assert last.action == CorrectionAction.INGETROKKEN
    assert last.summary.startswith("Trede 4 van ")


# --- moreel beraad -----------------------------------------------------------------


def test_moreel_beraad_change_names_what_changed_not_the_texts(case, by):
    record = MoralDeliberationFactory(case=case, recorded_by=by)
    colleague = UserFactory()
    moral_deliberation_change(
        record=record, by=by, reason="Besluit was onvolledig",
        held_on=record.held_on, dilemma=record.dilemma,
        perspectives=record.perspectives, decision="Geheim-nieuw-besluit",
        participants=[colleague], other_participants=record.other_participants,
    )  # fmt: skip
    record.refresh_from_db()
    assert record.decision == "Geheim-nieuw-besluit"
    assert list(record.participants.all()) == [colleague]
    c = Correction.objects.get()
    assert (c.kind, c.action) == (
        CorrectionKind.MOREEL_BERAAD, CorrectionAction.GEWIJZIGD,
    )  # fmt: skip
    assert c.summary == "besluit gewijzigd; deelnemers gewijzigd"
    assert "Geheim" not in c.summary and colleague.first_name not in c.summary


# --- netwerk -----------------------------------------------------------------------


def test_network_change_needs_no_reason_and_is_recorded(case, by):
    entry = NetworkEntryFactory(
        case=case, created_by=by, name="Tante Ybeltje", contact="0612345678",
        since=days_ago(30),
    )  # fmt: skip
    network_entry_update(
        entry=entry, by=by, name="Tante Ybeltje", contact="0687654321",
        since=days_ago(20),
    )  # fmt: skip
    entry.refresh_from_db()
    assert (entry.contact, entry.since) == ("0687654321", days_ago(20))
    c = Correction.objects.get()
    assert (c.kind, c.action, c.reason) == (
        CorrectionKind.NETWERK, CorrectionAction.GEWIJZIGD, "",
    )  # fmt: skip
    assert c.summary == (
        f"contact gewijzigd; betrokken sinds {days_ago(30):%d-%m-%Y} → "
        f"{days_ago(20):%d-%m-%Y}"
    )
    assert "0612" not in c.summary and "0687" not in c.summary


def test_network_change_refuses_since_after_until_and_nothing_changed(case, by):
    entry = NetworkEntryFactory(
        case=case, created_by=by, since=days_ago(30), until=days_ago(10)
    )
    with pytest.raises(NetworkError, match="na 'betrokken tot'"):
        network_entry_update(entry=entry, by=by, since=days_ago(5))
    with pytest.raises(NetworkError, match="niets veranderd"):
        network_entry_update(entry=entry, by=by, name=entry.name)
    assert NetworkEntry.objects.get(pk=entry.pk).since == days_ago(30)
    assert not Correction.objects.exists()


def test_corrections_go_with_the_casus(case, by, person):
    a = assessment_of(case, person, {FIN: 2})
    zrm_assessment_withdraw(assessment=a, by=by, reason="x")
    assert Correction.objects.filter(case=case).exists()
    case.delete()
    assert not Correction.objects.exists()
