import pytest

from gebiedsanalyse import demo
from gebiedsanalyse.models import Area, AreaFigure, SocialPlace
from gebiedsanalyse.tests.cbs_files import NATIONAL, cbs_path
from wijkteam import demo as wijkteam_demo
from wijkteam.models import Team

pytestmark = pytest.mark.django_db


def test_demo_uses_real_rotterdam_areas_and_links_the_teams():
    cbs_path(NATIONAL)  # skip without the shared CBS folder
    wijkteam_demo.load()
    feijenoord = Team.objects.get(name="Wijkteam Feijenoord")
    assert (
        AreaFigure.objects.get(
            area__code="GM0599", indicator="inwoners", year=2024
        ).value
        == 670610
    )
    assert Area.objects.get(code="BU05991086").geometry
    codes = set(feijenoord.areas.values_list("code", flat=True))
    assert {"WK059910", "BU05991086"} <= codes
    assert (
        Team.objects.get(name="Wijkteam Charlois")
        .areas.filter(code="WK059915")
        .exists()
    )
    assert SocialPlace.objects.filter(team=feijenoord, kind="sleutelfiguur").exists()


def test_demo_without_the_cbs_folder_skips_with_a_message(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(demo, "cbs_folder", lambda: tmp_path / "bestaat-niet")
    wijkteam_demo.load()
    assert "ontbreekt" in capsys.readouterr().out
    assert not Area.objects.exists()
    assert SocialPlace.objects.exists()
