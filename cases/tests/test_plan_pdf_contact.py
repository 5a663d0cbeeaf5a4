"""The resident's plan PDF says whom to call and how, and uses the page's words.

Through the export registry, so the test does not depend on where the kind's
Python lives."""

import io
import re

import pypdf
import pytest

from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
from wijkteam.exports import get_kind
from wijkteam.pdf import render_pdf

pytestmark = pytest.mark.django_db

KIND = get_kind("casus-plan")


@pytest.fixture
def case(team, lid):
    team.location_name = "Informatiepunt Noord"
    team.street = "Oranjeboomstraat 12"
    team.postcode = "3071 SH"
    team.phone = "010 123 45 01"
    team.email = "noord@wijkteam.example"
    team.save()
    case = CaseFactory(team=team, regievoerder=lid, in_progress=True)
    HouseholdMemberFactory(household=case.household)
    goal = PlanGoalFactory(plan__case=case, text="Ik wil rust in mijn hoofd.")
    # A long action squeezes the other columns, where a header would hyphenate.
    PlanActionFactory(
        goal=goal,
        what="Samen alle post van de afgelopen maanden doorlopen en sorteren " * 3,
        who_name="Zus Amina",
    )
    return case


def text_of(case) -> str:
    data = render_pdf(KIND.template, KIND.build_context(case.pk, 1))
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_closing_names_the_regievoerder_and_the_informatiepunt(case):
    text = text_of(case)
    assert "Bel of mail uw contactpersoon." not in text
    assert (
        "Bel of mail het informatiepunt en vraag naar uw contactpersoon "
        "Youssef El Amrani." in text
    )
    for expected in [
        "Informatiepunt Noord",
        "Oranjeboomstraat 12",
        "3071 SH Rotterdam",
        "Telefoon 010 123 45 01",
        "E-mail noord@wijkteam.example",
        "Open Ma t/m vr 9.00–17.00 uur",
    ]:
        assert expected in text, expected


def test_closing_without_phone_or_email_invites_to_come_by(case):
    case.team.phone = case.team.email = ""
    case.team.save()
    case.regievoerder = None
    case.save()
    text = text_of(case)
    assert "Kom langs bij het informatiepunt en vraag naar uw contactpersoon." in text
    assert "Telefoon" not in text and "E-mail" not in text


def test_actions_header_is_the_pages_word_and_not_hyphenated(case):
    text = text_of(case)
    assert "Wat Wie Uiterlijk Gedaan" in text
    assert "Klaar op" not in text
    # pypdf gives a hyphenated word as "Ge‐ daan" (U+2010)
    assert not re.search(r"Ge[-\u2010\u00ad]\s*daan|Uiter[-\u2010\u00ad]\s*lijk", text)
