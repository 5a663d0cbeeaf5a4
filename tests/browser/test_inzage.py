"""A beheerder handles an inzageverzoek: finds the resident by BSN, has the PDF
made by a real Celery worker and downloads it; the pages pass axe."""

import io

import pypdf
import pytest

from cases.tests.factories import PersonFactory, QuestionFactory
from tests.browser.axe import assert_accessible
from tests.browser.menu import open_menu
from tests.browser.test_security_flows import PASSWORD, log_in
from wijkteam.constants import Role
from wijkteam.tests.factories import MembershipFactory, TeamFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_beheerder_makes_and_downloads_an_inzage_pdf(page, celery_worker):
    team = TeamFactory(name="Wijkteam Noord")
    user = UserFactory(username="beheer")
    MembershipFactory(user=user, team=team, role=Role.BEHEERDER)
    person = PersonFactory(
        team=team, first_name="Wubbo", last_name="Ockels", bsn="111222333"
    )
    QuestionFactory(team=team, person=person, text="Vraag over de huurtoeslag")

    log_in(page, "beheer", PASSWORD)
    open_menu(page, "Inzageverzoek")
    page.get_by_role("heading", name="Inzageverzoek (AVG artikel 15)").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("precies één persoon").wait_for()  # nothing filled in
    page.get_by_label("BSN").fill("111222333")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("cell", name="Wubbo Ockels", exact=True).wait_for()
    assert_accessible(page)

    page.get_by_role("button", name="Maak inzage-PDF van Wubbo Ockels").click()
    link = page.get_by_role("link", name="PDF downloaden").first
    link.wait_for(timeout=60_000)
    assert_accessible(page)
    with page.expect_download() as info:
        link.click()
    with open(info.value.path(), "rb") as handle:
        reader = pypdf.PdfReader(io.BytesIO(handle.read()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Vraag over de huurtoeslag" in text
