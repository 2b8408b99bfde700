"""Local wall-clock time for tariffs: which local day and clock time an instant falls on, and back.

Tariffs switch on the *clock on the wall* (Europe/London, so GMT in winter and BST in summer), while
the emulator counts UTC epoch seconds. Scalar look-ups go through ``zoneinfo``; bulk look-ups over
months of history use the zone's UTC-offset changes, found once per year and cached, so a whole
array converts with one ``searchsorted``.

"Day numbers" are local days since 1970-01-01 (the local date of day 0 is 1970-01-01), so day
arithmetic stays integer and vectorised.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

DAY_S = 86_400
_UNIX_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name`` ("Europe/London", or "UTC" for tariffs that follow GMT all year)."""
    return ZoneInfo(name)


def date_of_day(day: int) -> dt.date:
    return dt.date.fromordinal(day + _UNIX_EPOCH_ORDINAL)


def clock_of(tz: ZoneInfo, epoch_s: float) -> tuple[dt.date, float]:
    """(local date, seconds since local midnight by the clock) at ``epoch_s``.

    In the repeated hour after clocks go back the clock reads the same twice; that is what a
    clock-time tariff sees too, so it is returned as such."""
    local = dt.datetime.fromtimestamp(epoch_s, tz)
    clock = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
    return local.date(), clock


def instants_of(tz: ZoneInfo, local_date: dt.date, clock_s: int) -> list[float]:
    """Every instant at which the clock reads ``clock_s`` seconds after midnight on ``local_date``.

    Usually one; two in the repeated hour when clocks go back; none in the hour skipped when they go
    forward (a switch due then happens at the jump itself, which callers take from
    :func:`offset_changes`)."""
    naive = dt.datetime.combine(local_date, dt.time()) + dt.timedelta(seconds=clock_s)
    found: list[float] = []
    for fold in (0, 1):
        instant = naive.replace(tzinfo=tz, fold=fold).timestamp()
        # A clock reading in the skipped hour maps to an instant whose clock reads otherwise.
        if dt.datetime.fromtimestamp(instant, tz).replace(tzinfo=None) == naive:
            found.append(instant)
    return sorted(set(found))


def local_midnight(tz: ZoneInfo, local_date: dt.date) -> float:
    """The first instant of ``local_date`` (midnight, or the jump if a zone skips midnight)."""
    instants = instants_of(tz, local_date, 0)
    if instants:
        return instants[0]
    return dt.datetime.combine(local_date, dt.time(), tzinfo=tz).timestamp()


def _offset_at(tz: ZoneInfo, epoch_s: int) -> int:
    offset = dt.datetime.fromtimestamp(epoch_s, tz).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


@lru_cache(maxsize=256)
def _year_changes(tz: ZoneInfo, year: int) -> tuple[int, tuple[tuple[int, int], ...]]:
    """(offset at the start of the UTC year, ((instant, offset from then on), ...)) for one year.

    Offsets are sampled at every UTC midnight and each change is bisected to the second; zones change
    offset at most once a day, which holds for the UK and for every zone in practical use."""
    start = int(dt.datetime(year, 1, 1, tzinfo=dt.UTC).timestamp())
    end = int(dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC).timestamp())
    first = _offset_at(tz, start)
    changes: list[tuple[int, int]] = []
    previous_t, previous_offset = start, first
    for sample in range(start + DAY_S, end + DAY_S, DAY_S):
        offset = _offset_at(tz, sample)
        if offset != previous_offset:
            lo, hi = previous_t, sample  # offset(lo) is the old one, offset(hi) the new one
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if _offset_at(tz, mid) == previous_offset:
                    lo = mid
                else:
                    hi = mid
            if hi < end:
                changes.append((hi, offset))
        previous_t, previous_offset = sample, offset
    return first, tuple(changes)


def _utc_year(epoch_s: float) -> int:
    return dt.datetime.fromtimestamp(epoch_s, dt.UTC).year


def offset_changes(tz: ZoneInfo, lo_s: float, hi_s: float) -> list[float]:
    """Instants in [lo_s, hi_s] at which the zone's UTC offset changes (the DST jumps)."""
    found: list[float] = []
    for year in range(_utc_year(lo_s), _utc_year(hi_s) + 1):
        found.extend(float(t) for t, _ in _year_changes(tz, year)[1] if lo_s <= t <= hi_s)
    return found


def utc_offsets_s(tz: ZoneInfo, epoch_s: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """The zone's UTC offset in seconds at every instant of ``epoch_s``, vectorised."""
    if epoch_s.size == 0:
        return np.zeros(0, dtype=np.int64)
    first_year, last_year = _utc_year(float(epoch_s.min())), _utc_year(float(epoch_s.max()))
    initial, _ = _year_changes(tz, first_year)
    times: list[float] = []
    offsets = [initial]
    for year in range(first_year, last_year + 1):
        for t, offset in _year_changes(tz, year)[1]:
            times.append(float(t))
            offsets.append(offset)
    index = np.searchsorted(np.asarray(times, dtype=np.float64), epoch_s, side="right")
    return np.asarray(offsets, dtype=np.int64)[index]


def local_day_and_clock(
    tz: ZoneInfo, epoch_s: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """(local day number, clock seconds since local midnight) for every instant – the vectorised
    twin of :func:`clock_of`."""
    local = epoch_s + utc_offsets_s(tz, epoch_s)
    day = np.floor_divide(local, DAY_S)
    return day.astype(np.int64), local - day * DAY_S


def month_numbers(days: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Months since 1970-01 of local day numbers (day numbers are dates, so numpy's calendar works)."""
    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def week_numbers(days: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Monday-to-Sunday weeks: day 0 (1970-01-01) was a Thursday, so shifting by 3 puts Mondays on
    multiples of 7."""
    return np.floor_divide(days + 3, 7)


def profile_index(starts_s: list[int], clock_s: float) -> int:
    """Index of the day-profile entry in force at ``clock_s`` (``starts_s`` sorted, starts at 0)."""
    return bisect_right(starts_s, clock_s) - 1
