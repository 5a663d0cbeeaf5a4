import pytest

from gebiedsanalyse import cbsdata, demo
from gebiedsanalyse.importer import cbs_import
from gebiedsanalyse.models import Area, AreaFigure, CbsImport, SocialPlace
from gebiedsanalyse.tests.cbs_files import NATIONAL, WIJKEN_GEOJSON, cbs_bytes
from wijkteam import demo as wijkteam_demo
from wijkteam.models import Team

pytestmark = pytest.mark.django_db


def assert_teams_linked():
    for name, wijk in demo.TEAM_WIJK.items():
        codes = set(Team.objects.get(name=name).areas.values_list("code", flat=True))
        buurten = set(
            Area.objects.filter(parent__code=wijk).values_list("code", flat=True)
        )
        assert buurten, wijk
        assert codes == {wijk} | buurten, name


def test_demo_uses_real_rotterdam_areas_and_links_the_teams(settings, capsys):
    assert settings.CBS_DATA_DIR == cbsdata.BUNDLED  # the default: in the repository
    wijkteam_demo.load()
    assert "ontbreekt" not in capsys.readouterr().out
    feijenoord = Team.objects.get(name="Wijkteam Feijenoord")
    assert (
        AreaFigure.objects.get(
            area__code="GM0599", indicator="inwoners", year=2024
        ).value
        == 670610
    )
    assert Area.objects.get(code="BU05991086").geometry
    assert Area.objects.get(code="WK059910").geometry
    codes = set(feijenoord.areas.values_list("code", flat=True))
    assert {"WK059910", "BU05991086"} <= codes
    assert (
        Team.objects.get(name="Wijkteam Charlois")
        .areas.filter(code="WK059915")
        .exists()
    )
    assert_teams_linked()
    assert SocialPlace.objects.filter(team=feijenoord, kind="sleutelfiguur").exists()


def test_teams_are_linked_when_the_cbs_data_was_already_there():
    """Areas imported before (by hand, or an older demo run) and teams without
    areas: the next demo run links them, and a run after that changes nothing."""
    demo.load_cbs()
    assert not Team.objects.exists()
    wijkteam_demo.load()
    assert_teams_linked()
    wijkteam_demo.load()
    assert_teams_linked()


def test_demo_completes_a_partial_import_and_reads_each_file_once():
    """The national file imported by hand: the demo adds the map's figures and the
    boundaries, and a second run reads no file again."""
    cbs_import(
        raw=cbs_bytes(NATIONAL), file_name=NATIONAL, year=2024, only_gemeente="GM0599"
    )
    wijkteam_demo.load()
    assert Area.objects.get(code="WK059910").geometry
    assert AreaFigure.objects.filter(
        area__code="WK059910", indicator="bijstand"
    ).exists()
    assert CbsImport.objects.count() == len(demo.FILES)
    wijkteam_demo.load()
    assert CbsImport.objects.count() == len(demo.FILES)
    assert_teams_linked()


def test_demo_reads_plain_files_from_cbs_data_dir(settings, tmp_path):
    """A folder with other files (plain here) is read first; what it lacks comes
    from the repository."""
    settings.CBS_DATA_DIR = tmp_path
    (tmp_path / WIJKEN_GEOJSON).write_bytes(
        cbs_bytes(WIJKEN_GEOJSON).replace(b'"WK059910"', b'"WK059999"', 2)
    )
    demo.load_cbs()
    assert Area.objects.get(code="GM0599").figures.exists()
    assert not Area.objects.get(code="WK059910").geometry  # its feature was renamed
    assert Area.objects.get(code="WK059903").geometry


def test_missing_cbs_data_dir_says_so_and_uses_the_repository(
    settings, tmp_path, capsys
):
    settings.CBS_DATA_DIR = tmp_path / "bestaat-niet"
    wijkteam_demo.load()
    assert "bestaat-niet ontbreekt" in capsys.readouterr().out
    assert Area.objects.filter(code="WK059910").exists()
    assert SocialPlace.objects.exists()
