"""Seeded daily weather at the emulated home: inland England, about 52°N.

Heating and solar generation follow the weather, so the weather has to be as
repeatable as the rest of the household: every quantity is a function of
(seed, local date) alone.  Day-to-day persistence (cold spells, settled sunny
weeks) comes from *smoothing hashed noise over neighbouring dates*: the anomaly
of day D is a weighted sum of random numbers keyed by D, D-1, D-2, ... (and a
slower, centred window), so neighbouring days share most of their inputs and
are correlated, yet any day is computed on its own without a simulation run-up.

The random numbers are hashes of (seed, stream, date), not draws from a seeded
generator, because a day needs a few dozen of them from different dates and
re-seeding a generator that often would dominate the cost of a backfill.
"""

from __future__ import annotations

import datetime as dt
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# Daily mean temperature normals by month, English Midlands (1991-2020, rounded): spring
# lags behind autumn, so the seasonal curve gets a second harmonic.
_MONTHLY_MEAN_C = (4.5, 4.7, 6.6, 8.8, 11.9, 14.8, 17.0, 16.7, 14.2, 10.7, 7.2, 4.7)
# Daily mean cloud cover climatology: greyer winters than summers.
_SUMMER_CLOUD = 0.62
_WINTER_CLOUD = 0.77
_CLOUD_SPREAD = 1.5  # of the daily cloud logit, in units of its smoothed noise
_HOURLY_CLOUD_SPREAD = 0.9  # hour-to-hour wander of the cloud logit within a day
_COLDEST_HOUR = 4.0  # the diurnal cycle: coldest around dawn, warmest mid-afternoon

_U64 = npt.NDArray[np.uint64]
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_HOUR_KNOTS = np.arange(25, dtype=np.float64)
_HOURLY_SMOOTHING = np.array([1.0, 2.0, 1.0]) / math.sqrt(6.0)
# The standard-normal quantile function, tabulated for interpolation (cloud cover in
# the extreme 0.05 % either side is taken as the table's end).
_PROBIT_P = np.linspace(0.0005, 0.9995, 2000)
_PROBIT_Z = np.array([NormalDist().inv_cdf(p) for p in _PROBIT_P.tolist()])


def _weights_ar(decay: float, taps: int) -> FloatArray:
    """Moving-average weights a^k (k = 0 .. taps-1) normalised to unit variance: the
    truncated form of an AR(1) process with lag-one correlation ``decay``."""
    weights = decay ** np.arange(taps, dtype=np.float64)
    normalised: FloatArray = weights / np.sqrt(np.sum(weights**2))
    return normalised


def _weights_triangle(half_width: int) -> FloatArray:
    """Centred triangular window, unit variance: slow swings lasting a week or two."""
    weights = half_width + 1.0 - np.abs(np.arange(-half_width, half_width + 1, dtype=np.float64))
    normalised: FloatArray = weights / np.sqrt(np.sum(weights**2))
    return normalised


# Temperature: day-to-day persistence (lag-one correlation ~0.7) plus spells of ±10 days.
# Cloud: shorter memory (fronts pass in a day or two) plus a few settled or unsettled days.
# Each row of the mixing matrix is one daily quantity as a weighted sum of hashed noise
# over neighbouring dates: (temperature anomaly, cloud anomaly, humidity noise).
_DAILY_TAPS: tuple[tuple[FloatArray, bool, tuple[float, float, float]], ...] = (
    (_weights_ar(0.7, 12), False, (0.8, 0.0, 0.0)),
    (_weights_triangle(10), True, (0.6, 0.0, 0.0)),
    (_weights_ar(0.45, 6), False, (0.0, 0.8, 0.0)),
    (_weights_triangle(4), True, (0.0, 0.6, 0.0)),
    (np.ones(1), False, (0.0, 0.0, 1.0)),
)
_HOURS_PER_COUNTER = 32  # counters are date x 32 + hour: room for the day's 27 hourly draws
_DAILY_HOUR = 31  # the counter slot of the daily draws (their streams have keys of their own)


def _layout() -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]:
    """Stream index and counter offset of every hashed number a day needs (daily taps,
    then 27 hourly ones), and the matrix mixing the daily taps into daily quantities."""
    streams, offsets, columns = [], [], []
    for stream, (weights, centred, mix) in enumerate(_DAILY_TAPS):
        taps = len(weights)
        first = -(taps // 2) if centred else 1 - taps
        streams += [stream] * taps
        offsets += [(first + k) * _HOURS_PER_COUNTER + _DAILY_HOUR for k in range(taps)]
        # Weight k of an uncentred window belongs to k days back: reverse it to date order.
        in_date_order = weights if centred else weights[::-1]
        columns += [np.array(mix) * w for w in in_date_order]
    hourly = len(_DAILY_TAPS)
    streams += [hourly] * 27
    offsets += list(range(27))
    mixing = np.array(columns).T
    return np.array(streams), np.array(offsets, dtype=np.int64), mixing


_STREAMS, _COUNTER_OFFSETS, _DAILY_MIXING = _layout()
_N_DAILY = _DAILY_MIXING.shape[1]


def _splitmix64(x: _U64) -> _U64:
    x = x + _GOLDEN
    x = (x ^ (x >> np.uint64(30))) * _MIX1
    x = (x ^ (x >> np.uint64(27))) * _MIX2
    return x ^ (x >> np.uint64(31))


def hashed_normals(key: int | _U64, counters: npt.NDArray[np.int64]) -> FloatArray:
    """Standard normal numbers that are pure functions of (key, counter): Box-Muller on
    two SplitMix64 hashes per counter.  Counters must be non-negative; ``key`` may be one
    key or one per counter."""
    keys = np.asarray(key, dtype=np.uint64)
    base = _splitmix64(counters.astype(np.uint64) * np.uint64(2) ^ keys)
    bits = _splitmix64(np.stack((base, base ^ _GOLDEN)))
    uniform = ((bits >> np.uint64(11)).astype(np.float64) + 0.5) * 2.0**-53  # in (0, 1)
    return np.asarray(np.sqrt(-2.0 * np.log(uniform[0])) * np.cos(2.0 * np.pi * uniform[1]))


def _harmonics(day_of_year: npt.ArrayLike) -> FloatArray:
    angle = 2 * np.pi * np.asarray(day_of_year, dtype=np.float64) / 365.25
    return np.stack(
        [np.ones_like(angle), np.cos(angle), np.sin(angle), np.cos(2 * angle), np.sin(2 * angle)],
        -1,
    )


def _fit_seasonal_curve() -> tuple[FloatArray, float, float]:
    """Least-squares two-harmonic curve through the monthly normals (placed mid-month),
    and its coldest and warmest values over the year."""
    mid_month = np.array([dt.date(2001, month, 15).timetuple().tm_yday for month in range(1, 13)])
    coefficients = np.linalg.lstsq(_harmonics(mid_month), np.array(_MONTHLY_MEAN_C), rcond=None)[0]
    year = _harmonics(np.arange(1, 367)) @ coefficients
    return coefficients, float(year.min()), float(year.max())


_SEASONAL_COEFFICIENTS, _COLDEST_C, _WARMEST_C = _fit_seasonal_curve()


def seasonal_mean_c(date: dt.date) -> float:
    """Climatological daily mean temperature for the date."""
    return _seasonal_mean_on(date.timetuple().tm_yday)


@lru_cache(maxsize=366)
def _seasonal_mean_on(day_of_year: int) -> float:
    return float(_harmonics(day_of_year) @ _SEASONAL_COEFFICIENTS)


def coldness(date: dt.date) -> float:
    """0 in the warmest days of the year (late July), 1 in the coldest (late January)."""
    return (_WARMEST_C - seasonal_mean_c(date)) / (_WARMEST_C - _COLDEST_C)


def winterness(date: dt.date) -> float:
    """0 at the summer solstice, 1 at the winter solstice (daylight, not temperature)."""
    return 0.5 * (1 + math.cos(2 * math.pi * (date.timetuple().tm_yday - 355) / 365.25))


def _logistic(x: FloatArray | float) -> FloatArray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.asarray(x))))


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


@dataclass(frozen=True, eq=False)
class DailyWeather:
    """One local day's weather.  Hours are local clock hours since midnight."""

    date: dt.date
    mean_c: float  # daily mean outdoor temperature
    swing_c: float  # diurnal range: afternoon maximum minus dawn minimum
    cloud: float  # daily mean cloud cover, fraction of the sky
    humidity: float  # daily mean relative humidity, fraction
    hourly_cloud: FloatArray  # cloud cover at the hours 0, 1, ..., 24 (read-only)

    @property
    def min_c(self) -> float:
        return self.mean_c - self.swing_c / 2

    @property
    def max_c(self) -> float:
        return self.mean_c + self.swing_c / 2

    def temperature_c(self, hours: npt.ArrayLike) -> FloatArray:
        """Outdoor temperature at local clock hours (a sinusoid about the daily mean)."""
        phase = 2 * np.pi * (np.asarray(hours, dtype=np.float64) - _COLDEST_HOUR) / 24
        return np.asarray(self.mean_c - self.swing_c / 2 * np.cos(phase))

    def cloud_at(self, hours: npt.ArrayLike) -> FloatArray:
        """Cloud cover at local clock hours, interpolated between the hourly values."""
        at = np.asarray(hours, dtype=np.float64)
        return np.asarray(np.interp(at, _HOUR_KNOTS, self.hourly_cloud))

    def sun_hidden_threshold(self) -> FloatArray:
        """Per hour knot, the standard-normal quantile of the cloud cover: a smooth
        Gaussian sky process below this value has the sun behind cloud for that share
        of the time."""
        return np.asarray(np.interp(self.hourly_cloud, _PROBIT_P, _PROBIT_Z))


class Weather:
    """The weather of one emulated home, a pure function of (seed, local date)."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        streams = range(len(_DAILY_TAPS) + 1)
        keys = [
            zlib.crc32(f"weather:{stream}".encode()) << 32 ^ (seed % 2**64) for stream in streams
        ]
        self._keys = np.array(keys, dtype=np.uint64)[_STREAMS]

    def day(self, date: dt.date) -> DailyWeather:
        ordinal = date.toordinal()
        noise = hashed_normals(self._keys, ordinal * _HOURS_PER_COUNTER + _COUNTER_OFFSETS)
        temperature_z, cloud_z, humidity_z = (_DAILY_MIXING @ noise[:_N_DAILY]).tolist()
        cold = coldness(date)
        # Cloud follows the sun's season (sunniest around midsummer), not the temperature's.
        climate_cloud = _SUMMER_CLOUD + (_WINTER_CLOUD - _SUMMER_CLOUD) * winterness(date)
        # Spreading the logit pulls the mean towards 1/2; scaling the centre undoes that
        # (the probit approximation of a logistic-normal mean).
        centre = _logit(climate_cloud) * math.sqrt(1 + math.pi * _CLOUD_SPREAD**2 / 8)
        cloud_logit = centre + _CLOUD_SPREAD * cloud_z
        cloud = 1.0 / (1.0 + math.exp(-cloud_logit))

        spread_c = 2.0 + 1.2 * cold  # winter means vary more (Atlantic versus continental air)
        # Clear skies mean frost in winter and heat in summer; cloud evens both out.
        sky_effect_c = (1.0 - 2.0 * cold) * 2.5 * (climate_cloud - cloud)
        mean_c = seasonal_mean_c(date) + spread_c * temperature_z + sky_effect_c
        swing_c = (7.0 + 4.0 * (1.0 - cold)) * (1.35 - 0.7 * cloud)

        wander = np.convolve(noise[_N_DAILY:], _HOURLY_SMOOTHING, "valid")  # hours 0..24
        hourly_cloud = _logistic(cloud_logit + _HOURLY_CLOUD_SPREAD * wander)
        hourly_cloud.setflags(write=False)
        humidity = min(1.0, max(0.4, 0.6 + 0.25 * cloud + 0.1 * cold + 0.05 * humidity_z))
        return DailyWeather(date, mean_c, swing_c, cloud, humidity, hourly_cloud)
