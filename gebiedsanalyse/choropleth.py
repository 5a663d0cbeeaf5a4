"""A choropleth map as server-side SVG, drawn from the CBS boundaries (GeoJSON).

No tile server and no JavaScript: lon/lat are projected equirectangularly with the
longitude scaled by cos(latitude of the map centre), which is accurate enough at
the scale of one gemeente. Every area is a link to its own page and carries a
label (its name, or its number in the table beside the map).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

WIDTH = 640
PADDING = 4
# Sequential blues (ColorBrewer "Blues", 5 classes); dark text stays legible on all.
PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
NO_DATA = "#d9d9d9"
# Up to this many areas the map carries their names; more get numbers (the table
# beside the map names them), or the names would cover each other.
MAX_NAMED = 12


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


def _edges(ring):
    # A GeoJSON ring is closed; closing it again only adds an edge of length 0.
    return pairwise(ring + ring[:1])


def _ring_area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in _edges(ring)) / 2)


def label_point(rings: list[list[tuple[float, float]]]) -> tuple[float, float]:
    """A point inside the area (in map coordinates) to write its label on.

    The middle of the widest stretch of the largest ring on the horizontal line
    through its vertical centre: inside also for a crescent or an L-shaped buurt,
    where the centroid may fall outside."""
    ring = max(rings, key=_ring_area)
    ys = [y for _, y in ring]
    y = (min(ys) + max(ys)) / 2
    crossings = sorted(
        x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in _edges(ring)
        if (y1 <= y < y2) or (y2 <= y < y1)
    )
    stretches = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not stretches:
        xs = [x for x, _ in ring]
        return (min(xs) + max(xs)) / 2, y
    left, right = max(stretches, key=lambda s: s[1] - s[0])
    return (left + right) / 2, y


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

    def project(lon, lat):
        return (
            PADDING + (lon - min_lon) * kx * scale,
            PADDING + (max_lat - lat) * scale,
        )

    def point(lon, lat):
        x, y = project(lon, lat)
        return f"{x:.1f} {y:.1f}"

    values = [float(a.value) for a in drawn if a.value is not None]
    bounds = classes(values)
    # Every area is labelled on the map, so no one has to hover to find it: by
    # name when there are few, else by its number in the table beside the map.
    numbered = len(drawn) > MAX_NAMED
    shapes = []
    for number, area in enumerate(sorted(drawn, key=lambda a: a.name), start=1):
        d = " ".join(
            "M" + " L".join(point(lon, lat) for lon, lat, *_ in ring) + " Z"
            for ring in _rings(area.geometry)
        )
        rings = [
            [project(lon, lat) for lon, lat, *_ in ring]
            for ring in _rings(area.geometry)
        ]
        x, y = label_point(rings)
        fill = colour(area.value, bounds)
        shapes.append(
            {
                "area": area,
                "d": d,
                "fill": fill,
                "number": number,
                "label": str(number) if numbered else area.name,
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
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
        "numbered": numbered,
        "legend": legend,
        "missing": [a for a in areas if not a.geometry],
    }
