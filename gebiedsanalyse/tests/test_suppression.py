import pytest

from gebiedsanalyse.services import suppress_small


@pytest.mark.parametrize(
    ("n", "shown"),
    [(0, "< 5"), (1, "< 5"), (4, "< 5"), (5, "5"), (17, "17"), (1234, "1.234")],
)
def test_cells_below_five_are_never_shown(n, shown):
    assert suppress_small(n) == shown


def test_no_data_is_a_dash_not_a_number():
    assert suppress_small(None) == "–"
