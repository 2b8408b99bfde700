"""The CAD's history chart in words against the days before it – Qt-free.

"12.40 kWh in all, 8% less than the 7 days before": the last day, 7 or 30 days compared with as
many days just before them, over the half hours both have a record for (a gap in the log on
either side is left out of both, so a missing day never reads as a fall in use).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from app.wording import Wording, fill


def compared(
    now_values: NDArray[np.float64], before_values: NDArray[np.float64]
) -> tuple[float, float] | None:
    """Both totals over the half hours recorded in both; None when there is nothing to compare."""
    count = min(len(now_values), len(before_values))
    both = np.isfinite(now_values[:count]) & np.isfinite(before_values[:count])
    if not both.any():
        return None
    before = float(before_values[:count][both].sum())
    if before <= 0:
        return None
    return float(now_values[:count][both].sum()), before


def comparison(
    now_values: NDArray[np.float64],
    before_values: NDArray[np.float64],
    days: int,
    wording: Wording,
) -> str:
    """ "8% less than the 7 days before", or "" when the two cannot be compared."""
    found = compared(now_values, before_values)
    if found is None:
        return ""
    now_total, before = found
    w = wording
    # Each period whole, without "than": a language puts its own word before it.
    other = {
        1: w.translate("CadViews", "the day before"),
        7: w.translate("CadViews", "the 7 days before"),
        30: w.translate("CadViews", "the 30 days before"),
    }[days]
    percent = round(100 * (now_total - before) / before)
    if percent == 0:
        return fill(w.translate("CadViews", "about the same as %1"), other)
    template = (
        w.translate("CadViews", "%1% more than %2")
        if percent > 0
        else w.translate("CadViews", "%1% less than %2")
    )
    return fill(template, str(abs(percent)), other)
