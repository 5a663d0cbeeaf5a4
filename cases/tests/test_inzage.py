"""Inzageverzoek (AVG art. 15): the beheerder's page, the PDF export and its
contents: everything about the person, nobody else's data."""

import io
import re

from django.urls import reverse

import pypdf
import pytest

from cases.casework.constants import CaseStatus
from cases.intake.constants import Relation
from cases.measuring.services import (
    moral_deliberation_change,
    zrm_assessment_correct,
    zrm_assessment_withdraw,
)
from cases.models import JournalEntry, Vraagverheldering
from cases.network.services import network_entry_update
from cases.privacy.exports import KIND, build_context
from cases.tests.factories import (
    AllocationFactory,
    CaseFactory,
    HouseholdFactory,
    HouseholdMemberFactory,
    NetworkEntryFactory,
    PersonFactory,
    QuestionFactory,
    ReferralFactory,
)
from cases.tests.factories_measuring import (
    LadderMeasurementFactory,
    MoralDeliberationFactory,
    ZrmAssessmentFactory,
)
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
from wijkteam import exports, inzage
from wijkteam.constants import AccessAction, Role
from wijkteam.inzage import Block, Redactor, inzage_section
from wijkteam.models import AccessLogEntry, ExportJob
from wijkteam.pdf import render_pdf

URL = reverse("cases:inzage")
BSN_SUBJECT = "111222333"
BSN_PARTNER = "123456782"


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr("wijkteam.tasks.render_export.delay", calls.append)
    return calls


@pytest.fixture
def beheerder(member, team):
    return member(Role.BEHEERDER, team)


@pytest.fixture
def family(team, other_team, member):
    """Subject Wubbo Ockels-Tromp with partner Zwaantje Kwakernaat in one casus;
    a lookalike of the subject (same name, same BSN) in another team."""
    worker = member(Role.WIJKTEAMLID, team, first_name="Hendrikje", last_name="Stam")
    subject = PersonFactory(
        team=team, first_name="Wubbo", last_name="Ockels-Tromp", bsn=BSN_SUBJECT
    )
    partner = PersonFactory(
        team=team, first_name="Zwaantje", last_name="Kwakernaat", bsn=BSN_PARTNER
    )
    household = HouseholdFactory(team=team, name="Huishouden Ockels-Kwakernaat")
    HouseholdMemberFactory(household=household, person=subject, is_main_contact=True)
    HouseholdMemberFactory(
        household=household,
        person=partner,
        relation=Relation.PARTNER,
        is_main_contact=False,
    )
    case = CaseFactory(
        team=team,
        household=household,
        status=CaseStatus.IN_BEHANDELING,
        evaluation="Zwaantje regelt de post.",
    )
    question = QuestionFactory(
        team=team,
        person=subject,
        queued=True,
        text="Schulden bij de energieleverancier, vraag van Wubbo",
        registered_by=worker,
    )
    Vraagverheldering.objects.create(
        question=question,
        recorded_by=worker,
        real_question=(
            "Wubbo wil overzicht; Zwaantje Kwakernaat (BSN 123456782) weet ervan."
        ),
        decision="casus_openen",
    )
    JournalEntry.objects.create(
        case=case,
        kind="huisbezoek",
        present="Wubbo en Zwaantje",
        note="Huisbezoek. Zwaantje Kwakernaat vertelde over de schuldeisers.",
        author=worker,
    )
    # The partner's own question: not about the subject, never in the PDF.
    QuestionFactory(team=team, person=partner, text="Vraag-van-de-partner-Quirijn")
    # Team B: a lookalike with the same name and BSN (allowed: unique per team).
    twin = PersonFactory(
        team=other_team, first_name="Wubbo", last_name="Ockels-Tromp", bsn=BSN_SUBJECT
    )
    QuestionFactory(team=other_team, person=twin, text="Tweelingvraag-Xandervoort")
    AccessLogEntry.objects.create(
        username="hstam", role="wijkteamlid", team=team, action="view",
        person_id=subject.pk, purpose="inwoner inzien",
    )  # fmt: skip
    AccessLogEntry.objects.create(
        username="hstam", role="wijkteamlid", team=team, action="view",
        person_id=partner.pk, purpose="alleen-over-de-partner",
    )  # fmt: skip
    return {"subject": subject, "partner": partner, "twin": twin, "case": case}


# --- the page ------------------------------------------------------------------


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "role", [Role.BALIE, Role.WIJKTEAMLID, Role.TEAMLEIDER, Role.KWARTIERMAKER]
)
def test_other_roles_get_403(login, member, team, role):
    assert login(member(role, team)).get(URL).status_code == 403


def test_the_search_is_a_post_and_puts_no_bsn_in_a_url(login, beheerder, family):
    """The terms travel in the body: a GET with them searches nothing, and the
    page's form posts (no BSN, name or birth date in a URL or the access log)."""
    client = login(beheerder)
    page = client.get(URL, {"bsn": BSN_SUBJECT})
    assert page.context["matches"] == []
    assert '<form method="post" class="mb-3"' in page.content.decode()
    assert client.put(URL).status_code == 405
    client.post(URL, {"bsn": BSN_SUBJECT})
    paths = AccessLogEntry.objects.values_list("path", flat=True)
    assert paths and all(BSN_SUBJECT not in path and "?" not in path for path in paths)


def test_search_by_bsn_finds_own_team_only_and_is_logged(login, beheerder, family):
    response = login(beheerder).post(URL, {"bsn": BSN_SUBJECT})
    assert response.status_code == 200
    assert response.context["matches"] == [family["subject"]]
    logged = AccessLogEntry.objects.filter(action=AccessAction.SEARCH)
    assert set(logged.values_list("person_id", flat=True)) == {
        None,
        family["subject"].pk,
    }
    assert "no-store" in response["Cache-Control"]


def test_search_needs_bsn_or_name_and_birth_date(login, beheerder, family):
    response = login(beheerder).post(URL, {"last_name": "Ockels"})
    assert response.status_code == 400
    assert "precies één persoon" in response.content.decode()
    assert response.context["matches"] == []
    bad = login(beheerder).post(URL, {"bsn": "123456789"})
    assert bad.status_code == 400 and bad.context["matches"] == []


# --- starting and downloading the PDF -----------------------------------------


def start_url(person):
    return reverse("export_start", args=[KIND, person.pk])


def test_start_for_another_teams_person_is_404(login, beheerder, family):
    assert login(beheerder).post(start_url(family["twin"])).status_code == 404
    assert not ExportJob.objects.exists()


@pytest.mark.parametrize("role", [Role.WIJKTEAMLID, Role.TEAMLEIDER, Role.BALIE])
def test_start_by_other_roles_is_403(login, member, team, family, role):
    client = login(member(role, team))
    assert client.post(start_url(family["subject"])).status_code == 403
    assert not ExportJob.objects.exists()


def test_start_queues_a_job_after_commit_and_download_is_logged(
    login, beheerder, family, sent, django_capture_on_commit_callbacks
):
    client = login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url(family["subject"]))
    assert response.status_code == 302
    job = ExportJob.objects.get()
    assert sent == [job.pk]
    assert job.kind == KIND and job.object_id == family["subject"].pk
    assert "Wubbo" not in job.title  # no name in titles and file names
    assert exports.export_render(job_id=job.pk) == "done"
    page = client.get(URL)
    assert reverse("export_download", args=[job.token]) in page.content.decode()
    download = client.get(reverse("export_download", args=[job.token]))
    assert download.status_code == 200
    text = pdf_text(b"".join(download.streaming_content))
    assert "Wubbo Ockels-Tromp" in text
    row = AccessLogEntry.objects.filter(action=AccessAction.EXPORT).get()
    assert row.person_id == family["subject"].pk
    assert row.username == beheerder.username


def test_other_team_cannot_download(login, member, other_team, family):
    from wijkteam.models import ExportJob as Job

    job = Job.objects.create(
        team=family["subject"].team, kind=KIND, object_id=family["subject"].pk
    )
    exports.export_render(job_id=job.pk)
    client = login(member(Role.BEHEERDER, other_team))
    assert client.get(reverse("export_download", args=[job.token])).status_code == 404


# --- what the PDF holds ----------------------------------------------------------


def test_pdf_holds_everything_about_the_person_and_nobody_else(family):
    data = render_pdf(
        "cases/pdf/inzage.html", build_context(family["subject"].pk, None)
    )
    text = pdf_text(data)
    # everything about the subject
    assert "Wubbo Ockels-Tromp" in text
    assert BSN_SUBJECT in text
    assert "Schulden bij de energieleverancier" in text
    assert "Wubbo wil overzicht" in text
    assert "vertelde over de schuldeisers" in text
    assert f"Casus {family['case'].pk}" in text
    assert "inwoner inzien" in text  # the access log about them
    # the partner appears only as her relation
    assert "[partner]" in text
    for leak in ("Zwaantje", "Kwakernaat", BSN_PARTNER, "Vraag-van-de-partner"):
        assert leak not in text, leak
    assert "alleen-over-de-partner" not in text
    # the other team's lookalike record is not there
    assert "Tweelingvraag-Xandervoort" not in text
    # staff by role, never by name
    assert "Hendrikje" not in text and "hstam" not in text


def test_a_person_without_records_gets_the_empty_sections(team):
    person = PersonFactory(team=team, first_name="Leeg", last_name="Persoon")
    text = pdf_text(render_pdf("cases/pdf/inzage.html", build_context(person.pk, None)))
    assert "Hierover zijn geen gegevens vastgelegd." in text


def test_an_app_adds_a_section_with_a_few_lines(family, monkeypatch):
    monkeypatch.setattr(inzage, "SECTIONS", dict(inzage.SECTIONS))

    @inzage_section("proef", "Proefsectie", order=55)
    def extra(subject):
        return [Block("Doel", [("Tekst", subject.redact("Zwaantje helpt mee"))])]

    context = build_context(family["subject"].pk, None)
    titles = [part["section"].title for part in context["sections"]]
    assert (
        titles.index("Proefsectie")
        == titles.index("Journaal (contactmomenten) van de casussen") - 1
    )
    block = next(p for p in context["sections"] if p["section"].key == "proef")
    assert block["blocks"][0].rows == [("Tekst", "[partner] helpt mee")]


def test_redactor_replaces_longest_first_and_keeps_the_subjects_own_names():
    redact = Redactor(
        [("Kees van Dam", "[kind]"), ("Kees", "[kind]"), ("Dam", "[kind]"),
         ("Jo", "[kind]")],
        keep=["Dam"],
    )  # fmt: skip
    assert redact("Kees van Dam en kees; Damrak, Dam, Jo") == (
        "[kind] en [kind]; Damrak, Dam, Jo"
    )


def test_pdf_holds_the_plan_metingen_and_network_without_third_parties(family):
    case, subject, partner = family["case"], family["subject"], family["partner"]
    goal = PlanGoalFactory(
        plan__case=case,
        text="Wubbo en Zwaantje willen rust in de financien",
        owner_name="Buurvrouw Gerbrich",
    )
    PlanActionFactory(goal=goal, what="Brief-naar-Eneco", who_name="Adviseur Thijmen")
    ZrmAssessmentFactory(case=case, person=subject, note="Meting-van-Wubbo")
    ZrmAssessmentFactory(case=case, person=partner, note="Meting-van-de-partner")
    LadderMeasurementFactory(case=case, person=subject, note="Trede-van-Wubbo")
    LadderMeasurementFactory(case=case, person=partner, note="Trede-van-partner")
    MoralDeliberationFactory(case=case, dilemma="Dilemma-over-de-schulden")
    NetworkEntryFactory(case=case, name="Tante Ybeltje", contact="0612399999")
    ReferralFactory(case=case, reason="Verwijzing-schuldhulp")
    AllocationFactory(case=case, description="Begeleiding-thuis")

    text = pdf_text(
        render_pdf("cases/pdf/inzage.html", build_context(subject.pk, None))
    )
    for expected in (
        "rust in de financien",
        "Brief-naar-Eneco",
        "Meting-van-Wubbo",
        "Trede-van-Wubbo",
        "Dilemma-over-de-schulden",
        "tante",
        "Verwijzing-schuldhulp",
        "Begeleiding-thuis",
    ):
        assert expected in text, expected
    # the partner's own measurements, third parties' names and contact details,
    # and the professionals' names are not there
    for leak in (
        "Zwaantje",
        "Meting-van-de-partner",
        "Trede-van-partner",
        "Gerbrich",
        "Thijmen",
        "Ybeltje",
        "0612399999",
    ):
        assert leak not in text, leak


def test_pdf_holds_the_corrections_of_the_own_measurements_only(family):
    """Corrections after saving: the subject's own measurements, the
    moreel beraad and the network; never another member's, never who did it."""
    case, subject, partner = family["case"], family["subject"], family["partner"]
    by = case.opened_by
    own = ZrmAssessmentFactory(case=case, person=subject, scores={"financien": 2})
    theirs = ZrmAssessmentFactory(case=case, person=partner, scores={"financien": 4})
    zrm_assessment_correct(
        assessment=own, by=by, reason="Typfout-bij-Wubbo", person=subject,
        assessed_on=own.assessed_on, scores={"financien": 3},
    )  # fmt: skip
    zrm_assessment_withdraw(assessment=theirs, by=by, reason="Reden-bij-partner")
    record = MoralDeliberationFactory(case=case, recorded_by=by)
    moral_deliberation_change(
        record=record, by=by, reason="Besluit-aangevuld", held_on=record.held_on,
        dilemma=record.dilemma, perspectives=record.perspectives,
        decision="Nieuw besluit",
    )  # fmt: skip
    entry = NetworkEntryFactory(case=case, name="Tante Ybeltje", contact="06123")
    network_entry_update(entry=entry, by=by, contact="0699999")

    text = pdf_text(
        render_pdf("cases/pdf/inzage.html", build_context(subject.pk, None))
    )
    assert "Correcties na het vastleggen" in text
    for expected in (
        "Typfout-bij-Wubbo",
        "Financiën 2 → 3",
        "Besluit-aangevuld",
        "besluit gewijzigd",
        "contact gewijzigd",
    ):
        assert expected in text, expected
    for leak in ("Reden-bij-partner", "Zwaantje", "Ybeltje", "0699999"):
        assert leak not in text, leak
    assert by.last_name not in text


def test_the_access_log_is_one_line_per_entry_under_its_column_names(family, team):
    """The log is printed as lines, not as a table (a table of thousands of rows is
    too slow for the worker's time limit); each line keeps every field."""
    subject = family["subject"]
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            username="hstam",
            role="wijkteamlid",
            team=team,
            action="view",
            person_id=subject.pk,
            purpose=f"logdoel-{i}",
        )
        for i in range(150)
    )
    data = render_pdf("cases/pdf/inzage.html", build_context(subject.pk, None))
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = pdf_text(data)
    assert "Wie uw gegevens heeft ingezien (toegangslog)" in text
    assert "151 keer vastgelegd" in text
    assert "Per regel: Tijdstip · Handeling · Door · Doel · Resultaat" in text
    line = r"\d{2}-\d{2}-\d{4} \d{2}:\d{2} · Inzien · Wijkteamlid \(%s\) · %s · "
    for purpose in ("inwoner inzien", *(f"logdoel-{i}" for i in range(150))):
        assert re.search(line % (re.escape(team.name), purpose) + "Toegestaan", text)
    # about 60 entries a page (the table held 20): the log takes three pages
    assert len(reader.pages) <= 6
    assert "hstam" not in text and "alleen-over-de-partner" not in text
