"""The resident's PDF of the plan: the export kind, its text, access and log."""

import io

from django.urls import reverse

import pypdf
import pytest

from cases.plan.exports import EXPORT_KIND, build_context
from cases.plan.services import plan_vaststellen
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
from wijkteam.constants import AccessAction
from wijkteam.exports import export_render
from wijkteam.models import AccessLogEntry, ExportJob
from wijkteam.pdf import render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    case = CaseFactory(team=team, regievoerder=lid, in_progress=True)
    HouseholdMemberFactory(household=case.household, person__first_name="Fatima")
    goal = PlanGoalFactory(
        plan__case=case, text="Ik wil <b>rust</b> in mijn hoofd over geld."
    )
    PlanActionFactory(goal=goal, what="Samen de post doorlopen", who_name="Zus Amina")
    return case


def text_of(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_pdf_has_the_goals_in_the_residents_words_and_plain_headings(case, lid):
    text = text_of(render_pdf(EXPORT_KIND.template, build_context(case.pk, 1)))
    assert f"Het plan van {case.household}" in text
    assert "Ik wil <b>rust</b> in mijn hoofd over geld." in text  # escaped, as said
    assert "Wat wilt u bereiken?" in text and "Wie doet wat?" in text
    assert "Samen de post doorlopen" in text and "Zus Amina" in text
    assert "Nog niet begonnen" in text
    assert "nog niet vastgesteld (concept)" in text
    assert "Fatima" in text


def test_pdf_of_a_vastgesteld_version_prints_its_snapshot(case, lid):
    plan_vaststellen(case=case, by=lid, agreed_with_resident=True)
    case.plan.goals.update(text="Later veranderd")
    text = text_of(render_pdf(EXPORT_KIND.template, build_context(case.pk, 1)))
    assert "rust" in text and "Later veranderd" not in text
    assert "samen met u afgesproken" in text


def test_export_start_access(client, login, outsider, balie, lid, case):
    url = reverse("export_start", kwargs={"kind": "casus-plan", "object_id": case.pk})
    assert login(outsider).post(url).status_code == 404
    assert login(balie).post(url).status_code == 403
    assert not ExportJob.objects.exists()
    response = login(lid).post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:plan", kwargs={"pk": case.pk})
    job = ExportJob.objects.get()
    assert (job.kind, job.object_id, job.version) == ("casus-plan", case.pk, 1)


def test_download_logs_every_person_of_the_household(
    login, lid, case, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = login(lid)
    client.post(reverse("export_start", args=["casus-plan", case.pk]))
    job = ExportJob.objects.get()
    assert export_render(job_id=job.pk) == "done"
    page = client.get(reverse("cases:plan", kwargs={"pk": case.pk})).content.decode()
    assert reverse("export_download", args=[job.token]) in page
    response = client.get(reverse("export_download", args=[job.token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    logged = set(
        AccessLogEntry.objects.filter(action=AccessAction.EXPORT).values_list(
            "person_id", flat=True
        )
    )
    assert logged == set(case.household.members.values_list("person_id", flat=True))


def test_status_and_file_name_name_the_casus_not_the_household(login, lid, case):
    """The status partial is polled without an access-log row, so it shows no name."""
    client = login(lid)
    client.post(reverse("export_start", args=["casus-plan", case.pk]))
    job = ExportJob.objects.get()
    body = client.get(reverse("export_status", args=[job.token])).content.decode()
    assert f"Plan van casus {case.pk}" in body
    names = [case.household.name]
    for member in case.household.members.select_related("person"):
        names += [member.person.first_name, member.person.last_name]
    assert not [name for name in names if name in body]
    assert job.download_name == f"plan-van-casus-{case.pk}-versie-1.pdf"
