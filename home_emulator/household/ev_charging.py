"""Home charging of an electric car on a 7 kW (32 A single-phase) charge point.

The car is not charged every day: on a charging day it needs a top-up that
depends on the miles driven since the last charge (more per mile in winter: cabin
heating and a cold battery).  Plugged in on arrival in the evening it charges at
once, often past midnight, or a smart charger holds it for the tariff's off-peak
window.  GB smart charge points must also delay each scheduled start by a random
few minutes (up to 600 s by default) so that thousands of cars do not switch on
at the same second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from home_emulator.household.day import (
    SLOT_SECONDS,
    SLOTS_PER_HOUR,
    DayContext,
    DayLoad,
    Range,
    slots,
)
from home_emulator.household.weather import winterness

_VOLTAGE_SPREAD = 0.015
# The charger backs off as the battery nears full: two steps at these shares of full power.
_TAPER_STEPS = (0.65, 0.35)


@dataclass(frozen=True)
class _Session:
    plug_in_h: float
    need_kwh: float
    delay_slots: int
    watts: float  # a 32 A charger draws constant current: its power follows the mains voltage


@dataclass(frozen=True)
class EVCharger:
    """A home EV charge point: charges on some days until the car's need is met, from the
    evening plug-in or, with ``off_peak`` set, within that window of clock hours only."""

    name: str = "ev_charger"
    watts: float = 7_200.0
    charges_per_week: float = 3.0
    need_kwh: Range = (10.0, 40.0)  # energy drawn from the supply per charge
    plug_in_h: tuple[float, float] = (18.75, 1.2)  # mean clock hour of arrival, and its spread
    off_peak: Range | None = None  # e.g. (0.5, 4.5): charge only from 00:30 to 04:30
    random_delay_minutes: float = 10.0
    winter_extra: float = 0.2  # extra energy per mile in midwinter
    taper_minutes: float = 10.0

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        session = self._session(rng, day.winterness)
        if session is None:
            return
        if self.off_peak is None:
            self._charge(day.slot_at(session.plug_in_h) + session.delay_slots, None, session, load)
        else:
            window_start, window_end = (day.slot_at(h) for h in self.off_peak)
            self._charge(window_start + session.delay_slots, window_end, session, load)

    def add_carry_over(self, day: DayContext, eve_rng: np.random.Generator, load: DayLoad) -> None:
        """The part after midnight of a charge begun the evening before."""
        if self.off_peak is not None:
            return  # an off-peak charge is over within its own day
        session = self._session(eve_rng, winterness(day.date - dt.timedelta(days=1)))
        if session is not None:
            start = day.eve_slot_at(session.plug_in_h) + session.delay_slots
            self._charge(start, None, session, load)

    def _session(self, rng: np.random.Generator, season: float) -> _Session | None:
        # The same draws in the same order whatever the outcome: the next day's carry-over
        # redraws this session from the same stream.
        charging, need, delay = rng.random(3).tolist()
        arrival, voltage = rng.standard_normal(2).tolist()
        if charging >= self.charges_per_week / 7:
            return None
        low, high = self.need_kwh
        need_kwh = (low + (high - low) * need) * (1.0 + self.winter_extra * season)
        plug_in_h = min(max(self.plug_in_h[0] + self.plug_in_h[1] * arrival, 16.0), 23.75)
        delay_slots = int(delay * self.random_delay_minutes * 60 / SLOT_SECONDS)
        watts = self.watts * (1.0 + _VOLTAGE_SPREAD * voltage)
        return _Session(plug_in_h, need_kwh, delay_slots, watts)

    def _charge(self, start: int, stop: int | None, session: _Session, load: DayLoad) -> None:
        taper = slots(self.taper_minutes / len(_TAPER_STEPS))
        taper_wh = sum(_TAPER_STEPS) * session.watts * taper / SLOTS_PER_HOUR
        full_wh = max(session.need_kwh * 1000 - taper_wh, 0.0)
        lengths = [round(full_wh / session.watts * SLOTS_PER_HOUR), *[taper] * len(_TAPER_STEPS)]
        for length, share in zip(lengths, (1.0, *_TAPER_STEPS), strict=True):
            run = length if stop is None else min(length, stop - start)
            if run > 0:
                load.add_pulse(start, run, session.watts * share)
                start += run
