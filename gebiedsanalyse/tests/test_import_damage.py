"""Imports that used to lose data silently, each with the real file it happened with.

Every test here failed before the importer checked year, table, length and cells:
it either stored the damage or crashed. Now a stored value changes only when the
file holds a valid new value for it, and the report says so.
"""

from decimal import Decimal
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from gebiedsanalyse.importer import ImportFout, cbs_import
from gebiedsanalyse.models import Area, AreaFigure, CbsImport
from gebiedsanalyse.tests.cbs_files import (
    MAP_BUURTEN,
    NATIONAL,
    UTRECHT_2019,
    cbs_bytes,
    cbs_path,
)

pytestmark = pytest.mark.django_db


def figure(code, indicator, year):
    return AreaFigure.objects.get(area__code=code, indicator=indicator, year=year).value


def stored():
    """Every stored figure and area name, to compare before and after."""
    return {
        "figures": set(
            AreaFigure.objects.values_list("area__code", "year", "indicator", "value")
        ),
        "names": set(Area.objects.values_list("code", "name")),
        "counts": {
            m._meta.label: m._default_manager.count()
            for m in apps.get_app_config("gebiedsanalyse").get_models()
        },
    }


def replace_cell(raw: bytes, code: str, column: str, value: str) -> bytes:
    """The file with one cell (row of `code`, column `column`) set to `value`."""
    lines = raw.decode("utf-8-sig").split("\n")
    header = [c.strip('"') for c in lines[0].split(";")]
    index = header.index(column)
    for number, line in enumerate(lines):
        cells = line.split(";")
        if len(cells) > index and cells[header.index("Codering_3")].strip('" ') == code:
            cells[index] = f'"{value}"'
            lines[number] = ";".join(cells)
    return "\n".join(lines).encode()


def blank_column(raw: bytes, column: str) -> bytes:
    lines = raw.decode("utf-8-sig").split("\n")
    index = [c.strip('"') for c in lines[0].split(";")].index(column)
    for number, line in enumerate(lines[1:], start=1):
        cells = line.split(";")
        if len(cells) > index:
            cells[index] = '""'
            lines[number] = ";".join(cells)
    return "\n".join(lines).encode()


@pytest.fixture
def utrecht_2019():
    raw = cbs_bytes(UTRECHT_2019)
    cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    return raw


# --- a non-numeric cell, empty cells ----------------------------------------------


def test_a_non_numeric_cell_is_refused_naming_line_and_column(utrecht_2019):
    """'veel' used to be read as unknown and emptied Utrecht's inhabitants."""
    before = stored()
    raw = replace_cell(utrecht_2019, "GM0344", "AantalInwoners_5", "veel")
    with pytest.raises(ImportFout, match=r"Regel 2, kolom 'AantalInwoners_5'.*veel"):
        cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    assert stored() == before
    assert figure("GM0344", "inwoners", 2019) == 352866


def test_empty_cells_in_a_later_file_keep_the_known_values(utrecht_2019):
    """An empty column used to blank every known value of it, without a word."""
    before = stored()
    raw = blank_column(utrecht_2019, "AantalInwoners_5")
    report = cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    after = stored()
    assert (after["figures"], after["names"]) == (before["figures"], before["names"])
    assert report.figures_kept == 122
    assert report.figures_written == 0
    assert "Bestaande waarden behouden (lege cel in het bestand): 122" in (
        report.lines()
    )
    assert CbsImport.objects.first().figures_kept == 122


def test_blanking_known_values_is_an_explicit_choice_and_is_reported(utrecht_2019):
    raw = blank_column(utrecht_2019, "AantalInwoners_5")
    report = cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019, blank_missing=True)
    assert figure("GM0344", "inwoners", 2019) is None
    assert report.figures_blanked == 122 and report.figures_kept == 0
    assert "Bestaande waarden gewist (lege cel, op uw verzoek): 122" in report.lines()
    run = CbsImport.objects.first()
    assert run.blank_missing and run.figures_blanked == 122


def test_the_command_blanks_only_with_blank_missing(utrecht_2019, tmp_path):
    path = tmp_path / UTRECHT_2019
    path.write_bytes(blank_column(utrecht_2019, "AantalInwoners_5"))
    out = StringIO()
    call_command("import_cbs", str(path), "--year", "2019", stdout=out)
    assert figure("GM0344", "inwoners", 2019) == 352866
    assert "behouden (lege cel in het bestand): 122" in out.getvalue()
    call_command("import_cbs", str(path), "--year", "2019", "--blank-missing")
    assert figure("GM0344", "inwoners", 2019) is None


# --- the year -------------------------------------------------------------------


def test_a_2024_table_imported_as_2019_is_refused_by_its_table_id():
    """kwb2024_85984NED… with --year 2019 used to overwrite the 2019 figures."""
    cbs_import(raw=cbs_bytes(UTRECHT_2019), file_name=UTRECHT_2019, year=2019)
    before = stored()
    with pytest.raises(ImportFout, match="85984NED.*2024, niet van 2019"):
        cbs_import(raw=cbs_bytes(NATIONAL), file_name=NATIONAL, year=2019)
    assert stored() == before


def test_the_files_own_year_column_is_checked_whatever_its_name():
    """The Wijk- en Buurtkaart has a column 'jaar' (2024) on every row."""
    with pytest.raises(ImportFout, match="Regel 2: de kolom 'jaar' zegt 2024"):
        cbs_import(raw=cbs_bytes(MAP_BUURTEN), file_name="buurten.csv", year=2019)
    assert not AreaFigure.objects.exists()


def test_the_year_says_how_it_was_checked():
    report = cbs_import(raw=cbs_bytes(MAP_BUURTEN), file_name="b.csv", year=2024)
    assert "Jaar: 2024 (gecontroleerd met de kolom 'jaar')" in report.lines()
    raw = cbs_bytes(UTRECHT_2019)
    report = cbs_import(raw=raw, file_name="utrecht.csv", year=2019)
    assert "Jaar: 2019 (door u gekozen; het bestand noemt geen jaar)" in (
        report.lines()
    )


# --- a file cut off -------------------------------------------------------------


def test_a_national_file_cut_inside_the_last_field_of_a_row_is_refused(areas):
    """Cut after '1055' of Rotterdam's 105526 inhabitants of 65+: the old import
    read the rows before it and stored 1055, with no warning."""
    raw = cbs_bytes(NATIONAL)
    row = raw.index(b"GM0599    ")
    cut = raw[: raw.index(b";105526", row) + len(b";1055")]
    before = stored()
    with pytest.raises(ImportFout, match="houdt op midden in regel .*afgekapt"):
        cbs_import(raw=cut, file_name=NATIONAL, year=2024)
    assert stored() == before
    assert figure("GM0599", "leeftijd_65_plus", 2024) == 105526


# --- another table with region codes -----------------------------------------------


def crime_table() -> bytes:
    """A CBS table with region codes that is not Kerncijfers (Geregistreerde
    misdrijven, 83648NED): codes and names of the real national file, a period, and
    a density column the catalogue knows, but no inhabitants."""
    lines = cbs_bytes(NATIONAL).decode("utf-8-sig").splitlines()[1:200]
    rows = ["ID;WijkenEnBuurten;Codering_3;Perioden;GeregistreerdeMisdrijven_1;"
            "Bevolkingsdichtheid_2"]  # fmt: skip
    for number, line in enumerate(lines):
        name, code = [cell.strip('"') for cell in line.split(";")][0:4:3]
        rows.append(f"{number};{name} (misdrijven);{code};2024JJ00;12;345")
    return ("\n".join(rows) + "\n").encode()


def test_another_cbs_table_with_region_codes_is_refused_naming_the_table(areas):
    before = stored()
    with pytest.raises(ImportFout, match="CBS-tabel 83648NED is geen tabel Kern"):
        cbs_import(raw=crime_table(), file_name="83648NED_misdrijven.csv", year=2024)
    assert stored() == before


# --- values too large -----------------------------------------------------------


def test_a_value_of_ten_to_the_eleventh_is_a_dutch_error_not_a_crash(utrecht_2019):
    before = stored()
    raw = replace_cell(utrecht_2019, "GM0344", "AantalInwoners_5", "100000000000")
    with pytest.raises(ImportFout, match="Regel 2, kolom 'AantalInwoners_5'.*te groot"):
        cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    assert stored() == before


def test_a_huge_value_through_the_command_is_a_command_error(tmp_path):
    raw = replace_cell(cbs_bytes(UTRECHT_2019), "GM0344", "Mannen_6", "1e400")
    path = tmp_path / UTRECHT_2019
    path.write_bytes(raw)
    with pytest.raises(CommandError, match="niets gewijzigd.*te groot"):
        call_command("import_cbs", str(path), "--year", "2019")
    assert not Area.objects.exists()


def test_values_just_below_the_limit_and_with_many_decimals_are_stored():
    raw = replace_cell(
        cbs_bytes(UTRECHT_2019), "GM0344", "Mannen_6", "99999999999.9991"
    )
    cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    assert figure("GM0344", "mannen", 2019) == Decimal("99999999999.999")
    # Stored with three decimals, so the same file again changes nothing.
    again = cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)
    assert again.figures_written == 0


# --- messages that misled --------------------------------------------------------


def r_style(raw: bytes) -> bytes:
    """The file as R's read.csv/write.csv leaves it: '/', ' ', '(' and ')' in the
    header became '.'."""
    text = raw.decode("utf-8-sig")
    header, rest = text.split("\r\n", 1)
    names = [
        '"' + "".join(c if c.isalnum() else "." for c in name.strip('"')) + '"'
        for name in header.split(";")
    ]
    return (";".join(names) + "\r\n" + rest).encode()


def test_a_header_written_by_r_is_read():
    raw = r_style(cbs_bytes(NATIONAL))
    assert b"Regioaanduiding.Codering..code." in raw
    report = cbs_import(raw=raw, file_name=NATIONAL, year=2024, only_gemeente="GM0599")
    assert report.recognised_columns["Bevolking.Aantal.inwoners..aantal."] == (
        "inwoners"
    )
    assert report.unrecognised_columns == []
    assert figure("GM0599", "inwoners", 2024) == 670610
    assert Area.objects.get(code="GM0599").name == "Rotterdam"


def test_a_tab_separated_file_is_read():
    raw = cbs_bytes(UTRECHT_2019).replace(b";", b"\t")
    cbs_import(raw=raw, file_name="utrecht.txt", year=2019)
    assert figure("GM0344", "inwoners", 2019) == 352866


def test_an_empty_code_says_the_code_is_empty(utrecht_2019):
    raw = replace_cell(utrecht_2019, "WK034401", "Codering_3", "")
    with pytest.raises(
        ImportFout, match=r"Regel 3: de regiocode \(kolom 'Codering_3'\)"
    ):
        cbs_import(raw=raw, file_name=UTRECHT_2019, year=2019)


def test_a_reimport_that_changes_nothing_says_so(utrecht_2019):
    report = cbs_import(raw=utrecht_2019, file_name=UTRECHT_2019, year=2019)
    lines = report.lines()
    assert "Gebieden nieuw: 0, nieuwe naam: 0, ongewijzigd: 122" in lines
    assert "Er is niets gewijzigd: alles stond er al zo." in lines
    assert not any("bijgewerkt" in line for line in lines)
    run = CbsImport.objects.first()
    assert (run.areas_changed, run.figures_changed, run.figures_added) == (0, 0, 0)
    assert run.areas_unchanged == 122


def test_the_command_has_the_upload_pages_size_limit(settings, tmp_path):
    settings.CBS_UPLOAD_MAX_MB = 1
    with pytest.raises(CommandError, match="groter dan 1 MB"):
        call_command("import_cbs", str(cbs_path(NATIONAL, tmp_path)), "--year", "2024")
    # The gzipped copy is small, but unpacked it is over the limit too.
    from gebiedsanalyse import cbsdata

    with pytest.raises(CommandError, match="groter dan 1 MB"):
        call_command(
            "import_cbs", str(cbsdata.BUNDLED / f"{NATIONAL}.gz"), "--year", "2024"
        )
    assert not Area.objects.exists()
