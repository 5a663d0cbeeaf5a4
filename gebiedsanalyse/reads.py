"""Reads for the area page: figures per year, comparisons, trends, map values.

Each function does a fixed number of queries, whatever the number of areas.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.urls import reverse

from gebiedsanalyse import catalogue, choropleth
from gebiedsanalyse.constants import AreaLevel
from gebiedsanalyse.models import Area, AreaFigure

COUNTRY = "NL00"


def figures_of(area_ids) -> dict[int, dict[str, dict[int, Decimal | None]]]:
    """{area_id: {indicator: {year: value}}} in one query."""
    result: dict = defaultdict(lambda: defaultdict(dict))
    rows = AreaFigure.objects.filter(area_id__in=list(area_ids)).values_list(
        "area_id", "indicator", "year", "value"
    )
    for area_id, indicator, year, value in rows:
        result[area_id][indicator][year] = value
    return result


def share(values: dict[str, dict[int, Decimal | None]], key: str, year: int):
    """The indicator as a percentage of its base (e.g. 65+ of inwoners)."""
    indicator = catalogue.BY_KEY[key]
    if not indicator.share_of:
        return None
    part = values.get(key, {}).get(year)
    whole = values.get(indicator.share_of, {}).get(year)
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def display(value, indicator: catalogue.Indicator) -> str:
    if value is None:
        return "onbekend"
    text = f"{value:,.{indicator.decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(value) -> str:
    return "" if value is None else f"{value:.1f}%".replace(".", ",")


def comparison_areas(area: Area) -> list[Area]:
    """The area itself, its gemeente and the country, where present."""
    codes = [area.code]
    if area.level in (AreaLevel.WIJK, AreaLevel.BUURT):
        codes.append(area.gemeente_code)
    if area.level != AreaLevel.LAND:
        codes.append(COUNTRY)
    found = {a.code: a for a in Area.objects.filter(code__in=codes)}
    return [found[c] for c in codes if c in found]


def area_page(area: Area) -> dict:
    """Key figures with comparison, trends and chart data for one area."""
    columns = comparison_areas(area)
    values = figures_of(a.pk for a in columns)
    own = values.get(area.pk, {})
    years = sorted({year for per_year in own.values() for year in per_year})
    latest = years[-1] if years else None
    rows = []
    for indicator in catalogue.INDICATORS:
        if indicator.key not in own:
            continue
        cells = []
        for column in columns:
            per_year = values.get(column.pk, {})
            value = per_year.get(indicator.key, {}).get(latest)
            cells.append(
                {
                    "value": display(value, indicator),
                    "share": percent(share(per_year, indicator.key, latest)),
                }
            )
        rows.append(
            {
                "indicator": indicator,
                "cells": cells,
                "trend": [
                    display(own[indicator.key].get(year), indicator) for year in years
                ],
            }
        )
    return {
        "columns": columns,
        "years": years,
        "latest": latest,
        "rows": rows,
        "charts": _charts(area, columns, values, years, latest),
    }


def _num(value) -> float | None:
    return None if value is None else float(value)


def _shares_chart(title, keys, columns, values, year) -> dict:
    return {
        "type": "bar",
        "title": title,
        "labels": [catalogue.BY_KEY[k].label for k in keys],
        "datasets": [
            {
                "label": column.name,
                "data": [_num(share(values.get(column.pk, {}), k, year)) for k in keys],
            }
            for column in columns
        ],
    }


def _charts(area, columns, values, years, latest) -> dict:
    """Two charts: the age structure compared, and the trend of the inhabitants
    (or, with only one year imported, the benefits compared)."""
    own = values.get(area.pk, {})
    age_keys = [i.key for i in catalogue.INDICATORS if i.theme == "Leeftijd"]
    ages = _shares_chart(
        f"Leeftijdsopbouw {latest or ''} (percentage van de inwoners)",
        age_keys,
        columns,
        values,
        latest,
    )
    if len(years) > 1:
        second = {
            "type": "line",
            "title": f"Inwoners van {area.name} per jaar",
            "labels": [str(y) for y in years],
            "datasets": [
                {
                    "label": "Inwoners",
                    "data": [_num(own.get("inwoners", {}).get(y)) for y in years],
                }
            ],
        }
    else:
        benefit_keys = [
            i.key
            for i in catalogue.INDICATORS
            if i.theme == "Uitkeringen" and i.key in own
        ] or ["mannen", "vrouwen"]
        second = _shares_chart(
            f"Uitkeringen {latest or ''} (percentage van de inwoners)"
            if benefit_keys[0] != "mannen"
            else f"Mannen en vrouwen {latest or ''} (percentage van de inwoners)",
            benefit_keys,
            columns,
            values,
            latest,
        )
    return {"ages": ages, "second": second}


def map_root(area: Area, level: str | None):
    """Which areas the map shows: a gemeente's wijken or buurten, a wijk's buurten."""
    if area.level == AreaLevel.GEMEENTE:
        child_level = level if level in (AreaLevel.WIJK, AreaLevel.BUURT) else "wijk"
        return Area.objects.filter(
            code__startswith=("WK" if child_level == AreaLevel.WIJK else "BU")
            + area.code[2:6],
            level=child_level,
        )
    if area.level == AreaLevel.WIJK:
        return Area.objects.filter(parent=area)
    if area.level == AreaLevel.BUURT and area.parent_id:
        return Area.objects.filter(parent_id=area.parent_id)
    return Area.objects.none()


def area_map(area: Area, indicator_key: str, level: str | None = None) -> dict | None:
    indicator = catalogue.BY_KEY.get(indicator_key) or catalogue.BY_KEY["inwoners"]
    shown = list(map_root(area, level).only("pk", "code", "name", "level", "geometry"))
    if not shown:
        return None
    keys = [indicator.key] + ([indicator.share_of] if indicator.share_of else [])
    rows = AreaFigure.objects.filter(
        area__in=[a.pk for a in shown], indicator__in=keys
    ).values_list("area_id", "indicator", "year", "value")
    values: dict = defaultdict(lambda: defaultdict(dict))
    years = set()
    for area_id, key, year, value in rows:
        values[area_id][key][year] = value
        years.add(year)
    year = max(years) if years else None
    as_share = bool(indicator.share_of)
    items = []
    for other in shown:
        if as_share:
            value = share(values[other.pk], indicator.key, year)
            label = percent(value) or "onbekend"
        else:
            value = values[other.pk].get(indicator.key, {}).get(year)
            label = display(value, indicator)
        items.append(
            choropleth.MapArea(
                code=other.code,
                name=other.name,
                url=reverse("gebiedsanalyse:area_detail", args=[other.code]),
                geometry=other.geometry,
                value=value,
                label=label,
                current=other.pk == area.pk,
            )
        )
    fmt = (lambda v: percent(v)) if as_share else (lambda v: display(v, indicator))
    drawn = choropleth.build(items, fmt=fmt)
    if drawn:
        drawn.update(
            {
                "indicator": indicator,
                "year": year,
                "as_share": as_share,
                "areas": sorted(items, key=lambda i: i.name),
            }
        )
    return drawn


def figures_csv_rows(area: Area):
    """Rows for the CSV export of the area's public CBS figures."""
    yield ["code", "gebied", "jaar", "indicator", "omschrijving", "eenheid", "waarde"]
    rows = (
        AreaFigure.objects.filter(area=area)
        .order_by("indicator", "year")
        .values_list("year", "indicator", "value")
    )
    for year, key, value in rows:
        indicator = catalogue.BY_KEY.get(key)
        yield [
            area.code,
            area.name,
            year,
            key,
            indicator.label if indicator else key,
            indicator.unit if indicator else "",
            None if value is None else value.normalize(),  # a number, not text
        ]


def areas_by_wijk() -> list[tuple[Area | None, list[Area]]]:
    """Every wijk with its buurten, by name; buurten without a wijk last (None)."""
    wijken = list(Area.objects.filter(level=AreaLevel.WIJK).order_by("name", "code"))
    buurten = defaultdict(list)
    for buurt in Area.objects.filter(level=AreaLevel.BUURT).order_by("name", "code"):
        buurten[buurt.parent_id].append(buurt)
    known = {w.pk for w in wijken}
    groups = [(wijk, buurten.get(wijk.pk, [])) for wijk in wijken]
    loose = [b for parent, rows in buurten.items() if parent not in known for b in rows]
    if loose:
        groups.append((None, sorted(loose, key=lambda b: (b.name, b.code))))
    return groups
