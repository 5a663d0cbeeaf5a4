"""The real CBS files the tests use: the gzipped copies in the repository
(`gebiedsanalyse/data/cbs/`, provenance and subsets in its README.md). The names are
the names the files would have unpacked; every file is there, nothing skips."""

from pathlib import Path

from gebiedsanalyse import cbsdata

NATIONAL = "kwb2024_85984NED_NL_bevolking_geslacht_leeftijd.csv"
# Subsets: the country row and Rotterdam's rows / NL00 and Leiderdorp (GM0547).
HERKOMST_NO_CODES = "kwb2024_85984NED_NL_herkomst_zonder_codes_Rotterdam.csv"
ODATA_2024 = "kwb2024_85984NED_typeddataset_NL00_Leiderdorp.csv"
AMSTERDAM_2019 = "kwb2019_84583NED_Amsterdam_GM0363.csv"
UTRECHT_2019 = "kwb2019_84583NED_Utrecht_GM0344_subset.csv"
UTRECHT_2021 = "kwb2021_Utrecht_GM0344_subset.csv"
MAP_BUURTEN = "wbkaart2024_buurten_Rijnmond_attributen.csv"
BUURTEN_GEOJSON = "wbkaart2024_buurten_Rijnmond.geojson"
# Subset: Rotterdam's 21 wijken.
WIJKEN_GEOJSON = "wbkaart2024_wijken_Randstad.geojson"


def cbs_bytes(name: str) -> bytes:
    """The file's content, unpacked."""
    return cbsdata.read(cbsdata.BUNDLED / f"{name}.gz")[0]


def cbs_path(name: str, folder: Path) -> Path:
    """The file unpacked into `folder` (a tmp_path), for what needs a plain file."""
    path = folder / name
    path.write_bytes(cbs_bytes(name))
    return path
