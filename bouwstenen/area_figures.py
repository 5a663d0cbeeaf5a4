"""The gebiedsanalyse's key figures of an area, shown next to the Opgave bouwsteen and
in its PDF, so the kwartiermaker writes with the facts in view.

The one place where kwartiermaken reads the gebiedsanalyse: by CBS code, through its
own read (`gebiedsanalyse.figures.area_page`). No area or no figures: None, and the
pages say "gebiedsanalyse nog niet beschikbaar".
"""

from __future__ import annotations

from dataclasses import dataclass

from gebiedsanalyse.figures import area_page
from gebiedsanalyse.models import Area

MAX_ROWS = 12


@dataclass(frozen=True)
class AreaFigures:
    title: str
    rows: list[tuple[str, str]]  # (label, value), ready to show


def area_figures(area_code: str) -> AreaFigures | None:
    area = Area.objects.filter(code=area_code).first()
    if area is None:
        return None
    page = area_page(area)
    if not page["rows"]:
        return None
    rows = []
    for row in page["rows"][:MAX_ROWS]:
        own = row["cells"][0]
        value = own["value"] + (f" ({own['share']})" if own["share"] else "")
        rows.append((row["indicator"].label, value))
    return AreaFigures(
        title=f"Kerncijfers {area.name}, CBS {page['latest']}", rows=rows
    )
