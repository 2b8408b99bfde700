"""What the History screen draws – the range a person chose and the bars read for it – as a short
text, so a trial's replay draws the same chart without the display's history store.

The bars come from the store, which a replay does not have (and which has moved on since); the
choices (range, fuel, £ or kWh, how far back, chart or totals) are the screen's alone. A day's
chart is 48 bars, a text of a few hundred bytes, written only when it changed. NaN (no record for
a bar) is written as null, JSON having no NaN.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from han.model import Fuel
from ihd.view_models.history import Measure, Series, Span, Window


@dataclass(frozen=True)
class ChartShown:
    span: Span
    fuel: Fuel
    measure: Measure
    back: int
    """Ranges back from the present one."""
    totals: bool
    """The totals page is on show rather than the chart."""
    series: Series | None
    previous: Series | None
    """The range before, which the chart's words compare with."""
    now_s: float | None
    """The HAN time the comparison was made at."""

    def text(self) -> str:
        return json.dumps(
            {
                "span": self.span.value,
                "fuel": self.fuel.value,
                "measure": self.measure.value,
                "back": self.back,
                "totals": self.totals,
                "series": _series_data(self.series),
                "previous": _series_data(self.previous),
                "now_s": self.now_s,
            },
            sort_keys=True,
            allow_nan=False,
        )

    @classmethod
    def read(cls, text: str) -> ChartShown:
        data = json.loads(text)
        now_s = data["now_s"]
        return cls(
            Span(data["span"]),
            Fuel(data["fuel"]),
            Measure(data["measure"]),
            int(data["back"]),
            bool(data["totals"]),
            _series(data["series"]),
            _series(data["previous"]),
            None if now_s is None else float(now_s),
        )


def _numbers(values: Any) -> list[float | None]:
    return [float(v) if math.isfinite(v) else None for v in values]


def _series_data(series: Series | None) -> dict[str, Any] | None:
    if series is None:
        return None
    return {
        "fuel": series.fuel.value,
        "measure": series.measure.value,
        "span": series.window.span.value,
        "window": list(series.window.edges),
        "edges": _numbers(series.edges),
        "values": _numbers(series.values),
    }


def _array(values: list[float | None]) -> Any:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def _series(data: dict[str, Any] | None) -> Series | None:
    if data is None:
        return None
    return Series(
        Fuel(data["fuel"]),
        Measure(data["measure"]),
        Window(Span(data["span"]), tuple(int(edge) for edge in data["window"])),
        _array(data["edges"]),
        _array(data["values"]),
    )
