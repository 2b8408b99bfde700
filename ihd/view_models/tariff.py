"""What the Tariff screen says: the price now and next for each fuel, the standing charge, and today's
prices half hour by half hour – Qt-free.

Prices are what the meters published (``Tariff.price_at``), in pence per kWh with VAT included;
times are the meters' own (the HAN's clock, which the tariff follows). A
half hour of today the meter has not priced (it has passed, or is not published yet) takes the price
of the same half hour of the day after or before when the meter has published that (a repeating day:
Economy 7) – else it stays unknown (NaN), never guessed from a neighbour. When a meter has gone quiet its
prices are dimmed and say how long ago it was last heard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

import numpy as np
from numpy.typing import NDArray

from app.wording import PLAIN_ENGLISH, Wording, fill, rate_label_words
from han.domain.local_calendar import LocalCalendar
from han.freshness import out_of_date, silence_han_s
from han.model import Fuel, HomeModel, Meter, PricePeriod
from ihd.view_models.home import age_note

HALF_HOUR_S: Final = 1800
QUIET_AFTER_S: Final = 15 * 60.0
"""A meter not heard for this long (twice that for a gas mirror) may have changed price unseen."""


@dataclass(frozen=True)
class FuelPrices:
    fuel: Fuel
    caption: str
    price_now: str
    """"24.50p per kWh"."""
    band_now: str
    """"Night rate until 07:00"."""
    next_price: str
    """"From 07:00: 30.12p per kWh (Day)"."""
    standing_charge: str
    stale: bool
    note: str
    current: PricePeriod | None
    next: PricePeriod | None


@dataclass(frozen=True)
class Timeline:
    """Today's electricity prices in half hours: edges (epoch s) and pence per kWh (NaN: unknown)."""

    edges: NDArray[np.float64]
    pence: NDArray[np.float64]
    now_index: int
    labels: tuple[str, ...]
    """The rate's name in each half hour ("" when unknown)."""


@dataclass(frozen=True)
class TariffPage:
    fuels: tuple[FuelPrices, ...]
    timeline: Timeline | None
    vat_note: str
    waiting: str
    """"Waiting for prices from your meter…" until the first price arrives."""


def pence(price_gbp: Decimal, wording: Wording) -> str:
    return fill(
        wording.translate("TariffScreen", "%1p per kWh"), wording.number(price_gbp * 100, 2)
    )


class TariffViewModel:
    def __init__(
        self,
        model: HomeModel,
        wording: Wording = PLAIN_ENGLISH,
        calendar: LocalCalendar | None = None,
    ) -> None:
        self._model = model
        self._wording = wording
        self._calendar = calendar or LocalCalendar()

    def page(self, now: float) -> TariffPage:
        w = self._wording
        meters = [
            meter
            for meter in (self._model.electricity_import_meter(), self._model.gas_meter())
            if meter is not None
        ]
        fuels = tuple(self._fuel(meter, now) for meter in meters)
        electricity = self._model.electricity_import_meter()
        timeline = self.timeline(electricity, now) if electricity is not None else None
        waiting = (
            ""
            if any(f.current is not None for f in fuels)
            else w.translate("TariffScreen", "Waiting for prices from your meter…")
        )
        return TariffPage(
            fuels,
            timeline,
            w.translate("TariffScreen", "Prices include VAT at 5 %."),
            waiting,
        )

    def _fuel(self, meter: Meter, now: float) -> FuelPrices:
        w = self._wording
        han_now = self._model.han_now(now)
        tariff = meter.tariff
        current = tariff.price_at(han_now)
        following = tariff.next_after(han_now)
        caption = (
            w.translate("TariffScreen", "Gas")
            if meter.fuel is Fuel.GAS
            else w.translate("TariffScreen", "Electricity")
        )
        if current is not None:
            price_now = pence(current.unit_price_gbp_per_kwh, w)
            band = self._band(current)
            if current.end_s is not None:
                band = fill(
                    w.translate("TariffScreen", "%1 until %2"),
                    band,
                    w.clock(current.end_s),
                )
        elif tariff.unit_price_gbp_per_kwh is not None:
            price_now = pence(tariff.unit_price_gbp_per_kwh.value, w)
            band = w.translate("TariffScreen", "Single rate")
        else:
            price_now, band = "–", w.translate("TariffScreen", "Price not known yet")
        if following is not None and following.start_s is not None:
            next_price = fill(
                w.translate("TariffScreen", "From %1: %2 (%3)"),
                w.clock(following.start_s),
                pence(following.unit_price_gbp_per_kwh, w),
                self._band(following),
            )
        else:
            next_price = w.translate("TariffScreen", "No price change announced")
        standing = tariff.standing_charge_gbp_per_day
        standing_text = (
            fill(w.translate("TariffScreen", "Standing charge %1 a day"), w.money(standing.value))
            if standing is not None
            else w.translate("TariffScreen", "Standing charge not known yet")
        )
        # A price is pushed only when it changes: it is as live as the meter that would push it.
        quiet_after = max(QUIET_AFTER_S, 2 * meter.expected_update_s)
        stale = out_of_date(self._model, meter, now, quiet_after)
        note = ""
        if stale and meter.today_import_kwh is not None:
            note = age_note(silence_han_s(self._model, meter, now), w)
        return FuelPrices(
            meter.fuel,
            caption,
            price_now,
            band,
            next_price,
            standing_text,
            stale,
            note,
            current,
            following,
        )

    def _band(self, period: PricePeriod) -> str:
        w = self._wording
        if period.rate_label:
            return rate_label_words(period.rate_label, w)
        if period.tier is not None:
            return fill(w.translate("TariffScreen", "Rate %1"), str(period.tier))
        return w.translate("TariffScreen", "Single rate")

    def timeline(self, meter: Meter, now: float) -> Timeline:
        han_now = self._model.han_now(now)
        day = self._calendar.day_start(han_now)
        following = self._calendar.days_before(day, -1)
        edges = np.arange(day, following + 1, HALF_HOUR_S, dtype=np.float64)
        prices = np.full(len(edges) - 1, np.nan)
        labels: list[str] = []
        for index, start in enumerate(edges[:-1]):
            middle = float(start) + HALF_HOUR_S / 2
            period = meter.tariff.price_at(middle) or meter.tariff.price_at(
                self._same_clock_tomorrow(middle)
            )
            if period is None and meter.tariff.schedule and len(meter.tariff.schedule) == 1:
                period = (
                    meter.tariff.schedule[0] if meter.tariff.schedule[0].end_s is None else None
                )
            if period is not None:
                prices[index] = float(period.unit_price_gbp_per_kwh) * 100
                labels.append(self._band(period))
            else:
                labels.append("")
        now_index = int((han_now - day) // HALF_HOUR_S)
        return Timeline(edges, prices, min(max(now_index, 0), len(prices) - 1), tuple(labels))

    def _same_clock_tomorrow(self, han_s: float) -> float:
        """The instant the wall clock next reads as it does at ``han_s``, a day on: a half hour
        already gone takes tomorrow's price for the same clock time, which is 23 or 25 hours later
        when the clocks change in between (24 hours would land on another hour's band)."""
        local = dt.datetime.fromtimestamp(han_s, self._calendar.zone)
        return (
            (local.replace(tzinfo=None) + dt.timedelta(days=1))
            .replace(tzinfo=self._calendar.zone, fold=local.fold)
            .timestamp()
        )

    def slot_words(self, timeline: Timeline, index: int) -> str:
        w = self._wording
        if not 0 <= index < len(timeline.pence):
            return ""
        start = float(timeline.edges[index])
        end = float(timeline.edges[index + 1])
        price = timeline.pence[index]
        said = (
            w.translate("TariffScreen", "price not known")
            if not np.isfinite(price)
            else fill(
                w.translate("TariffScreen", "%1p per kWh"),
                w.number(Decimal(repr(float(price))), 2),
            )
        )
        label = timeline.labels[index]
        return fill(
            "%1–%2: %3",
            w.clock(start),
            w.clock(end),
            f"{said} ({label})" if label else said,
        )
