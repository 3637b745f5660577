"""Indicators: which target holds in a year, the periods to show (chart and table alike), how a
measurement compares with its target, and measurements and targets as Dutch text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import get_month_names

from .dates import LOCALE, number_text
from .model import ONBEKEND, Doel, Indicator, Meting

SUPPRESSED = "minder dan 10"  # shown instead of a value below 10 (afgeschermd)
DIRECTION = {"hoger": "een hogere waarde is beter", "lager": "een lagere waarde is beter"}
BOUND = {"hoger": "minstens", "lager": "hoogstens"}  # what a target is, by the indicator's direction
NOT_MEASURED = "Nog geen meting."


def target_for(doelen: Sequence[Doel], year: int) -> Doel | None:
    """The target for a year: its own, else the latest earlier one marked ``vanaf``."""
    own = [d for d in doelen if d.jaar == year]
    if own:
        return own[-1]
    earlier = [d for d in doelen if d.vanaf and d.jaar < year]
    return max(earlier, key=lambda d: d.jaar) if earlier else None


@dataclass(frozen=True)
class Period:
    """One period of an indicator: a measurement, or a target year without any measurement,
    with the target that holds in its year."""

    periode: str  # '2023', '2023-Q1', '2023-S2', '2023-03'
    meting: Meting | None
    doel: Doel | None

    @property
    def year(self) -> int:
        return int(self.periode[:4])


def periods(indicator: Indicator) -> list[Period]:
    """Every measurement, and every target year in which nothing was measured, in time order."""
    measured_years = {m.periode[:4] for m in indicator.metingen}
    target_years = sorted({d.jaar for d in indicator.doelen if str(d.jaar) not in measured_years})
    found = [(m.periode, m) for m in indicator.metingen] + [(str(year), None) for year in target_years]
    found.sort(key=lambda item: item[0])
    return [Period(periode, meting, target_for(indicator.doelen, int(periode[:4]))) for periode, meting in found]


def period_label(periode: str) -> tuple[str, ...]:
    """'2023' -> ('2023',); '2023-Q1' -> ('1e kwartaal', '2023'); '2023-03' -> ('maart', '2023')."""
    year, _, part = periode.partition("-")
    if not part:
        return (year,)
    if part[0] == "Q":
        return (f"{part[1]}e kwartaal", year)
    if part[0] == "S":
        return (f"{part[1]}e halfjaar", year)
    return (get_month_names("wide", locale=LOCALE)[int(part)], year)


def measurements_in(indicator: Indicator, year: int) -> list[Meting]:
    """The measurements of periods in ``year`` ('2023', '2023-Q1', ...)."""
    return [m for m in indicator.metingen if m.periode[:4] == str(year)]


def assessment(indicator: Indicator, meting: Meting, doel: Doel | None) -> str:
    """'doel gehaald', 'doel niet gehaald' or 'niet te bepalen' (no target, no value, or
    a suppressed value, or no direction)."""
    if doel is None or meting.waarde is None or meting.afgeschermd:
        return "niet te bepalen"
    if indicator.richting == "hoger":
        return "doel gehaald" if meting.waarde >= doel.waarde else "doel niet gehaald"
    if indicator.richting == "lager":
        return "doel gehaald" if meting.waarde <= doel.waarde else "doel niet gehaald"
    return "niet te bepalen"


def with_unit(text: str, eenheid: str | None) -> str:
    return f"{text} {eenheid}" if eenheid else text


def meting_text(meting: Meting, eenheid: str | None) -> str:
    """'25 kinderen', 'minder dan 10 kinderen' (afgeschermd) or 'onbekend'."""
    if meting.afgeschermd:
        return with_unit(SUPPRESSED, eenheid)
    if meting.waarde is None:
        return ONBEKEND
    return with_unit(number_text(meting.waarde), eenheid)


def target_text(doel: Doel | None, eenheid: str | None) -> str:
    """'40 kinderen (vanaf 2024)', or 'geen streefwaarde'."""
    if doel is None:
        return "geen streefwaarde"
    text = with_unit(number_text(doel.waarde), eenheid)
    return text + (f" (vanaf {doel.jaar})" if doel.vanaf else "")


def target_sentence(doel: Doel, indicator: Indicator) -> str:
    """A target as it reads: its own words from the data ('30 kinderen minder instroom ... in
    2021.'), else made of its value, unit, direction and year ('minstens 40 kinderen vanaf 2024')."""
    if doel.toelichting:
        return doel.toelichting
    when = f"vanaf {doel.jaar}" if doel.vanaf else f"in {doel.jaar}"
    value = with_unit(number_text(doel.waarde), indicator.eenheid)
    return " ".join(part for part in (BOUND.get(indicator.richting), value, when) if part)
