import pytest

from cases.persons.validators import (
    is_valid_bsn,
    mask_bsn,
    normalize_bsn,
    normalize_postcode,
    search_key,
)


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999999990"])
def test_valid_bsns_pass_the_11_proef(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn",
    ["123456789", "111222334", "000000000", "12345678", "1234567820", "12345678a", ""],
)
def test_invalid_bsns_fail(bsn):
    assert not is_valid_bsn(bsn)


def test_normalize_bsn_strips_separators_and_restores_leading_zero():
    assert normalize_bsn(" 1112.22.333 ") == "111222333"
    assert normalize_bsn("12345678") == "012345678"


def test_mask_shows_only_last_three_digits():
    assert mask_bsn("111222333") == "******333"
    assert mask_bsn("") == ""


def test_postcode_is_written_the_dutch_way():
    assert normalize_postcode("3071sk") == "3071 SK"
    assert normalize_postcode(" 3071 SK ") == "3071 SK"
    assert normalize_postcode("onzin") == "ONZIN"


def test_search_key_drops_accents_and_case():
    assert search_key("Gülsen", "", "KAYA") == "gulsen kaya"
