"""After a refused submit the keyboard lands on the first field in error, not on the
form's autofocus field, and the error summary is still there."""

from django.core.management import call_command

import pytest

from tests.browser.axe import assert_accessible
from tests.browser.test_intake_flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_refused_question_focuses_the_first_field_in_error(page):
    call_command("demo_data", force=True)
    log_in(page, "balie")
    page.goto("/intake/nieuw/")
    page.get_by_role("heading", name="Nieuwe vraag").wait_for()
    assert page.evaluate("document.activeElement.name") == "first_name"  # autofocus
    page.get_by_label("Voornaam", exact=True).fill("Priya")
    page.get_by_role("button", name="Vraag registreren").click()

    page.get_by_role("alert").filter(has_text="nog niet opgeslagen").wait_for()
    focused = page.evaluate(
        """() => {
            const el = document.activeElement;
            const first = [...document.querySelectorAll(
                "input.is-invalid, select.is-invalid, textarea.is-invalid"
            )].find((f) => f.getClientRects().length);
            return {name: el.name, first: first && first.name,
                    invalid: el.classList.contains("is-invalid")};
        }"""
    )
    assert focused["invalid"], focused
    # the question text is the first required field left empty
    assert focused["name"] == focused["first"] == "text", focused
    assert page.get_by_label("Voornaam", exact=True).input_value() == "Priya"
    assert_accessible(page)
