"""The real CBS files of ../shared/data/cbs (see SOURCE.md there). Tests that need
them skip when the folder is absent (the repository does not carry them)."""

from pathlib import Path

import pytest

from gebiedsanalyse.demo import cbs_folder

NATIONAL = "kwb2024_85984NED_NL_bevolking_geslacht_leeftijd.csv"
HERKOMST_NO_CODES = "kwb2024_85984NED_NL_herkomst_zonder_codes.csv"
ODATA_2024 = "kwb2024_85984NED_typeddataset_eerste10000rijen.csv"
AMSTERDAM_2019 = "kwb2019_84583NED_Amsterdam_GM0363.csv"
UTRECHT_2019 = "kwb2019_84583NED_Utrecht_GM0344_subset.csv"
UTRECHT_2021 = "kwb2021_Utrecht_GM0344_subset.csv"
MAP_BUURTEN = "wbkaart2024_buurten_Rijnmond_attributen.csv"
BUURTEN_GEOJSON = "wbkaart2024_buurten_Rijnmond.geojson"
WIJKEN_GEOJSON = "wbkaart2024_wijken_Randstad.geojson"


def cbs_path(name: str) -> Path:
    path = cbs_folder() / name
    if not path.is_file():
        pytest.skip(f"CBS-bestand {path} ontbreekt")
    return path


def cbs_bytes(name: str) -> bytes:
    return cbs_path(name).read_bytes()


# For tests whose demo data needs the Rotterdam areas from the CBS folder.
requires_cbs = pytest.mark.skipif(
    not cbs_folder().is_dir(), reason="../shared/data/cbs ontbreekt"
)
