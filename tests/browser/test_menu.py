"""The main menu for every demo role: its groups in one order and on one row at
1280 px, the group of the current page marked, opened and closed by keyboard, and
behind the "Menu tonen" button on a tablet held upright (768 px); axe on each.

With MENU_SCREENSHOTS=<folder> it saves <role>-1280.png and <role>-768.png there."""

import os
from pathlib import Path

from django.core.management import call_command

import pytest

from tests.browser.axe import assert_accessible
from wijkteam.registry import MENU_GROUPS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ["balie", "wijkteamlid", "teamleider", "kwartiermaker", "beheerder"]
SHOTS = os.environ.get("MENU_SCREENSHOTS")


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Uitloggen").wait_for()


def shoot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def groups_shown(nav) -> list[str]:
    return nav.locator("[data-menu-group]").evaluate_all(
        "items => items.map(item => item.dataset.menuGroup)"
    )


def check_wide(page, role):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    shown = groups_shown(nav)
    assert shown, role
    assert shown == [group for group in MENU_GROUPS if group in shown], role
    # One row: every top-level entry on the same line, and the bar no higher than
    # one line of links (the 11 links of a teamleider used to take three rows).
    tops = nav.locator(".navbar-nav > .nav-item").evaluate_all(
        "items => items.map(item => item.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1, (role, tops)
    assert nav.bounding_box()["height"] <= 64, role
    assert_accessible(page)

    # Keyboard: on the first group with a list, Enter opens it, Tab goes into it,
    # Escape closes it and gives the focus back, Enter on a link follows it.
    group = nav.locator("li.dropdown").first
    label = group.get_attribute("data-menu-group")
    button = group.locator("button.dropdown-toggle")
    first_link = group.locator(".dropdown-item").first
    target = first_link.get_attribute("href")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert first_link.is_visible()
    page.keyboard.press("Tab")
    assert first_link.evaluate("link => link === document.activeElement")
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not first_link.is_visible()
    assert button.evaluate("button => button === document.activeElement")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(target)

    # The page's group is marked: the link inside it says it is the current page,
    # the group's button shows it (underlined, bold) and says so to a screen reader.
    group = nav.locator(f'li[data-menu-group="{label}"]')
    button = group.locator("button.dropdown-toggle")
    assert group.locator('[aria-current="page"]').get_attribute("href") == target
    assert "active" in button.get_attribute("class")
    assert "hier bent u" in button.inner_text()
    assert nav.locator("[aria-current]").count() == 1
    assert_accessible(page)
    button.click()
    shoot(page, f"{role}-1280")
    page.keyboard.press("Escape")


def check_tablet(page, role):
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto("/")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    toggler = nav.get_by_role("button", name="Menu tonen")
    first = nav.locator("[data-menu-group]").first
    assert toggler.is_visible()
    assert not first.is_visible()
    toggler.click()
    assert toggler.get_attribute("aria-expanded") == "true"
    page.locator("#hoofdmenu.show:not(.collapsing)").wait_for()  # opened fully
    entries = nav.locator("[data-menu-group]")
    entries.last.wait_for()
    # One list, one entry under the other.
    lefts = entries.evaluate_all(
        "items => items.map(item => item.getBoundingClientRect().left)"
    )
    assert len(set(lefts)) == 1, (role, lefts)
    for index in range(entries.count()):
        assert entries.nth(index).is_visible()
    group = nav.locator("li.dropdown").first
    group.locator("button.dropdown-toggle").click()
    group.locator(".dropdown-item").last.wait_for()
    assert_accessible(page)
    shoot(page, f"{role}-768")


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_of_each_role(page, role):
    call_command("demo_data", force=True)
    log_in(page, role)
    check_wide(page, role)
    check_tablet(page, role)


def test_a_casus_page_marks_its_group(page):
    call_command("demo_data", force=True)
    log_in(page, "wijkteamlid")
    page.goto("/casussen/")
    page.locator("main").get_by_role("link", name="Huishouden de Jong").click()
    page.get_by_role("heading", name="Huishouden de Jong", exact=False).wait_for()
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    group = nav.locator('li[data-menu-group="Casussen"]')
    assert group.get_by_role("button").get_attribute("class").count("active") == 1
    link = group.get_by_role("link", name="Casussen", exact=True, include_hidden=True)
    assert link.get_attribute("aria-current") == "true"
    assert_accessible(page)
