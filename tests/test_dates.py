"""Numbers as a Dutch reader expects them: never '-0', and the largest allowed numbers in full."""

from __future__ import annotations

import pytest

from agenda.dates import euro_text, number_text

GETAL = 10**15  # the bound of every number in the schemas ($defs/getal)
NBSP = "\xa0"  # between the euro sign and an amount with cents, as babel writes it


@pytest.mark.parametrize("value", [-0.0, -0.0001, -0.0005, -1.0e-300])
def test_a_number_shown_as_zero_has_no_minus_sign(value: float) -> None:
    assert number_text(value) == "0"
    assert euro_text(value) in ("€ 0", f"€{NBSP}0,00")


@pytest.mark.parametrize(
    ("value", "number", "euro"),
    [
        (-1.5, "-1,5", f"€{NBSP}-1,50"),
        (-0.001, "-0,001", f"€{NBSP}0,00"),  # less than a cent
        (GETAL, "1.000.000.000.000.000", "€ 1.000.000.000.000.000"),
        (float(-GETAL), "-1.000.000.000.000.000", "-€ 1.000.000.000.000.000"),
        (999_999_999_999_999.5, "999.999.999.999.999,5", f"€{NBSP}999.999.999.999.999,50"),
    ],
)
def test_other_numbers_keep_their_sign_and_every_digit(value: float, number: str, euro: str) -> None:
    assert number_text(value) == number
    assert euro_text(value) == euro
