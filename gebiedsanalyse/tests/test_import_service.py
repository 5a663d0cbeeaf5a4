"""The CBS import with the real files: names, unknowns, re-import, bad files."""

from decimal import Decimal

from django.apps import apps

import pytest

from gebiedsanalyse.constants import AreaLevel
from gebiedsanalyse.importer import ImportFout, boundaries_import, cbs_import
from gebiedsanalyse.models import Area, AreaFigure, CbsImport
from gebiedsanalyse.tests.cbs_files import (
    AMSTERDAM_2019,
    BUURTEN_GEOJSON,
    HERKOMST_NO_CODES,
    MAP_BUURTEN,
    NATIONAL,
    ODATA_2024,
    UTRECHT_2019,
    UTRECHT_2021,
    cbs_bytes,
)

pytestmark = pytest.mark.django_db


def figure(code, indicator, year=2024):
    return AreaFigure.objects.get(area__code=code, indicator=indicator, year=year).value


def counts():
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_app_config("gebiedsanalyse").get_models()
    }


def test_statline_style_national_file_maps_columns_by_name():
    report = cbs_import(
        raw=cbs_bytes(NATIONAL), file_name=NATIONAL, year=2024, only_gemeente="GM0599"
    )
    assert report.rows_read == 18310
    assert report.unrecognised_columns == []
    assert set(report.recognised_columns.values()) >= {"inwoners", "leeftijd_65_plus"}
    assert figure("GM0599", "inwoners") == 670610
    assert figure("NL00", "inwoners") == 17942942
    rotterdam = Area.objects.get(code="GM0599")
    assert rotterdam.name == "Rotterdam"  # padded text stripped
    assert rotterdam.level == AreaLevel.GEMEENTE
    assert rotterdam.parent.code == "NL00"
    buurt = Area.objects.get(code="BU05991086")
    assert buurt.name == "Afrikaanderwijk"
    assert buurt.parent.code == "WK059910"
    assert buurt.parent.parent == rotterdam
    assert Area.objects.filter(code__startswith="BU0599").count() == 91


def test_odata_style_with_other_suffixes_maps_to_the_same_indicators():
    r2019 = cbs_import(raw=cbs_bytes(UTRECHT_2019), file_name=UTRECHT_2019, year=2019)
    r2021 = cbs_import(raw=cbs_bytes(UTRECHT_2021), file_name=UTRECHT_2021, year=2021)
    assert r2019.recognised_columns["AantalInwoners_5"] == "inwoners"
    assert r2019.recognised_columns["HuishoudensTotaal_28"] == "huishoudens"
    assert "OpleidingsniveauLaag_64" in r2021.unrecognised_columns
    # Several years side by side.
    assert figure("GM0344", "inwoners", 2019) == 352866
    assert figure("GM0344", "inwoners", 2021) == 359370


def test_odata_2024_release_reads_bijstand_from_its_own_suffix():
    report = cbs_import(raw=cbs_bytes(ODATA_2024), file_name=ODATA_2024, year=2024)
    assert report.recognised_columns["PersonenPerSoortUitkeringBijstand_94"] == (
        "bijstand"
    )
    assert figure("GM0547", "inwoners") == 27736  # Leiderdorp
    # Empty field in this early release = unknown, not 0.
    assert figure("NL00", "bijstand") is None
    assert AreaFigure.objects.filter(indicator="bijstand", value=0).count() < (
        AreaFigure.objects.filter(indicator="bijstand", value__isnull=True).count()
    )


def test_dot_is_stored_as_unknown_never_zero():
    cbs_import(raw=cbs_bytes(AMSTERDAM_2019), file_name=AMSTERDAM_2019, year=2019)
    # BU03630100 has 0 inhabitants and '       .' for bijstand and income.
    assert figure("BU03630100", "inwoners", 2019) == 0
    assert figure("BU03630100", "bijstand", 2019) is None
    assert figure("BU03630100", "inkomen_per_inwoner", 2019) is None
    assert figure("GM0363", "inwoners", 2019) == 862965


def test_map_style_minus_99997_is_unknown():
    report = cbs_import(raw=cbs_bytes(MAP_BUURTEN), file_name=MAP_BUURTEN, year=2024)
    assert report.recognised_columns["aantal_inwoners"] == "inwoners"
    assert figure("BU05992194", "bijstand") is None
    assert Area.objects.get(code="BU05991086").name == "Afrikaanderwijk"


def test_reimport_updates_and_does_not_duplicate():
    raw = cbs_bytes(UTRECHT_2019)
    first = cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    before = (Area.objects.count(), AreaFigure.objects.count())
    AreaFigure.objects.filter(area__code="GM0344", indicator="inwoners").update(value=1)
    Area.objects.filter(code="GM0344").update(name="verkeerd")
    second = cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    assert (Area.objects.count(), AreaFigure.objects.count()) == before
    # OData files carry no names (the code is in the name column): names are kept.
    assert second.areas_changed == 0
    assert second.areas_unchanged == first.areas_created > 0
    assert second.areas_created == 0
    assert figure("GM0344", "inwoners", 2019) == 352866
    assert second.figures_written == 1  # only the figure that was changed
    assert second.figures_unchanged == first.figures_written - 1
    assert CbsImport.objects.count() == 2


def test_odata_file_without_names_keeps_the_names_it_already_has():
    cbs_import(
        raw=cbs_bytes(NATIONAL), file_name=NATIONAL, year=2024, only_gemeente="GM0344"
    )
    name = Area.objects.get(code="WK034401").name
    cbs_import(raw=cbs_bytes(UTRECHT_2019), file_name=UTRECHT_2019, year=2019)
    assert Area.objects.get(code="WK034401").name == name != "WK034401"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "leeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\xfa", "geen tekstbestand"),
        (b"naam;leeftijd\nJan;40\n", "regiocode"),
        (b"Codering_3;Onzin_1\nGM0599;1\n", "geen enkele kolom"),
        (b"Codering_3;AantalInwoners_5\nGM0599;5\nXX12;6\n", "geen CBS-regiocode"),
        (b"Codering_3;AantalInwoners_5\nGM0599;5\nGM0599;6\n", "dubbel"),
        (b"Codering_3;AantalInwoners_5\n", "alleen een kop"),
    ],
)
def test_bad_file_gives_dutch_error_and_changes_nothing(raw, message):
    before = counts()
    with pytest.raises(ImportFout, match=message):
        cbs_import(raw=raw, file_name="fout.csv", year=2024)
    assert counts() == before


def test_file_without_code_column_changes_nothing():
    before = counts()
    with pytest.raises(ImportFout, match="regiocode"):
        cbs_import(raw=cbs_bytes(HERKOMST_NO_CODES), file_name="h.csv", year=2024)
    assert counts() == before


def test_truncated_real_file_changes_nothing_even_after_good_rows():
    """A file cut off in the middle of a row fails as a whole: no half import."""
    raw = cbs_bytes(UTRECHT_2019)
    cut = raw[: raw.rfind(b";", 0, len(raw) - 10)]
    before = counts()
    with pytest.raises(ImportFout, match="kolommen"):
        cbs_import(raw=cut, file_name=UTRECHT_2019, year=2019)
    assert counts() == before


def test_database_error_mid_import_rolls_back(monkeypatch):
    from gebiedsanalyse import importer

    def boom(*args, **kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(importer, "_write_figures", boom)
    with pytest.raises(RuntimeError):
        cbs_import(raw=cbs_bytes(UTRECHT_2019), file_name=UTRECHT_2019, year=2019)
    assert not Area.objects.exists()


def test_boundaries_attach_to_known_areas_and_skip_unknown():
    cbs_import(
        raw=cbs_bytes(NATIONAL), file_name=NATIONAL, year=2024, only_gemeente="GM0599"
    )
    report = boundaries_import(raw=cbs_bytes(BUURTEN_GEOJSON), file_name="b.geojson")
    assert report.areas_changed == 91
    assert report.boundaries_skipped == 625 - 91
    geometry = Area.objects.get(code="BU05991086").geometry
    assert geometry["type"] in ("Polygon", "MultiPolygon")
    lon, lat = (
        geometry["coordinates"][0][0][:2]
        if geometry["type"] == "Polygon"
        else (geometry["coordinates"][0][0][0][:2])
    )
    assert 4.3 < lon < 4.6 and 51.8 < lat < 52.0


def test_bad_geojson_changes_nothing():
    before = counts()
    with pytest.raises(ImportFout, match="GeoJSON"):
        boundaries_import(raw=b'{"type": "Feature"}', file_name="x.geojson")
    assert counts() == before


def test_decimal_values_are_kept():
    cbs_import(raw=cbs_bytes(UTRECHT_2019), file_name=UTRECHT_2019, year=2019)
    size = figure("GM0344", "huishoudensgrootte", 2019)
    assert isinstance(size, Decimal) and 1 < size < 4 and size != int(size)
