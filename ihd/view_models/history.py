"""What the History screen's chart shows, worked out from the display's history store – Qt-free.

A range picks the bars: **Day** is the 48 half hours of one local day (46 or 50 when the clocks
change), **Week** the 7 days from Monday, **Month** the days of one calendar month, **Year** the 12
months of the 12 months to the chosen one. Earlier/Later move a whole range back or forward, up to the
24 months the store keeps. Bars are numpy arrays (edges and values; NaN where there is no record,
never a misleading zero), in kWh or in pounds.

Where the figures come from: half hours from the store's profile rows (gas in litres, turned into
kWh with the meter's calorific value and volume correction; cost at the price in force at each half
hour as recorded in the store's tariff changes), days and months from the store's period rows (the
meter's own day/month figures, or days the back-fill added up from whole days of half hours). With no
store (tests, or before it opened) the meter's own histories from the model stand in.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import numpy as np
from numpy.typing import NDArray

from app.host.context import HistoryQueries
from app.wording import PLAIN_ENGLISH, Wording, fill
from han.domain.local_calendar import LocalCalendar
from han.model import Fuel, Meter

FloatArray = NDArray[np.float64]
HALF_HOUR_S: Final = 1800
KEEP_MONTHS: Final = 24
KWH_PER_MJ: Final = 1 / 3.6
NOON_S: Final = 12 * 3600


class Span(enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Measure(enum.Enum):
    ENERGY = "energy"
    COST = "cost"


@dataclass(frozen=True)
class Window:
    """The stretch of time a range shows and the edges of its bars (epoch seconds)."""

    span: Span
    edges: tuple[int, ...]

    @property
    def start_s(self) -> int:
        return self.edges[0]

    @property
    def end_s(self) -> int:
        return self.edges[-1]


@dataclass(frozen=True)
class Series:
    """The bars of one fuel over one window."""

    fuel: Fuel
    measure: Measure
    window: Window
    edges: FloatArray
    values: FloatArray
    """NaN: no record for that bar."""

    @property
    def total(self) -> float | None:
        finite = self.values[np.isfinite(self.values)]
        return float(finite.sum()) if len(finite) else None


class Windows:
    """Bars and their edges on the local calendar, counting ranges back from now."""

    def __init__(self, calendar: LocalCalendar | None = None) -> None:
        self.calendar = calendar or LocalCalendar()

    def window(self, span: Span, han_now: float, back: int = 0) -> Window:
        c = self.calendar
        if span is Span.DAY:
            day = c.days_before(c.day_start(han_now), back)
            following = c.days_before(day, -1)
            return Window(span, tuple(range(day, following + 1, HALF_HOUR_S)))
        if span is Span.WEEK:
            monday = c.days_before(c.week_start(han_now), 7 * back)
            return Window(span, tuple(c.days_before(monday, -n) for n in range(8)))
        if span is Span.MONTH:
            first = c.months_before(c.month_start(han_now), back)
            following = c.months_before(first, -1)
            days = []
            day = first
            while day < following:
                days.append(day)
                day = c.days_before(day, -1)
            return Window(span, (*days, following))
        last = c.months_before(c.month_start(han_now), 12 * back)
        return Window(span, tuple(c.months_before(last, 11 - n) for n in range(13)))

    def oldest_back(self, span: Span) -> int:
        """How many ranges back the 24 months reach."""
        return {Span.DAY: 731, Span.WEEK: 104, Span.MONTH: KEEP_MONTHS - 1, Span.YEAR: 1}[span]


def kwh_per_m3(meter: Meter) -> float | None:
    """Gas: kWh in a cubic metre from the meter's calorific value and volume correction."""
    cv = meter.tariff.calorific_value_mj_per_m3
    correction = meter.tariff.volume_correction
    if cv is None:
        return None
    factor = float(correction.value) if correction is not None else 1.02264
    return float(cv.value) * factor * KWH_PER_MJ


def _bars(edges: Sequence[int], found: dict[int, float]) -> FloatArray:
    return np.array([found.get(start, np.nan) for start in edges[:-1]], dtype=np.float64)


async def load_series(
    store: HistoryQueries, meter: Meter, measure: Measure, window: Window
) -> Series:
    """The window's bars for one meter, read from the store."""
    key = str(meter.key)
    edges = np.asarray(window.edges, dtype=np.float64)
    if window.span is Span.DAY:
        rows = await store.half_hours(key, "import", window.start_s, window.end_s)
        starts = np.fromiter((row.start_s for row in rows), dtype=np.int64, count=len(rows))
        amounts = np.fromiter((row.amount for row in rows), dtype=np.float64, count=len(rows))
        kwh = amounts / 1000.0
        if meter.fuel is Fuel.GAS:
            factor = kwh_per_m3(meter)
            kwh = kwh * factor if factor is not None else np.full_like(kwh, np.nan)
        if measure is Measure.COST:
            kwh = kwh * await _prices(store, meter, starts)
        index = ((starts - window.start_s) // HALF_HOUR_S).astype(np.int64)
        values = np.full(len(window.edges) - 1, np.nan)
        inside = (index >= 0) & (index < len(values))
        values[index[inside]] = kwh[inside]
        return Series(meter.fuel, measure, window, edges, values)
    period = "month" if window.span is Span.YEAR else "day"
    quantity = "cost" if measure is Measure.COST else "energy"
    rows_p = await store.periods(key, quantity, period, window.start_s, window.end_s)
    scale = 10_000.0 if measure is Measure.COST else 1000.0
    found = {row.start_s: row.amount / scale for row in rows_p}
    if meter.fuel is Fuel.GAS and measure is Measure.ENERGY:
        factor = kwh_per_m3(meter)
        if factor is not None:  # days the back-fill added up from the gas profile are in m³
            volume = await store.periods(key, "volume", period, window.start_s, window.end_s)
            for row in volume:
                found.setdefault(row.start_s, row.amount / 1000.0 * factor)
    return Series(meter.fuel, measure, window, edges, _bars(window.edges, found))


async def _prices(store: HistoryQueries, meter: Meter, starts: NDArray[np.int64]) -> FloatArray:
    """£/kWh in force at each half hour: the store's recorded prices, else today's price."""
    current = meter.tariff.unit_price_gbp_per_kwh
    fallback = float(current.value) if current is not None else np.nan
    prices = np.full(len(starts), fallback)
    for change in await store.tariff_changes(str(meter.key)):
        end = change.end_s if change.end_s is not None else 2**62
        prices[(starts >= change.start_s) & (starts < end)] = float(change.unit_price_gbp)
    return prices


def series_from_meter(meter: Meter, measure: Measure, window: Window) -> Series:
    """The window's bars from the meter's own histories (9 days, 6 weeks, 14 months)."""
    edges = np.asarray(window.edges, dtype=np.float64)
    history = meter.history
    figures = history.cost_gbp if measure is Measure.COST else history.energy_kwh
    found: dict[int, float] = {}
    if figures is not None and history.starts is not None and window.span is not Span.DAY:
        value = figures.value
        if window.span is Span.YEAR:
            pairs = zip(
                history.starts.months, (value.this_month, *value.previous_months), strict=False
            )
        else:
            pairs = zip(history.starts.days, (value.today, *value.previous_days), strict=False)
        found = {start: float(amount) for start, amount in pairs if amount is not None}
    return Series(meter.fuel, measure, window, edges, _bars(window.edges, found))


class BarWords:
    """A bar's value in words, for the label beside the chart (and screen readers)."""

    def __init__(self, wording: Wording = PLAIN_ENGLISH) -> None:
        self._wording = wording

    def when(self, series: Series, index: int) -> str:
        w = self._wording
        start = int(series.edges[index])
        if series.window.span is Span.DAY:
            end = int(series.edges[index + 1])
            return f"{w.day(start)} {w.clock(start)}–{w.clock(end)}"
        return w.day(start + NOON_S)  # a day's midday names it in any time zone

    def amount(self, series: Series, value: float) -> str:
        w = self._wording
        if series.measure is Measure.COST:
            return w.money(Decimal(repr(value)))
        return f"{w.number(Decimal(repr(value)), 2)} kWh"

    def bar(self, series: Series, index: int) -> str:
        w = self._wording
        if not 0 <= index < len(series.values):
            return w.translate("HistoryScreen", "Tap a bar to see its value.")
        fuel = (
            w.translate("HistoryScreen", "Gas")
            if series.fuel is Fuel.GAS
            else w.translate("HistoryScreen", "Electricity")
        )
        value = float(series.values[index])
        if not np.isfinite(value):
            said = w.translate("HistoryScreen", "no record")
        else:
            said = self.amount(series, value)
        return fill("%1, %2: %3", fuel, self.when(series, index), said)

    def title(self, series: Series) -> str:
        w = self._wording
        first = int(series.edges[0]) + NOON_S
        last = int(series.edges[-1]) - NOON_S
        if series.window.span is Span.DAY:
            return w.day(first)
        return fill("%1 – %2", w.day(first), w.day(last))

    def total(self, series: Series) -> str:
        w = self._wording
        total = series.total
        if total is None:
            return w.translate("HistoryScreen", "No record for this time yet.")
        return fill(w.translate("HistoryScreen", "Total %1"), self.amount(series, total))
