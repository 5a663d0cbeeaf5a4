"""The menu: every app's entries (`menu` on its AppConfig, wijkteam/registry.py),
filtered by what the user's role in the current team allows."""

from django.urls import NoReverseMatch, reverse

from wijkteam.access import can
from wijkteam.registry import menu_entries


def items_for(user, team) -> list[dict]:
    result = []
    for item in menu_entries():
        if not can(user, item.permission, team):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        result.append({"label": item.label, "url": url, "name": item.url_name})
    return result
