import pytest

from gebiedsanalyse.constants import AreaLevel
from gebiedsanalyse.tests.factories import SQUARE, AreaFactory, AreaFigureFactory


def _shifted(dx):
    ring = [[lon + dx, lat] for lon, lat in SQUARE["coordinates"][0]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.fixture
def areas(db):
    """NL00 > GM0599 Rotterdam > WK059910 Feijenoord > two buurten, with figures."""
    nl = AreaFactory(code="NL00", name="Nederland", level=AreaLevel.LAND)
    gm = AreaFactory(
        code="GM0599", name="Rotterdam", level=AreaLevel.GEMEENTE, parent=nl
    )
    wk = AreaFactory(
        code="WK059910", name="Feijenoord", level=AreaLevel.WIJK, parent=gm,
        geometry=_shifted(0),
    )  # fmt: skip
    bu1 = AreaFactory(
        code="BU05991086", name="Afrikaanderwijk", parent=wk, geometry=_shifted(0)
    )
    bu2 = AreaFactory(
        code="BU05991081", name="Bloemhof", parent=wk, geometry=_shifted(0.02)
    )
    for area, people, old, year in [
        (nl, 17942942, 3677228, 2024),
        (gm, 670610, 105526, 2024),
        (wk, 79440, 9000, 2024),
        (bu1, 9280, 1090, 2024),
        (bu1, 9100, 1000, 2019),
        (bu2, 14000, 1500, 2024),
    ]:
        AreaFigureFactory(area=area, indicator="inwoners", value=people, year=year)
        AreaFigureFactory(area=area, indicator="leeftijd_65_plus", value=old, year=year)
    AreaFigureFactory(area=bu1, indicator="bijstand", value=None)
    return {"nl": nl, "gm": gm, "wk": wk, "bu1": bu1, "bu2": bu2}
