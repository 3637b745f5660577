"""Dates, moments and numbers as a Dutch reader expects them: '14 maart 2023', '1,5'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from .model import ONBEKEND, Moment

LOCALE = "nl_NL"


def dutch_date(value: date) -> str:
    """'14 maart 2023'."""
    return format_date(value, format="long", locale=LOCALE)


def moment_text(moment: Moment | None) -> str:
    """A date, a year or 'onbekend' as text; a missing moment is 'onbekend'."""
    if moment is None or moment == ONBEKEND:
        return ONBEKEND
    if isinstance(moment, int):
        return str(moment)
    return dutch_date(date.fromisoformat(moment))


def moment_year(moment: Moment | None) -> int | None:
    """The year of a date or year; None when unknown."""
    if isinstance(moment, int):
        return moment
    if isinstance(moment, str) and moment[:4].isdigit():
        return int(moment[:4])
    return None


def moment_key(moment: Moment | None) -> tuple[int, int, int] | None:
    """Sort key of a known moment (a bare year sorts before the dates in that year)."""
    if isinstance(moment, int):
        return (moment, 0, 0)
    if isinstance(moment, str) and moment[:4].isdigit():
        day = date.fromisoformat(moment)
        return (day.year, day.month, day.day)
    return None


def number_text(value: float | None) -> str:
    """'1,5', '60', or 'onbekend'; never '-0'."""
    if value is None:
        return ONBEKEND
    return _without_minus_zero(_decimal, value)


def euro_text(value: float | None) -> str:
    """'€ 12.500', '€ 12.500,50', or 'onbekend'; never '€ -0'."""
    if value is None:
        return ONBEKEND
    return _without_minus_zero(_euro, value)


def _decimal(value: float) -> str:
    return format_decimal(value, locale=LOCALE)


def _euro(value: float) -> str:
    if float(value).is_integer():
        return format_currency(value, "EUR", format="¤ #,##0", currency_digits=False, locale=LOCALE)
    return format_currency(value, "EUR", locale=LOCALE)


def _without_minus_zero(text_of: Callable[[float], str], value: float) -> str:
    """``text_of(value)``; a value shown as zero (-0.0, or -0.0001 rounded) without its minus sign."""
    text = text_of(value)
    return text if any(digit in text for digit in "123456789") else text_of(abs(value))
