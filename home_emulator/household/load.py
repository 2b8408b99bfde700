"""Household energy of the emulated SMETS2 home: electricity used and generated, gas burnt.

The emulated meters integrate these series into their registers, interval data
and backfilled history.  To make that integral exact, power is *piecewise
constant in integer watts on a fixed grid of 10-second slots* of UTC epoch time:
slot k covers [10k, 10k + 10) s, so the energy of any whole number of slots is an
exact integer number of joules (watts x 10), and every way of summing it (per
second, per half hour, per day, in bulk) agrees to the joule.  Ten seconds is
finer than anything a consumer device resolves (instantaneous demand is typically
refreshed every 5-10 s) yet keeps a day at 8,640 values.

Gas is a series of the same kind in watts of *gas energy* (the rate at which the
gas meter's kWh-equivalent register grows).  Solar generation is kept apart from
consumption: the electricity meter sees their difference slot by slot (net
demand, negative while exporting) and registers import and export separately,
so a slot's import is max(net, 0) and its export max(-net, 0).

Days are generated as *local* days (Europe/London by default, so 23, 24 or 25
hours of slots).  Each day draws from random generators seeded by (seed, date,
stream), never from the previous day, and the weather is a pure function of
(seed, date), so any day can be generated on its own and matches the same day
generated as part of a range.  Each appliance has its own stream, so adding
appliances leaves the others' traces unchanged.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import OrderedDict
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple, TypeVar
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator.household.day import SLOT_SECONDS, SLOTS_PER_DAY, DayLoad, Watts, day_bounds
from home_emulator.household.occupancy import Occupancy, Routine
from home_emulator.household.profiles import PROFILES, HouseholdProfile
from home_emulator.household.sun import sun_times_utc_h
from home_emulator.household.weather import Weather

__all__ = [
    "PROFILES",
    "SLOTS_PER_DAY",
    "SLOT_SECONDS",
    "HouseholdLoad",
    "HouseholdProfile",
    "Routine",
    "Watts",
    "sun_times_utc_h",
]

WattSlots = npt.NDArray[np.int64]


class _Flow(IntEnum):
    """The series kept for each day."""

    CONSUMPTION = 0
    GENERATION = 1
    GAS = 2
    NET = 3  # consumption - generation: the meter's demand, negative while exporting
    IMPORT = 4  # max(net, 0)
    EXPORT = 5  # max(-net, 0)


class _Day(NamedTuple):
    first_slot: int
    watts: tuple[Watts, ...]  # per _Flow, read-only
    watt_slots: tuple[WattSlots, ...]  # per _Flow, prefix sums of watts, length n + 1


_Array = TypeVar("_Array", bound=np.ndarray)


def _read_only(array: _Array) -> _Array:
    array.setflags(write=False)
    return array


def _flow(watts: Watts) -> tuple[Watts, WattSlots]:
    """A rendered series, read-only, with its prefix sums."""
    watt_slots = np.zeros(len(watts) + 1, dtype=np.int64)
    np.cumsum(watts, dtype=np.int64, out=watt_slots[1:])
    return _read_only(watts), _read_only(watt_slots)


@lru_cache(maxsize=8)
def _nothing(n_slots: int) -> tuple[Watts, WattSlots]:
    """A day of zeros and its prefix sums (no gas, no generation), shared by all days."""
    return (
        _read_only(np.zeros(n_slots, dtype=np.int32)),
        _read_only(np.zeros(n_slots + 1, dtype=np.int64)),
    )


class HouseholdLoad:
    """Seeded, repeatable household energy in integer watts per 10-s slot.

    The original methods (``day_watts``, ``watts_at``, ``slot_watts``,
    ``energy_joules``) are about electricity *consumption*; the others name their
    series: generation, gas, net (consumption - generation), import and export.
    """

    cache_days = 8

    def __init__(
        self,
        seed: int,
        profile: HouseholdProfile,
        timezone: str = "Europe/London",
        *,
        latitude_deg: float = 52.0,
        longitude_deg: float = -1.5,
    ) -> None:
        self.seed = seed
        self.profile = profile
        self.timezone = ZoneInfo(timezone)
        self.latitude_deg = latitude_deg
        self.longitude_deg = longitude_deg
        self.weather = Weather(seed)
        self._occupancy = Occupancy(profile, self.timezone, latitude_deg, longitude_deg)
        self._entropy = seed % 2**64  # a Philox key word is unsigned 64-bit
        self._cache: OrderedDict[dt.date, _Day] = OrderedDict()
        self._philox = np.random.Philox(0)
        self._philox_state = self._philox.state
        self._generator = np.random.Generator(self._philox)

    @property
    def has_generation(self) -> bool:
        return self.profile.has_generation

    @property
    def has_gas(self) -> bool:
        return self.profile.has_gas

    # --- time grid -----------------------------------------------------------------

    def day_slots(self, local_date: dt.date) -> range:
        """Slots of a local day (8640, or 8280 / 9000 on clock-change days)."""
        first, count = day_bounds(self.timezone, local_date)
        return range(first, first + count)

    def local_date_of_slot(self, slot: int) -> dt.date:
        return dt.datetime.fromtimestamp(slot * SLOT_SECONDS, self.timezone).date()

    # --- power (read-only arrays shared with the cache) ---------------------------------

    def day_watts(self, local_date: dt.date) -> Watts:
        """Electricity consumed per slot over a local day."""
        return self._day(local_date).watts[_Flow.CONSUMPTION]

    def generation_day_watts(self, local_date: dt.date) -> Watts:
        """Electricity generated on site per slot (zeros without generation)."""
        return self._day(local_date).watts[_Flow.GENERATION]

    def gas_day_watts(self, local_date: dt.date) -> Watts:
        """Gas burnt per slot, in watts of gas energy (zeros without gas appliances)."""
        return self._day(local_date).watts[_Flow.GAS]

    def net_day_watts(self, local_date: dt.date) -> Watts:
        """Consumption minus generation per slot: negative while exporting."""
        return self._day(local_date).watts[_Flow.NET]

    def watts_at(self, epoch_s: float) -> int:
        return self._watts_at(_Flow.CONSUMPTION, epoch_s)

    def generation_watts_at(self, epoch_s: float) -> int:
        return self._watts_at(_Flow.GENERATION, epoch_s)

    def gas_watts_at(self, epoch_s: float) -> int:
        return self._watts_at(_Flow.GAS, epoch_s)

    def net_watts_at(self, epoch_s: float) -> int:
        """The signed instantaneous demand an electricity meter shows."""
        return self._watts_at(_Flow.NET, epoch_s)

    def slot_watts(self, first_slot: int, count: int) -> Watts:
        """Consumption for ``count`` consecutive slots from ``first_slot`` (a new array)."""
        if count < 0:
            raise ValueError("count must not be negative")
        out = np.empty(count, dtype=np.int32)
        done = 0
        while done < count:
            slot = first_slot + done
            day = self._day(self.local_date_of_slot(slot))
            watts = day.watts[_Flow.CONSUMPTION]
            offset = slot - day.first_slot
            take = min(count - done, len(watts) - offset)
            out[done : done + take] = watts[offset : offset + take]
            done += take
        return out

    def _watts_at(self, flow: _Flow, epoch_s: float) -> int:
        slot = math.floor(epoch_s / SLOT_SECONDS)
        day = self._day(self.local_date_of_slot(slot))
        return int(day.watts[flow][slot - day.first_slot])

    # --- energy ----------------------------------------------------------------------

    def energy_joules(self, t0: float, t1: float) -> int:
        """Electricity consumed over [t0, t1) in joules.

        Exact for slot-aligned bounds.  A bound inside a slot contributes that slot's
        watts times the seconds into the slot, rounded to the nearest joule (half to
        even) *per bound*; because the rounding depends on the bound alone,
        E(a, c) == E(a, b) + E(b, c) holds exactly for any a <= b <= c.  The other
        energy methods follow the same rules for their own series.
        """
        return self._joules(_Flow.CONSUMPTION, t0, t1)

    def generation_joules(self, t0: float, t1: float) -> int:
        return self._joules(_Flow.GENERATION, t0, t1)

    def gas_joules(self, t0: float, t1: float) -> int:
        """Gas burnt over [t0, t1), in joules of gas energy."""
        return self._joules(_Flow.GAS, t0, t1)

    def import_joules(self, t0: float, t1: float) -> int:
        """Electricity imported: the sum over slots of max(net, 0) x 10 s."""
        return self._joules(_Flow.IMPORT, t0, t1)

    def export_joules(self, t0: float, t1: float) -> int:
        """Electricity exported: the sum over slots of max(-net, 0) x 10 s."""
        return self._joules(_Flow.EXPORT, t0, t1)

    def _joules(self, flow: _Flow, t0: float, t1: float) -> int:
        if t1 < t0:
            raise ValueError(f"t1 ({t1}) is before t0 ({t0})")
        slot0, into0 = divmod(t0, SLOT_SECONDS)
        slot1, into1 = divmod(t1, SLOT_SECONDS)
        joules = SLOT_SECONDS * self._watt_slots(flow, int(slot0), int(slot1))
        return (
            joules
            - self._partial_joules(flow, int(slot0), into0)
            + self._partial_joules(flow, int(slot1), into1)
        )

    def _partial_joules(self, flow: _Flow, slot: int, seconds_into_slot: float) -> int:
        if not seconds_into_slot:
            return 0
        return round(float(self._watts_at(flow, slot * SLOT_SECONDS)) * seconds_into_slot)

    def _watt_slots(self, flow: _Flow, first_slot: int, end_slot: int) -> int:
        """Sum of watts over slots [first_slot, end_slot), one numpy lookup per day."""
        total = 0
        slot = first_slot
        while slot < end_slot:
            day = self._day(self.local_date_of_slot(slot))
            prefix = day.watt_slots[flow]
            stop = min(end_slot, day.first_slot + len(prefix) - 1)
            total += int(prefix[stop - day.first_slot] - prefix[slot - day.first_slot])
            slot = stop
        return total

    # --- generation ----------------------------------------------------------------------

    def _day(self, local_date: dt.date) -> _Day:
        day = self._cache.get(local_date)
        if day is not None:
            self._cache.move_to_end(local_date)
            return day
        first, count = day_bounds(self.timezone, local_date)
        day = self._generate(local_date, first, count)
        self._cache[local_date] = day
        if len(self._cache) > self.cache_days:
            self._cache.popitem(last=False)
        return day

    def _rng(self, local_date: dt.date, stream: int) -> np.random.Generator:
        """The generator of one random stream for one day.

        Philox is a counter-based generator: keying it with (seed, date, stream)
        gives independent streams without the cost of hashing a seed sequence,
        which matters at a dozen streams a day and hundreds of days per backfill.
        The generator object is shared: each call restarts it on another stream.
        """
        key = np.array([(local_date.toordinal() << 32) | stream, self._entropy], np.uint64)
        self._philox_state["state"] = {"counter": np.zeros(4, np.uint64), "key": key}
        self._philox.state = self._philox_state  # counter and buffer back to the start
        return self._generator

    def _generate(self, local_date: dt.date, first_slot: int, n_slots: int) -> _Day:
        profile = self.profile
        weather = self.weather.day(local_date)
        context = self._occupancy.day_context(local_date, first_slot, n_slots, self._rng, weather)
        load = DayLoad(n_slots)
        for appliance in profile.appliances:
            appliance.add_load(
                context, self._rng(local_date, profile.stream_keys[appliance.name]), load
            )
        eve = local_date - dt.timedelta(days=1)
        for overnight in profile.overnight:
            eve_rng = self._rng(eve, profile.stream_keys[overnight.name])
            overnight.add_carry_over(context, eve_rng, load)

        nothing = _nothing(n_slots)
        used = _flow(load.render())
        gas = _flow(load.gas.render()) if profile.has_gas else nothing
        if profile.has_generation:
            generation = _flow(load.generation.render())
            net = _flow(used[0] - generation[0])
            imported, exported = _flow(np.maximum(net[0], 0)), _flow(np.maximum(-net[0], 0))
            flows = (used, generation, gas, net, imported, exported)
        else:  # the meter sees consumption alone
            flows = (used, nothing, gas, used, used, nothing)
        watts, watt_slots = zip(*flows, strict=True)
        return _Day(first_slot, watts, watt_slots)
