"""The gebiedsanalyse as PDF: start from the area page, access, context, PDF text."""

import io

from django.urls import reverse

import pypdf
import pytest

from cases.intake.constants import ZrmDomain
from cases.tests.factories import PersonFactory, QuestionFactory
from gebiedsanalyse.exports import KIND, KIND_WITHOUT_TEAM_FIGURES, build_context
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
    assert client.get(reverse("export_status", args=[job.token])).status_code == 404
    assert client.get(reverse("export_download", args=[job.token])).status_code == 404


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
    response = login(user).get(reverse("export_download", args=[job.token]))
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


def test_wijk_context_has_the_teams_data_of_its_buurten(member, team, buurt, areas):
    wijk = areas["wk"]
    job = job_for(wijk, team, member(Role.KWARTIERMAKER, team))
    context = build_context(wijk.pk, None, job=job)
    assert [p.name for p in context["places"]] == ["Huis van de Wijk Afrikaander"]
    assert [r.title for r in context["resources"]] == ["Sterke moskeegemeenschap"]


# --- who may fetch the file: the permission of the data it holds ----------


@pytest.mark.parametrize("role", [Role.BALIE, Role.BEHEERDER])
def test_roles_without_team_figures_cannot_reach_a_teamleiders_pdf(
    login, member, team, buurt, role
):
    """The teamleider's PDF holds the team figures per buurt: balie and beheerder,
    who get 403 on those figures, get 403 on its status, download and retry too."""
    job = job_for(buurt, team, member(Role.TEAMLEIDER, team))
    assert exports.export_render(job_id=job.pk) == ExportStatus.DONE
    client = login(member(role, team))
    assert client.get(reverse("gebiedsanalyse:team_figures")).status_code == 403
    assert client.get(reverse("export_download", args=[job.token])).status_code == 403
    assert client.get(reverse("export_status", args=[job.token])).status_code == 403
    assert client.post(reverse("export_retry", args=[job.token])).status_code == 403


def test_the_teamleider_downloads_the_pdf_with_team_figures(login, member, team, buurt):
    user = member(Role.TEAMLEIDER, team)
    job = job_for(buurt, team, user)
    assert exports.export_render(job_id=job.pk) == ExportStatus.DONE
    response = login(user).get(reverse("export_download", args=[job.token]))
    assert response.status_code == 200
    assert "Aantallen onder de 5" in text_of(b"".join(response.streaming_content))


@pytest.mark.parametrize("role", [Role.BALIE, Role.BEHEERDER])
def test_the_desk_gets_the_pdf_without_team_figures(
    login, member, team, buurt, role, sent, django_capture_on_commit_callbacks
):
    """The area page offers them the kind without team figures; the kind with them
    is refused at the start."""
    client = login(member(role, team))
    page = client.get(reverse("gebiedsanalyse:area_detail", args=[buurt.code]))
    plain = reverse("export_start", args=[KIND_WITHOUT_TEAM_FIGURES, buurt.pk])
    assert plain in page.content.decode()
    assert start_url(buurt) not in page.content.decode()
    assert client.post(start_url(buurt)).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(plain).status_code == 302
    job = ExportJob.objects.get()
    assert job.kind == KIND_WITHOUT_TEAM_FIGURES
    assert exports.export_render(job_id=job.pk) == ExportStatus.DONE
    response = client.get(reverse("export_download", args=[job.token]))
    assert response.status_code == 200
    text = text_of(b"".join(response.streaming_content))
    assert "Huis van de Wijk Afrikaander" in text
    assert "Aantallen onder de 5" not in text


def test_export_urls_carry_the_token_not_the_sequential_id(member, team, buurt):
    job = job_for(buurt, team, member(Role.TEAMLEIDER, team))
    for name in ["export_status", "export_download", "export_retry"]:
        url = reverse(name, args=[job.token])
        assert str(job.token) in url
        assert f"/{job.pk}/" not in url
