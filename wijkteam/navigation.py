"""The menu: every app's entries (`menu` on its AppConfig, wijkteam/registry.py),
filtered by what the user's role in the current team allows, in the groups of
`MENU_GROUPS` (one order for every role; a group without entries is left out)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from wijkteam.access import can
from wijkteam.registry import MENU_GROUPS, menu_entries


def items_for(user, team) -> list[dict]:
    result = []
    for item in menu_entries():
        if not can(user, item.permission, team):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        result.append(
            {
                "label": item.label,
                "url": url,
                "name": item.url_name,
                "group": item.group,
            }
        )
    return result


def groups_for(user, team, request) -> list[dict]:
    """[{label, id, items, current}] with at most one item marked `current`:
    "page" when the page is the entry's own, "true" when the page lies in the
    entry's section (a casus under Casussen), so its group shows where you are."""
    items = items_for(user, team)
    current = _current_item(items, request)
    section = current["group"] if current else _namespace_group(items, request)
    groups = []
    for number, label in enumerate(MENU_GROUPS, start=1):
        members = [
            {**item, "current": _mark(item, current, request)}
            for item in items
            if item["group"] == label
        ]
        if members:
            groups.append(
                {
                    "label": label,
                    "id": f"menu-groep-{number}",
                    "items": members,
                    "current": label == section,
                }
            )
    return groups


def _current_item(items: list[dict], request) -> dict | None:
    """The entry of the current page by its view name; else the entry whose URL is
    the longest start of the page's path (casussen/12/plan/ → casussen/)."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else None
    for item in items:
        if item["name"] == view_name:
            return item
    inside = [item for item in items if request.path.startswith(item["url"])]
    return max(inside, key=lambda item: len(item["url"]), default=None)


def _mark(item: dict, current: dict | None, request) -> str:
    if item is not current:
        return ""
    return "page" if request.path == item["url"] else "true"


def _namespace_group(items: list[dict], request) -> str | None:
    """A page outside every entry's path (documenten/3/ of Kwartiermaken) still
    marks its group when all of its app's entries share one group."""
    match = getattr(request, "resolver_match", None)
    if not match or not match.namespace:
        return None
    groups = {
        item["group"]
        for item in items
        if item["name"].rpartition(":")[0] == match.namespace
    }
    return groups.pop() if len(groups) == 1 else None
