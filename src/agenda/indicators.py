"""Indicators: which target holds in a year, and how a measurement compares with it."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Doel, Indicator, Meting


def target_for(doelen: Sequence[Doel], year: int) -> Doel | None:
    """The target for a year: its own, else the latest earlier one marked ``vanaf``."""
    own = [d for d in doelen if d.jaar == year]
    if own:
        return own[-1]
    earlier = [d for d in doelen if d.vanaf and d.jaar < year]
    return max(earlier, key=lambda d: d.jaar) if earlier else None


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
