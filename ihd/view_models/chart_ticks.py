"""Labels under a chart's bars – Qt-free.

Each label sits under the middle of the bar it names (never on the edge between two bars), and the
first bar always has one: a day's half hours every three hours from midnight, a week's days by name,
a month's days every seven from the 1st, a year's months by name. Times and dates are the HAN's, in
GB local time (the wording's clock), like every other time the display shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np
from numpy.typing import NDArray

from app.wording import Wording
from ihd.view_models.history import NOON_S, Series, Span

Tick = tuple[float, str]
HOURS_APART: Final = 3
"""A day of half hours is labelled every three hours: eight labels fit 800 pixels in any language."""
MONTH_DAYS_APART: Final = 7


def _middle(edges: NDArray[np.float64], index: int) -> float:
    return float(edges[index] + edges[index + 1]) / 2


def half_hour_ticks(edges: NDArray[np.float64], wording: Wording) -> list[Tick]:
    """Bars of half an hour: the ones that start on the hour, every three hours of local time
    (a clock-change day still labels 00:00, 03:00, … at the bars that start then)."""
    ticks = []
    for index in range(len(edges) - 1):
        said = wording.clock(float(edges[index]))
        hour, minute = said.split(":")[:2]
        if minute == "00" and int(hour) % HOURS_APART == 0:
            ticks.append((_middle(edges, index), said))
    return ticks


def _date_part(wording: Wording, epoch_s: float, part: int) -> str:
    """One part of the wording's short date ("Mon 1 Jun"): 0 weekday, 1 day, 2 month."""
    return wording.day(epoch_s + NOON_S).split()[part]


def history_ticks(series: Series, wording: Wording) -> Sequence[Tick]:
    edges = series.edges
    count = len(edges) - 1
    span = series.window.span
    if span is Span.DAY:
        return half_hour_ticks(edges, wording)
    if span is Span.WEEK:
        return [(_middle(edges, i), _date_part(wording, edges[i], 0)) for i in range(count)]
    if span is Span.MONTH:
        return [
            (_middle(edges, i), _date_part(wording, edges[i], 1))
            for i in range(0, count, MONTH_DAYS_APART)
        ]
    return [(_middle(edges, i), _date_part(wording, edges[i], 2)) for i in range(count)]
