"""The choropleth is readable without hovering: every area has a label inside it,
and a table beside the map names every area with its value."""

from django.urls import reverse

import pytest

from gebiedsanalyse import choropleth
from wijkteam.constants import Role


def square(x, y, size=1.0):
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def inside(point, ring) -> bool:
    x, y = point
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 <= y < y2 or y2 <= y < y1) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def test_label_point_lies_inside_an_l_shape():
    # An L: its centroid (about 1.2, 1.2) lies outside the shape.
    ring = [(0, 0), (4, 0), (4, 1), (1, 1), (1, 4), (0, 4), (0, 0)]
    point = choropleth.label_point([ring])
    assert inside(point, ring), point


def map_areas(count):
    return [
        choropleth.MapArea(
            code=f"BU{n:08d}",
            name=f"Buurt {chr(ord('A') + n)}",
            url=f"/gebieden/BU{n:08d}/",
            geometry=square(4.0 + n * 0.01, 52.0),
            value=n,
            label=str(n),
        )
        for n in reversed(range(count))
    ]


def test_few_areas_are_named_on_the_map_many_are_numbered():
    few = choropleth.build(map_areas(3))
    assert not few["numbered"]
    assert [s["label"] for s in few["shapes"]] == ["Buurt A", "Buurt B", "Buurt C"]
    many = choropleth.build(map_areas(choropleth.MAX_NAMED + 1))
    assert many["numbered"]
    shapes = many["shapes"]
    assert [s["label"] for s in shapes] == [str(n) for n in range(1, len(shapes) + 1)]
    assert [s["area"].name for s in shapes] == sorted(s["area"].name for s in shapes)


@pytest.mark.django_db
def test_area_page_labels_every_area_and_has_the_table(login, member, team, areas):
    body = (
        login(member(Role.KWARTIERMAKER, team))
        .get(
            reverse("gebiedsanalyse:area_detail", args=["GM0599"]),
            {"indicator": "leeftijd_65_plus", "niveau": "buurt"},
        )
        .content.decode()
    )
    labels = body[body.index('<g class="map-labels') :]
    assert ">Afrikaanderwijk</text>" in labels and ">Bloemhof</text>" in labels
    table = body[body.index('id="kaart-tabel"') :]
    assert "De kaart als tabel: 65 jaar of ouder (percentage) 2024" in table
    assert '>Afrikaanderwijk</a></th><td class="text-end">11,7%</td>' in table
    assert '>Bloemhof</a></th><td class="text-end">10,7%</td>' in table
