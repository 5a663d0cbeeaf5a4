"""The gebiedsanalyse PDF fits its page: a table wider than A4 is printed in parts,
each with the buurt column, and no text lies beyond the page's right edge."""

from django.template.loader import render_to_string
from django.utils.html import escape

import pytest
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from cases.figures.reads import Table
from cases.intake.constants import ZrmDomain
from cases.tests.factories import PersonFactory, QuestionFactory
from gebiedsanalyse.exports import EXPORT_KIND, KIND, build_context, split_columns
from wijkteam.constants import Role
from wijkteam.models import ExportJob
from wijkteam.pdf import BASE_URL, StaticOnlyFetcher

pytestmark = pytest.mark.django_db


def overflowing_text(html: str) -> list[tuple[int, str]]:
    """(page, text) of every piece of text WeasyPrint lays out beyond the right
    edge of the page's content area: what a reader of the PDF would never see.
    Reads WeasyPrint's layout boxes, which are exact where PDF text is not."""
    document = HTML(
        string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()
    ).render()
    found = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        right = page_box.margin_width() - page_box.margin_right
        for child in page_box.children:
            if isinstance(child, boxes.MarginBox):  # running header and footer
                continue
            for box in child.descendants():
                if (
                    isinstance(box, boxes.TextBox)
                    and box.position_x + box.width > right + 0.5
                ):
                    found.append((number, box.text))
    return found


@pytest.fixture
def wijk(areas, team, member):
    """A wijk with two of the team's buurten and questions in every leefgebied."""
    wijk = areas["wk"]
    for buurt in wijk.children.all()[:2]:
        buurt.teams.add(team)
        person = PersonFactory(team=team, buurt=buurt)
        for domain in ZrmDomain:
            QuestionFactory(team=team, person=person, domains=[domain.value])
    return wijk


def test_wide_team_tables_are_split_and_fit_the_page(wijk, team, member):
    job = ExportJob(
        team=team,
        requested_by=member(Role.KWARTIERMAKER, team),
        kind=KIND,
        object_id=wijk.pk,
    )
    context = build_context(wijk.pk, None, job=job)
    captions = [t.caption for t in context["team_tables"]]
    assert "Vragen per buurt en leefgebied (deel 1 van 3)" in captions
    assert "Vragen per buurt en leefgebied (deel 3 van 3)" in captions
    html = render_to_string(EXPORT_KIND.template, context)
    for domain in ZrmDomain:
        assert html.count(f">{escape(domain.label)}</th>") >= 2, domain  # 2 tables
    assert overflowing_text(html) == []


def test_split_columns_keeps_the_rows_and_balances_the_parts():
    table = Table(
        caption="Breed",
        columns=[f"k{i}" for i in range(13)],
        rows=[("Afrikaanderwijk", [str(i) for i in range(13)])],
    )
    parts = split_columns(table)
    assert [len(p.columns) for p in parts] == [5, 5, 3]
    assert [p.caption for p in parts] == [
        "Breed (deel 1 van 3)",
        "Breed (deel 2 van 3)",
        "Breed (deel 3 van 3)",
    ]
    assert [p.rows[0][0] for p in parts] == ["Afrikaanderwijk"] * 3
    assert sum((p.rows[0][1] for p in parts), []) == table.rows[0][1]
    narrow = Table(caption="Smal", columns=["a", "b"], rows=[("x", ["1", "2"])])
    assert split_columns(narrow) == [narrow]
