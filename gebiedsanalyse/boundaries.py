"""Import of area boundaries from a CBS GeoJSON (WGS84), for areas that exist.

The file's shape is checked before anything is stored: a FeatureCollection whose
features are objects with a code and a Polygon or MultiPolygon made of lists of
[lengte, breedte] pairs within WGS84. Nesting is read only as deep as a
MultiPolygon goes, so a hostile file cannot exhaust the stack.
"""

from __future__ import annotations

import json

from django.db import transaction

from gebiedsanalyse.importreport import (
    ImportFout,
    ImportReport,
    decode,
    fingerprint,
    save_history,
)
from gebiedsanalyse.models import Area

NOT_GEOJSON = "Dit is geen GeoJSON-bestand met gebiedsgrenzen (FeatureCollection)."
# How deep the coordinates of each geometry type nest, down to one [lon, lat].
DEPTH = {"Polygon": 3, "MultiPolygon": 4}
CODE_PROPERTIES = ("buurtcode", "wijkcode", "gemeentecode", "statcode")


def _position(value, where: str) -> list[float]:
    if (
        not isinstance(value, list)
        or len(value) not in (2, 3)
        or not all(
            isinstance(n, int | float) and not isinstance(n, bool) for n in value
        )
    ):
        raise ImportFout(
            f"{where}: een punt van de grens is geen paar getallen [lengte, breedte]."
        )
    lon, lat = value[0], value[1]
    # Comparisons, not float(): they also refuse NaN, infinity and huge integers.
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ImportFout(
            f"{where}: de coördinaten ({lon}, {lat}) zijn geen lengte en breedte in "
            "graden (WGS84). Exporteer de grenzen in WGS84 (EPSG:4326)."
        )
    # 5 decimals (about 1 m): the files are simplified to ~100 m anyway.
    return [round(lon, 5), round(lat, 5)]


def _coordinates(value, depth: int, where: str):
    """The coordinates, checked and rounded; recursion is bounded by `depth` (≤ 4)."""
    if depth == 1:
        return _position(value, where)
    if not isinstance(value, list) or not value:
        raise ImportFout(f"{where}: de grens heeft geen geldige coördinaten.")
    return [_coordinates(item, depth - 1, where) for item in value]


def _code(feature: dict) -> str:
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        props = {}
    candidates = [feature.get("id")] + [props.get(name) for name in CODE_PROPERTIES]
    for value in candidates:
        if isinstance(value, str | int) and not isinstance(value, bool) and value:
            return str(value).strip().upper()
    return ""


def _geometry(feature, number: int) -> tuple[str, dict]:
    where = f"Gebied {number} in het bestand"
    if not isinstance(feature, dict):
        raise ImportFout(f"{where} is geen GeoJSON-object (Feature).")
    code = _code(feature)
    geometry = feature.get("geometry")
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if not code or not isinstance(kind, str) or kind not in DEPTH:
        raise ImportFout(
            f"{where} heeft geen code of geen vlak (Polygon/MultiPolygon)."
        )
    where = f"Gebied {code[:20]}"
    return code, {
        "type": kind,
        "coordinates": _coordinates(geometry.get("coordinates"), DEPTH[kind], where),
    }


def boundaries_import(
    *,
    raw: bytes,
    file_name: str,
    user=None,
    only_gemeente: str | None = None,
    via: str = "",
) -> ImportReport:
    """Boundaries of known areas from a CBS GeoJSON (WGS84). All or nothing."""
    report = ImportReport(file_name=file_name, sha256=fingerprint(raw))
    try:
        data = json.loads(decode(raw))
    except (ValueError, RecursionError):
        raise ImportFout(NOT_GEOJSON) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise ImportFout(NOT_GEOJSON)
    wanted: dict[str, dict] = {}
    for number, feature in enumerate(features, start=1):
        code, geometry = _geometry(feature, number)
        report.rows_read += 1
        if only_gemeente and code[2:6] != only_gemeente[2:6]:
            continue
        wanted[code] = geometry
    if report.rows_read == 0:
        raise ImportFout("Het bestand bevat geen gebieden.")
    with transaction.atomic():
        areas = list(
            Area.objects.filter(code__in=list(wanted)).only("pk", "code", "geometry")
        )
        changed = []
        for area in areas:
            if area.geometry == wanted[area.code]:
                report.areas_unchanged += 1
            else:
                area.geometry = wanted[area.code]
                changed.append(area)
        Area.objects.bulk_update(changed, ["geometry"], batch_size=500)
        report.areas_changed = len(changed)
        report.boundaries_skipped = len(wanted) - len(areas)
        save_history(report, user=user, via=via)
    return report
