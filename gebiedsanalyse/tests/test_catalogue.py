import pytest

from gebiedsanalyse.catalogue import INDICATORS, indicator_for, normalise


@pytest.mark.parametrize(
    ("column", "key"),
    [
        ("Bevolking/Aantal inwoners (aantal)", "inwoners"),
        ("AantalInwoners_5", "inwoners"),
        ("aantal_inwoners", "inwoners"),
        ("Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)", "leeftijd_0_15"),
        ("k_0Tot15Jaar_8", "leeftijd_0_15"),
        ("Bevolking/Leeftijdsgroepen/65 jaar of ouder (aantal)", "leeftijd_65_plus"),
        ("k_65JaarOfOuder_12", "leeftijd_65_plus"),
        # The suffix changes per year; the name does not.
        ("PersonenPerSoortUitkeringBijstand_83", "bijstand"),
        ("PersonenPerSoortUitkeringBijstand_94", "bijstand"),
        ("PersonenPerSoortUitkeringBijstand_87", "bijstand"),
        ("aantal_personen_met_een_alg_bijstandsuitkering_tot", "bijstand"),
        # File 2 keeps a double space before the unit.
        (
            "Bevolking/Bevolking naar herkomst/Herkomstland/Buiten Europa  (aantal)",
            "herkomst_buiten_europa",
        ),
        ('"HuishoudensTotaal_28"', "huishoudens"),
    ],
)
def test_columns_map_by_name_in_every_style(column, key):
    assert indicator_for(column) == key


def test_unknown_and_region_columns_map_to_no_indicator():
    assert indicator_for("Ongehuwd_13") is None
    assert indicator_for("Regioaanduiding/Codering (code)") is None
    assert normalise("Regioaanduiding/Codering (code)") == "codering"
    assert normalise("Codering_3") == "codering"


def test_every_indicator_has_a_dutch_label_unit_and_a_unique_name():
    names = [name for i in INDICATORS for name in i.names]
    assert len(names) == len(set(names))
    for indicator in INDICATORS:
        assert indicator.label and indicator.unit and indicator.names
