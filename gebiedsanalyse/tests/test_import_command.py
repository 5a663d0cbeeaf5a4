from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from gebiedsanalyse import cbsdata
from gebiedsanalyse.models import Area, AreaFigure, CbsImport
from gebiedsanalyse.tests.cbs_files import HERKOMST_NO_CODES, UTRECHT_2021, cbs_path

pytestmark = pytest.mark.django_db


def test_command_imports_and_prints_the_report(tmp_path):
    out = StringIO()
    path = str(cbs_path(UTRECHT_2021, tmp_path))
    call_command("import_cbs", path, "--year", "2021", stdout=out)
    text = out.getvalue()
    assert "Regels gelezen: 122" in text
    assert "Kolommen niet herkend: HuishoudensZonderKinderen_30" in text
    assert (
        AreaFigure.objects.get(
            area__code="GM0344", year=2021, indicator="inwoners"
        ).value
        == 359370
    )


def test_bad_file_is_a_command_error_and_changes_nothing(tmp_path):
    with pytest.raises(CommandError, match="er is niets gewijzigd.*regiocode"):
        call_command(
            "import_cbs", str(cbs_path(HERKOMST_NO_CODES, tmp_path)), "--year", "2024"
        )
    assert not Area.objects.exists() and not CbsImport.objects.exists()


def test_csv_without_year_and_missing_file_are_refused(tmp_path):
    with pytest.raises(CommandError, match="jaar"):
        call_command("import_cbs", str(cbs_path(UTRECHT_2021, tmp_path)))
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("import_cbs", str(tmp_path / "weg.csv"), "--year", "2024")
    assert not Area.objects.exists()


def test_command_reads_a_gzipped_file_as_shipped_in_the_repository():
    """`import_cbs gebiedsanalyse/data/cbs/<file>.csv.gz` works without unpacking."""
    out = StringIO()
    path = cbsdata.BUNDLED / f"{UTRECHT_2021}.gz"
    call_command("import_cbs", str(path), "--year", "2021", stdout=out)
    assert "Regels gelezen: 122" in out.getvalue()
    assert CbsImport.objects.get().file_name == UTRECHT_2021


def test_broken_gzip_is_a_command_error(tmp_path):
    path = tmp_path / "kapot.csv.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00kapot")
    with pytest.raises(CommandError, match="geen leesbaar gzip-bestand"):
        call_command("import_cbs", str(path), "--year", "2021")
    assert not Area.objects.exists()
