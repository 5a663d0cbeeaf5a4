"""Kwartiermaken never shows another team's documents.

Two teams work on the same wijk (same area code). Team B's documents have
distinctive titles ("...-Zuid") and are newer, so a query that forgets the team
would pick them: in the lists, on the home page and as the bijlage of the PDF.
"""

import io

from django.urls import reverse

import pypdf
import pytest

from bouwstenen.exports import EXPORT_KIND, build_context
from bouwstenen.tests.factories import DocumentFactory, ExportJobFactory
from wijkteam.pdf import render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(team, other_team):
    a_start = DocumentFactory(
        team=team, title="Startdocument Feijenoord-Noord", vastgesteld=True
    )
    a_plan = DocumentFactory(team=team, plan=True, title="Plan Feijenoord-Noord")
    DocumentFactory(
        team=other_team, title="Startdocument Feijenoord-Zuid", vastgesteld=True
    )
    DocumentFactory(team=other_team, plan=True, title="Plan Feijenoord-Zuid")
    return {"start": a_start, "plan": a_plan}


@pytest.mark.parametrize(
    "url_name", ["bouwstenen:startdocument_list", "bouwstenen:plan_list", "home"]
)
def test_lists_and_home_show_only_own_team(login, kwartiermaker, world, url_name):
    body = login(kwartiermaker).get(reverse(url_name)).content.decode()
    assert "Feijenoord-Noord" in body, url_name
    assert "Feijenoord-Zuid" not in body, url_name


def test_plan_pdf_takes_the_bijlage_from_its_own_team(world):
    data = render_pdf(EXPORT_KIND.template, build_context(world["plan"].pk, 1))
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Plan Feijenoord-Noord" in text
    assert "Startdocument Feijenoord-Noord" in text
    assert "Feijenoord-Zuid" not in text


def test_document_page_lists_only_its_own_exports(
    login, kwartiermaker, world, other_team
):
    ExportJobFactory(document=world["start"], title="Export-Noord")
    elsewhere = DocumentFactory(team=other_team, title="Elders")
    ExportJobFactory(document=elsewhere, title="Export-Zuid")
    url = reverse("bouwstenen:document_detail", args=[world["start"].pk])
    body = login(kwartiermaker).get(url).content.decode()
    assert "Export-Noord" in body and "Export-Zuid" not in body
