"""What the apps give the core, found the same way for every app.

The core imports no app module. Each app lists what it gives on its AppConfig
(`<app>/apps.py`), as plain data and dotted paths; the core reads them here:

- `menu`: `MenuEntry` rows of the main menu, in the order of their `order`,
  each in one of the `MENU_GROUPS` (the menu shows them grouped, wijkteam/navigation.py)
- `home_panels`: {role: template} of the role's panel on the home page
- `demo`: (order, "path.to.load") of the app's demo loader, `load(context)`
- `export_kinds`: paths of the app's `ExportKind`s (wijkteam/exports.py)
- `inzage_modules`: modules that add inzage sections (wijkteam/inzage.py)
- `own_persons`: paths of suppliers of "own persons" (wijkteam/accesslog_review.py)

WijkteamConfig.ready() registers the export kinds, inzage sections and hooks.
This module imports no models, so an `apps.py` may import `MenuEntry` from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import import_string

# The groups of the main menu, in the one order every role sees them; a role sees
# only the groups that hold a page it may open.
VOORDEUR = "Voordeur"
CASUSSEN = "Casussen"
GEBIED = "Gebied"
KWARTIERMAKEN = "Kwartiermaken"
BEHEER = "Beheer"
MENU_GROUPS = (VOORDEUR, CASUSSEN, GEBIED, KWARTIERMAKEN, BEHEER)


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    permission: str
    order: int
    # A default, so an entry written without a group still loads: it lands in
    # Beheer, where a new page is most often a beheer page, until its app says more.
    group: str = BEHEER

    def __post_init__(self):
        if self.group not in MENU_GROUPS:  # a typo must fail loudly, at startup
            raise ValueError(f"{self.label}: unknown menu group {self.group!r}")


def declared(attribute: str) -> list:
    """Every app's entries of `attribute`, in the order of INSTALLED_APPS."""
    return [
        entry
        for config in apps.get_app_configs()
        for entry in getattr(config, attribute, ())
    ]


def menu_entries() -> list[MenuEntry]:
    return sorted(declared("menu"), key=lambda entry: entry.order)


def home_panel(role: str) -> str | None:
    for config in apps.get_app_configs():
        template = getattr(config, "home_panels", {}).get(role)
        if template:
            return template
    return None


def demo_loaders() -> list:
    return [import_string(path) for _, path in sorted(declared("demo"))]
