from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from gebiedsanalyse.models import Area, AreaFigure, CbsImport
from gebiedsanalyse.tests.cbs_files import HERKOMST_NO_CODES, UTRECHT_2021, cbs_path

pytestmark = pytest.mark.django_db


def test_command_imports_and_prints_the_report():
    out = StringIO()
    path = str(cbs_path(UTRECHT_2021))
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


def test_bad_file_is_a_command_error_and_changes_nothing():
    with pytest.raises(CommandError, match="er is niets gewijzigd.*regiocode"):
        call_command("import_cbs", str(cbs_path(HERKOMST_NO_CODES)), "--year", "2024")
    assert not Area.objects.exists() and not CbsImport.objects.exists()


def test_csv_without_year_and_missing_file_are_refused(tmp_path):
    with pytest.raises(CommandError, match="jaar"):
        call_command("import_cbs", str(cbs_path(UTRECHT_2021)))
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("import_cbs", str(tmp_path / "weg.csv"), "--year", "2024")
    assert not Area.objects.exists()
