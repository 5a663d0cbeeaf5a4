import io

from django.urls import reverse

import pypdf

from bouwstenen.exports import EXPORT_KIND, build_context
from bouwstenen.reads import area_figures
from bouwstenen.tests.factories import DocumentFactory
from gebiedsanalyse.tests.factories import AreaFactory, AreaFigureFactory
from wijkteam.pdf import render_pdf


def test_no_area_means_no_figures(db):
    assert area_figures("WK999999") is None


def test_area_without_figures_means_no_figures(db):
    AreaFactory(code="WK059910", name="Feijenoord", wijk=True)
    assert area_figures("WK059910") is None


def test_figures_of_the_area(db):
    area = AreaFactory(code="WK059910", name="Feijenoord", wijk=True)
    AreaFigureFactory(area=area, indicator="inwoners", value=79440)
    AreaFigureFactory(area=area, indicator="vrouwen", value=40120)
    figures = area_figures("WK059910")
    assert figures.title == "Kerncijfers Feijenoord, CBS 2024"
    assert ("Inwoners", "79.440") in figures.rows
    assert ("Vrouwen", "40.120 (50,5%)") in figures.rows


def test_opgave_page_shows_the_figures(login, kwartiermaker, team):
    area = AreaFactory(code="WK059910", name="Feijenoord", wijk=True)
    AreaFigureFactory(area=area, indicator="inwoners", value=79440)
    document = DocumentFactory(team=team, area_code="WK059910")
    url = reverse("bouwstenen:section_edit", args=[document.pk, 1])
    body = login(kwartiermaker).get(url).content.decode()
    assert "Kerncijfers Feijenoord, CBS 2024" in body
    assert "79.440" in body
    assert "Gebiedsanalyse nog niet beschikbaar" not in body


def test_pdf_shows_the_figures_in_the_opgave(team):
    area = AreaFactory(code="WK059910", name="Feijenoord", wijk=True)
    AreaFigureFactory(area=area, indicator="inwoners", value=79440)
    document = DocumentFactory(team=team, area_code="WK059910")
    data = render_pdf(EXPORT_KIND.template, build_context(document.pk, 1))
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Kerncijfers Feijenoord, CBS 2024" in text
    assert "79.440" in text
    assert "Gebiedsanalyse nog niet beschikbaar" not in text
