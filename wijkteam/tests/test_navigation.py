"""The main menu's groups: one order for every role, only the groups with a page the
role may open, and the group of the current page marked, detail pages included."""

from django.test import RequestFactory
from django.urls import resolve, reverse

import pytest

from wijkteam.constants import Role
from wijkteam.navigation import groups_for
from wijkteam.registry import MENU_GROUPS, MenuEntry


def menu(user, team, path):
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    return groups_for(user, team, request)


def labels(groups):
    return {
        group["label"]: [item["label"] for item in group["items"]] for group in groups
    }


@pytest.mark.parametrize("role", Role.values)
def test_every_role_sees_its_groups_in_the_one_order(member, team, role):
    groups = menu(member(role, team), team, reverse("home"))
    shown = [group["label"] for group in groups]
    assert shown == [label for label in MENU_GROUPS if label in shown]
    assert all(group["items"] for group in groups)  # no empty group
    assert not any(group["current"] for group in groups)  # home is in no group


def test_the_teamleider_has_teamcijfers_and_hulpbronnen_under_gebied(member, team):
    groups = labels(menu(member(Role.TEAMLEIDER, team), team, reverse("home")))
    assert groups["Gebied"] == [
        "Gebieden",
        "Teamcijfers",
        "Sociale kaart",
        "Hulpbronnen",
        "Wijkanalyse",
    ]
    assert groups["Casussen"] == ["Werkbak", "Casussen", "Toekenningen"]


def test_the_balie_sees_hulpbronnen_but_not_the_teamcijfers(member, team):
    groups = labels(menu(member(Role.BALIE, team), team, reverse("home")))
    assert "Hulpbronnen" in groups["Gebied"]
    assert "Teamcijfers" not in groups["Gebied"]
    assert "Casussen" not in groups


def test_the_page_itself_is_current_page(member, team):
    path = reverse("gebiedsanalyse:team_figures")
    groups = menu(member(Role.WIJKTEAMLID, team), team, path)
    [current] = [group for group in groups if group["current"]]
    assert current["label"] == "Gebied"
    marked = [item for item in current["items"] if item["current"]]
    assert [(item["label"], item["current"]) for item in marked] == [
        ("Teamcijfers", "page")
    ]


def test_a_casus_page_marks_casussen_as_its_section(member, team):
    path = reverse("cases:plan", kwargs={"pk": 12})
    groups = menu(member(Role.WIJKTEAMLID, team), team, path)
    [current] = [group for group in groups if group["current"]]
    assert current["label"] == "Casussen"
    assert [item["current"] for item in current["items"]] == ["true", ""]


def test_a_kwartiermaken_document_marks_its_group(member, team):
    path = reverse("bouwstenen:document_detail", kwargs={"pk": 3})
    groups = menu(member(Role.KWARTIERMAKER, team), team, path)
    assert [group["label"] for group in groups if group["current"]] == ["Kwartiermaken"]


def test_an_entry_without_group_lands_in_beheer_and_a_typo_fails():
    assert MenuEntry("Nieuw", "home", "beheer", 200).group == "Beheer"
    with pytest.raises(ValueError, match="unknown menu group"):
        MenuEntry("Nieuw", "home", "beheer", 200, group="Gebieden")
