"""The PDF itself: text extraction shows every section with its answers."""

import io

import pypdf
import pytest

from bouwstenen.exports import EXPORT_KIND, build_context
from bouwstenen.models import KeyQuestion, Section
from bouwstenen.tests.factories import DocumentFactory
from wijkteam import pdf as pdf_module
from wijkteam.pdf import render_pdf

HOSTILE = (
    'Zie <img src="file:///etc/passwd"> en <link rel="stylesheet" '
    'href="http://example.com/x.css"> http://example.com/track.png'
)


def text_of(data: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


@pytest.fixture
def answered(team, kwartiermaker):
    def answers_for(kind):
        result = {}
        for q in KeyQuestion.objects.filter(section__document_kind=kind):
            choices = [c.code for c in q.choices.all()][:1]
            result[q.code] = (f"Antwoord-{kind[:5]}-{q.code}", choices)
        return result

    start = DocumentFactory(
        team=team,
        title="Startdocument Noord",
        answers={**answers_for("startdocument"), "teamsamenstelling": (HOSTILE, [])},
        vastgesteld=True,
    )
    plan = DocumentFactory(
        team=team, plan=True, title="Plan Noord", answers=answers_for("plan_van_aanpak")
    )
    return start, plan


def test_plan_pdf_has_every_section_answer_and_page_numbers(answered, monkeypatch):
    start, plan = answered
    fetched = []
    original = pdf_module.StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(pdf_module.StaticOnlyFetcher, "fetch", spy)
    data = render_pdf(EXPORT_KIND.template, build_context(plan.pk, 1))
    text, pages = text_of(data)
    flat = " ".join(text.split())
    assert data.startswith(b"%PDF")
    assert pages >= 10
    assert "pagina 1 van" in flat
    assert f"pagina {pages} van {pages}" in flat
    assert "Inhoud" in flat
    assert "Gemeente Rotterdam" in flat
    assert "Plan Noord" in flat and "Startdocument Noord" in flat
    for section in Section.objects.all():
        assert f"{section.number}. {section.title}" in flat, section
    for question in KeyQuestion.objects.exclude(code="teamsamenstelling"):
        kind = question.section.document_kind[:5]
        assert f"Antwoord-{kind}-{question.code}" in flat, question.code
    # user text is text: the hostile note is printed, never fetched
    assert '<img src="file:///etc/passwd">' in flat
    assert "http://example.com/track.png" in flat
    assert "Gebiedsanalyse nog niet beschikbaar" in flat
    assert fetched and all(
        u.startswith("https://wijkteam.invalid/static/") for u in fetched
    )


def test_startdocument_pdf_cover_and_footer_show_version_and_status(answered):
    start, _ = answered
    data = render_pdf(EXPORT_KIND.template, build_context(start.pk, 1))
    text, pages = text_of(data)
    flat = " ".join(text.split())
    assert "Vastgesteld, vastgesteld door" in flat
    assert f"{start.team.name} · versie 1, Vastgesteld pagina 2 van {pages}" in flat
    assert "Plan Noord" not in flat  # a startdocument has no bijlage
    for section in Section.objects.filter(document_kind="startdocument"):
        assert f"{section.number}. {section.title}" in flat
