"""A chart in one or two sentences, for everyone who cannot see the bars – Qt-free.

History: "Total 82.00 kWh; most on Tue 3 Dec, 14.00 kWh; least on Sun 1 Dec, 6.00 kWh"; given the
range before it, the total is compared: "This week 82.00 kWh, 8% less than last week; most on …".
The range still running is compared bar for bar with the same finished bars of the one before
(Monday and Tuesday against last Monday and Tuesday), never a part-week against a whole one.
Today's prices: "Cheapest 12.50p per kWh, 02:00–02:30; dearest 30.20p per kWh, 17:00–17:30".
Shown under the chart and given to screen readers as the chart's description; bar-by-bar reading
(Left/Right) is the bar words of each view-model.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from app.wording import Wording, fill
from ihd.view_models.history import BarWords, Series, Span
from ihd.view_models.tariff import TariffViewModel, Timeline


def extremes(values: NDArray[np.float64]) -> tuple[int, int] | None:
    """Indexes of the highest and lowest bar with a record (the first of equals), or None."""
    known = np.isfinite(values)
    if not known.any():
        return None
    masked_high = np.where(known, values, -np.inf)
    masked_low = np.where(known, values, np.inf)
    return int(np.argmax(masked_high)), int(np.argmin(masked_low))


def compared(
    series: Series, previous: Series, now_s: float | None = None
) -> tuple[float, float] | None:
    """This range's and the one before's totals over the bars both have a record for, leaving
    out any bar not finished at ``now_s``; None when there is nothing to compare."""
    count = min(len(series.values), len(previous.values))
    both = np.isfinite(series.values[:count]) & np.isfinite(previous.values[:count])
    if now_s is not None:
        both &= series.edges[1 : count + 1] <= now_s
    if not both.any():
        return None
    before = float(previous.values[:count][both].sum())
    if before <= 0:
        return None
    return float(series.values[:count][both].sum()), before


def _running(series: Series, now_s: float | None) -> bool:
    return now_s is not None and series.edges[0] <= now_s < series.edges[-1]


def _heading(series: Series, wording: Wording, now_s: float | None) -> str:
    """ "This week 82.00 kWh" for the range still running, else "Total 82.00 kWh"."""
    words = BarWords(wording)
    total = series.total
    if total is None or not _running(series, now_s):
        return words.total(series)
    w = wording
    this = {
        Span.DAY: w.translate("ChartWords", "Today %1"),
        Span.WEEK: w.translate("ChartWords", "This week %1"),
        Span.MONTH: w.translate("ChartWords", "This month %1"),
        Span.YEAR: w.translate("ChartWords", "These 12 months %1"),
    }[series.window.span]
    return fill(this, words.amount(series, total))


def comparison(
    series: Series, previous: Series, wording: Wording, now_s: float | None = None
) -> str:
    """ "8% less than last week", or "" when the two cannot be compared."""
    found = compared(series, previous, now_s)
    if found is None:
        return ""
    now_total, before = found
    w = wording
    running = _running(series, now_s)
    span = series.window.span
    # Each period whole, without "than": a language puts its own word before it (Welsh joins
    # "na" to "'r wythnos cynt" as "na'r wythnos cynt").
    other = (
        {
            Span.DAY: w.translate("ChartWords", "yesterday by this time"),
            Span.WEEK: w.translate("ChartWords", "last week by this time"),
            Span.MONTH: w.translate("ChartWords", "last month by this time"),
            Span.YEAR: w.translate("ChartWords", "the 12 months before by this time"),
        }
        if running
        else {
            Span.DAY: w.translate("ChartWords", "the day before"),
            Span.WEEK: w.translate("ChartWords", "the week before"),
            Span.MONTH: w.translate("ChartWords", "the month before"),
            Span.YEAR: w.translate("ChartWords", "the 12 months before"),
        }
    )[span]
    percent = round(100 * (now_total - before) / before)
    if percent == 0:
        return fill(w.translate("ChartWords", "about the same as %1"), other)
    template = (
        w.translate("ChartWords", "%1% more than %2")
        if percent > 0
        else w.translate("ChartWords", "%1% less than %2")
    )
    return fill(template, str(abs(percent)), other)


def history_summary(
    series: Series,
    wording: Wording,
    previous: Series | None = None,
    now_s: float | None = None,
) -> str:
    """The chart in words; with ``previous`` (the range before) its total compared with that one's,
    and with ``now_s`` the range still running named as such ("This week")."""
    words = BarWords(wording)
    head = _heading(series, wording, now_s)
    if previous is not None:
        against = comparison(series, previous, wording, now_s)
        head = f"{head}, {against}" if against else head
    found = extremes(series.values)
    if found is None:
        return words.total(series)
    high, low = found
    w = wording
    return "; ".join(
        [
            head,
            fill(
                w.translate("ChartWords", "most on %1, %2"),
                words.when(series, high),
                words.amount(series, float(series.values[high])),
            ),
            fill(
                w.translate("ChartWords", "least on %1, %2"),
                words.when(series, low),
                words.amount(series, float(series.values[low])),
            ),
        ]
    )


def prices_summary(timeline: Timeline, view_model: TariffViewModel, wording: Wording) -> str:
    found = extremes(timeline.pence)
    if found is None:
        return ""
    dearest, cheapest = found
    w = wording
    return "; ".join(
        [
            fill(
                w.translate("ChartWords", "cheapest %1"),
                view_model.slot_words(timeline, cheapest),
            ),
            fill(
                w.translate("ChartWords", "dearest %1"),
                view_model.slot_words(timeline, dearest),
            ),
        ]
    )
