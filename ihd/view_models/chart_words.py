"""A chart in one or two sentences, for everyone who cannot see the bars – Qt-free.

History: "Total 82.00 kWh; most on Tue 3 Dec, 14.00 kWh; least on Sun 1 Dec, 6.00 kWh".
Today's prices: "Cheapest 12.50p per kWh, 02:00–02:30; dearest 30.20p per kWh, 17:00–17:30".
Shown under the chart and given to screen readers as the chart's description; bar-by-bar reading
(Left/Right) is the bar words of each view-model.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from app.wording import Wording, fill
from ihd.view_models.history import BarWords, Series
from ihd.view_models.tariff import TariffViewModel, Timeline


def extremes(values: NDArray[np.float64]) -> tuple[int, int] | None:
    """Indexes of the highest and lowest bar with a record (the first of equals), or None."""
    known = np.isfinite(values)
    if not known.any():
        return None
    masked_high = np.where(known, values, -np.inf)
    masked_low = np.where(known, values, np.inf)
    return int(np.argmax(masked_high)), int(np.argmin(masked_low))


def history_summary(series: Series, wording: Wording) -> str:
    words = BarWords(wording)
    found = extremes(series.values)
    if found is None:
        return words.total(series)
    high, low = found
    w = wording
    return "; ".join(
        [
            words.total(series),
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
