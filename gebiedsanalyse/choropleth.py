"""A choropleth map as server-side SVG, drawn from the CBS boundaries (GeoJSON).

No tile server and no JavaScript: lon/lat are projected equirectangularly with the
longitude scaled by cos(latitude of the map centre), which is accurate enough at
the scale of one gemeente. Every area is a link to its own page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

WIDTH = 640
PADDING = 4
# Sequential blues (ColorBrewer "Blues", 5 classes); dark text stays legible on all.
PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
NO_DATA = "#d9d9d9"


@dataclass
class MapArea:
    code: str
    name: str
    url: str
    geometry: dict
    value: Decimal | float | None
    label: str  # the value as shown
    current: bool = False


def _rings(geometry: dict):
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def classes(values: list[float], count: int = len(PALETTE)) -> list[float]:
    """Upper bounds of `count` classes with (about) equal numbers of areas."""
    ordered = sorted(values)
    if not ordered:
        return []
    bounds = []
    for i in range(1, count + 1):
        index = min(len(ordered) - 1, math.ceil(i * len(ordered) / count) - 1)
        bound = ordered[index]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def colour(value, bounds: list[float]) -> str:
    if value is None or not bounds:
        return NO_DATA
    # Spread the classes we have over the whole palette.
    for i, bound in enumerate(bounds):
        if float(value) <= bound:
            step = (len(PALETTE) - 1) / max(1, len(bounds) - 1)
            return PALETTE[round(i * step)]
    return PALETTE[-1]


def build(areas: list[MapArea], fmt=lambda v: f"{v:g}") -> dict | None:
    """Paths, viewBox and legend for the template; None without any boundary."""
    drawn = [a for a in areas if a.geometry]
    if not drawn:
        return None
    lons, lats = [], []
    for area in drawn:
        for ring in _rings(area.geometry):
            for lon, lat, *_ in ring:
                lons.append(lon)
                lats.append(lat)
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    kx = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = max((max_lon - min_lon) * kx, 1e-9)
    span_y = max(max_lat - min_lat, 1e-9)
    scale = (WIDTH - 2 * PADDING) / span_x
    height = round(span_y * scale + 2 * PADDING)

    def point(lon, lat):
        x = PADDING + (lon - min_lon) * kx * scale
        y = PADDING + (max_lat - lat) * scale
        return f"{x:.1f} {y:.1f}"

    values = [float(a.value) for a in drawn if a.value is not None]
    bounds = classes(values)
    shapes = []
    for area in drawn:
        d = " ".join(
            "M" + " L".join(point(lon, lat) for lon, lat, *_ in ring) + " Z"
            for ring in _rings(area.geometry)
        )
        shapes.append(
            {
                "area": area,
                "d": d,
                "fill": colour(area.value, bounds),
            }
        )
    legend = []
    lower = min(values) if values else None
    for bound in bounds:
        legend.append(
            {"fill": colour(bound, bounds), "text": f"{fmt(lower)} – {fmt(bound)}"}
        )
        lower = bound
    if any(a.value is None for a in drawn):
        legend.append({"fill": NO_DATA, "text": "onbekend"})
    return {
        "width": WIDTH,
        "height": height,
        "shapes": shapes,
        "legend": legend,
        "missing": [a for a in areas if not a.geometry],
    }
