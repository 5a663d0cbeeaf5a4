"""A plan van aanpak's PDF names its own version and its bijlage's: on the button,
the job and the cover; the bijlage is the one named when the job was asked for."""

import io
import re

from django.urls import reverse

import pypdf
import pytest

from bouwstenen import services
from bouwstenen.constants import VersionStatus
from bouwstenen.exports import EXPORT_KIND, bijlage_version, build_context
from bouwstenen.tests.factories import DocumentFactory
from wijkteam.exports import export_render
from wijkteam.models import ExportJob
from wijkteam.pdf import render_pdf


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr("wijkteam.tasks.render_export.delay", calls.append)
    return calls


def pages_of(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def vaststellen(version, user):
    for status in (VersionStatus.TER_BESPREKING, VersionStatus.VASTGESTELD):
        services.version_change_status(version=version, to_status=status, user=user)


@pytest.fixture
def start(team, kwartiermaker):
    """Versie 1 and 2 vastgesteld, versie 3 in concept: the PDF takes versie 2."""
    document = DocumentFactory(
        team=team,
        created_by=kwartiermaker,
        title="Startdocument Noord",
        vastgesteld=True,
    )
    vaststellen(
        services.version_start_new(document=document, user=kwartiermaker),
        kwartiermaker,
    )
    services.version_start_new(document=document, user=kwartiermaker)
    return document


@pytest.fixture
def plan(team, kwartiermaker, start):
    return DocumentFactory(
        team=team, created_by=kwartiermaker, plan=True, title="Plan van aanpak Noord"
    )


def test_page_and_button_name_both_versions(login, kwartiermaker, plan, start):
    body = login(kwartiermaker).get(
        reverse("bouwstenen:document_detail", args=[plan.pk])
    )
    text = " ".join(body.content.decode().split())
    assert "Exporteer als PDF (plan versie 1, startdocument versie 2)</button>" in text
    assert "als bijlage versie 2 (vastgesteld) van het startdocument" in text
    assert reverse("bouwstenen:document_detail", args=[start.pk]) in text


def test_page_says_when_there_is_no_startdocument(login, kwartiermaker, team):
    lone = DocumentFactory(team=team, created_by=kwartiermaker, plan=True)
    body = login(kwartiermaker).get(
        reverse("bouwstenen:document_detail", args=[lone.pk])
    )
    text = " ".join(body.content.decode().split())
    assert "Exporteer als PDF (plan versie 1, zonder startdocument)" in text
    assert "zonder bijlage" in text


def test_startdocument_button_names_its_version(login, kwartiermaker, start):
    body = login(kwartiermaker).get(
        reverse("bouwstenen:document_detail", args=[start.pk])
    )
    assert "Exporteer als PDF (versie 3)" in body.content.decode()


def test_job_names_both_versions(login, kwartiermaker, plan):
    client = login(kwartiermaker)
    client.post(reverse("export_start", args=[EXPORT_KIND.name, plan.pk]))
    job = ExportJob.objects.get()
    assert job.version == 1
    assert job.title == "Plan van aanpak Noord (bijlage: startdocument versie 2)"
    status = client.get(reverse("export_status", args=[job.token])).content.decode()
    assert "Plan van aanpak Noord (bijlage: startdocument versie 2)</strong>" in status


def test_cover_toc_and_running_footer_name_each_parts_version(plan, start, team):
    pages = pages_of(render_pdf(EXPORT_KIND.template, build_context(plan.pk, 1)))
    cover, toc = pages[0], pages[1]
    assert "Plan van aanpak versie 1 met als bijlage startdocument versie 2" in cover
    assert "Versie 1 Status Concept" in cover
    assert "Bijlage Startdocument Noord, versie 2, vastgesteld op" in cover
    # the kind is not said twice when the title starts with it
    assert "Plan van aanpak — Plan van aanpak" not in " ".join(pages)
    assert "Plan van aanpak Noord, versie 1" in toc
    assert "Bijlage: Startdocument Noord, versie 2" in toc
    first_bijlage = next(
        i for i, p in enumerate(pages) if "Bijlage: Startdocument" in p and i > 1
    )
    assert f"{team.name} · versie 1, Concept" in pages[first_bijlage - 1]
    for page in pages[first_bijlage:]:
        assert f"{team.name} · versie 2, Vastgesteld" in page
        assert "Bijlage: Startdocument Noord Gemeente Rotterdam" in page  # header


def test_the_worker_attaches_the_version_the_job_named(login, kwartiermaker, plan):
    login(kwartiermaker).post(reverse("export_start", args=[EXPORT_KIND.name, plan.pk]))
    job = ExportJob.objects.get()
    # versie 3 is vastgesteld while the job waits in the queue
    start = bijlage_version(plan).document
    vaststellen(start.versions.get(number=3), kwartiermaker)
    assert bijlage_version(plan).number == 3
    assert export_render(job_id=job.pk) == "done"
    job.refresh_from_db()
    with job.file.open("rb") as handle:
        cover = pages_of(handle.read())[0]
    assert "met als bijlage startdocument versie 2" in cover
    assert re.search(r"Bijlage Startdocument Noord, versie 2\b", cover)
