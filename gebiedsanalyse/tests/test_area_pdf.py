"""The gebiedsanalyse as PDF: start from the area page, access, context, PDF text."""

import io

from django.urls import reverse

import pypdf
import pytest

from cases.intake.constants import ZrmDomain
from cases.tests.factories import PersonFactory, QuestionFactory
from gebiedsanalyse.exports import KIND, build_context
from gebiedsanalyse.tests.factories import ResourceFactory, SocialPlaceFactory
from wijkteam import exports
from wijkteam.constants import ExportStatus, Role
from wijkteam.models import ExportJob

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr("wijkteam.tasks.render_export.delay", calls.append)
    return calls


@pytest.fixture
def buurt(areas, team, other_team):
    """Afrikaanderwijk, served by the team, with its and another team's data."""
    bu1 = areas["bu1"]
    bu1.teams.add(team)
    SocialPlaceFactory(
        team=team, area=bu1, name="Huis van de Wijk Afrikaander", offer="Taalcafé"
    )
    ResourceFactory(team=team, area=bu1, title="Sterke moskeegemeenschap")
    SocialPlaceFactory(team=other_team, area=bu1, name="Geheim van Elders")
    person = PersonFactory(team=team, buurt=bu1)
    QuestionFactory.create_batch(
        6, team=team, person=person, domains=[ZrmDomain.FINANCIEN.value]
    )
    QuestionFactory.create_batch(
        2, team=team, person=person, domains=[ZrmDomain.HUISVESTING.value]
    )
    elsewhere = PersonFactory(team=other_team, buurt=bu1)
    QuestionFactory.create_batch(9, team=other_team, person=elsewhere)
    return bu1


def start_url(area):
    return reverse("export_start", args=[KIND, area.pk])


def job_for(area, team, user) -> ExportJob:
    return ExportJob.objects.create(
        team=team,
        requested_by=user,
        kind=KIND,
        object_id=area.pk,
        title=f"Gebiedsanalyse {area.name}",
    )


def text_of(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_area_page_has_the_button(login, member, team, buurt):
    body = login(member(Role.KWARTIERMAKER, team)).get(
        reverse("gebiedsanalyse:area_detail", args=[buurt.code])
    )
    assert start_url(buurt) in body.content.decode()


def test_start_anonymous_goes_to_login(client, buurt):
    response = client.post(start_url(buurt))
    assert response["Location"].startswith(reverse("login"))


def test_start_get_is_405(login, member, team, buurt):
    assert (
        login(member(Role.KWARTIERMAKER, team)).get(start_url(buurt)).status_code == 405
    )


def test_start_unknown_area_is_404(login, member, team, buurt):
    url = reverse("export_start", args=[KIND, 999999])
    assert login(member(Role.KWARTIERMAKER, team)).post(url).status_code == 404
    assert not ExportJob.objects.exists()


def test_start_queues_a_job_for_the_current_team(
    login, member, team, buurt, sent, django_capture_on_commit_callbacks
):
    user = member(Role.KWARTIERMAKER, team)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(user).post(start_url(buurt), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    job = ExportJob.objects.get()
    assert (job.team, job.requested_by, job.kind) == (team, user, KIND)
    assert job.title == "Gebiedsanalyse Afrikaanderwijk"
    assert sent == [job.pk]
    assert "hx-get" in response.content.decode()  # polls until done


def test_another_teams_job_is_404(login, member, team, other_team, buurt):
    job = job_for(buurt, team, member(Role.KWARTIERMAKER, team))
    exports.export_render(job_id=job.pk)
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert client.get(reverse("export_status", args=[job.pk])).status_code == 404
    assert client.get(reverse("export_download", args=[job.pk])).status_code == 404


def test_context_has_only_the_teams_data_suppressed(member, team, buurt):
    job = job_for(buurt, team, member(Role.KWARTIERMAKER, team))
    context = build_context(buurt.pk, None, job=job)
    assert [p.name for p in context["places"]] == ["Huis van de Wijk Afrikaander"]
    assert [r.title for r in context["resources"]] == ["Sterke moskeegemeenschap"]
    by_domain = context["team_tables"][0]
    (label, cells) = by_domain.rows[0]
    assert label == "Afrikaanderwijk"
    columns = dict(zip(by_domain.columns, cells, strict=True))
    assert columns["Alle vragen"] == "8"  # not the other team's 9
    assert columns[ZrmDomain.FINANCIEN.label] == "6"
    assert columns[ZrmDomain.HUISVESTING.label] == "< 5"
    assert [c.name for c in context["page"]["columns"]] == [
        "Afrikaanderwijk",
        "Rotterdam",
        "Nederland",
    ]


def test_context_without_the_right_has_no_team_figures(member, team, buurt):
    job = job_for(buurt, team, member(Role.BALIE, team))
    context = build_context(buurt.pk, None, job=job)
    assert context["team_tables"] == []
    assert context["places"]  # the sociale kaart is not casework


def test_area_outside_the_werkgebied_has_no_team_figures(member, team, areas):
    job = job_for(areas["bu2"], team, member(Role.KWARTIERMAKER, team))
    assert build_context(areas["bu2"].pk, None, job=job)["team_tables"] == []


def test_pdf_text(login, member, team, buurt):
    user = member(Role.KWARTIERMAKER, team)
    job = job_for(buurt, team, user)
    assert exports.export_render(job_id=job.pk) == ExportStatus.DONE
    response = login(user).get(reverse("export_download", args=[job.pk]))
    assert response.status_code == 200
    text = text_of(b"".join(response.streaming_content))
    for expected in [
        "Gebiedsanalyse Afrikaanderwijk",
        "Kerncijfers 2024",
        "Rotterdam",
        "Nederland",
        "9.280",  # inwoners 2024, Dutch thousands separator
        "9.100",  # inwoners 2019: the trend table
        "Ontwikkeling over de jaren",
        "Huis van de Wijk Afrikaander",
        "Taalcafé",
        "Sterke moskeegemeenschap",
        "Cijfers uit het eigen werk",
        "< 5",
        "pagina 1 van",
    ]:
        assert expected in text, expected
    assert "Geheim van Elders" not in text
