"""HOOK for the gebiedsanalyse (built in parallel): the key figures and social
infrastructure of an area, shown next to the Opgave bouwsteen and in its PDF.

Until the gebiedsanalyse app offers a read for this, the answer is None and the
pages say "gebiedsanalyse nog niet beschikbaar". Replace the body of `area_figures`
with a call into gebiedsanalyse (by CBS code); nothing else needs to change.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AreaFigures:
    title: str
    rows: list[tuple[str, str]]  # (label, value), ready to show


def area_figures(area_code: str) -> AreaFigures | None:
    return None
