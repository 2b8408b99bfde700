"""Solar PV generation on the roof of the emulated home.

Clear-sky irradiance on the panels comes from the sun's position (declination,
equation of time and hour angle, as for sunrise and sunset) with a simple
air-mass attenuation.  Cloud is the day's weather: a smooth random "sky" process
hides the sun for the hour's cloud-cover share of the time, so passing clouds cut
output to the diffuse light for minutes at a time, and overcast days stay low
all day.  Output is the inverter's AC power in integer watts, never negative.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from home_emulator.household.day import (
    SLOTS_PER_DAY,
    SLOTS_PER_HOUR,
    DayContext,
    DayLoad,
    FloatArray,
    IntArray,
    Watts,
)
from home_emulator.household.sun import (
    solar_declination_rad,
    solar_noon_utc_h,
    sun_times_utc_h,
)

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_SOLAR_CONSTANT_W_M2 = 1353.0
_KNOT_SLOTS = 30  # the sun moves smoothly: compute geometry every 5 minutes, interpolate
# The sky process, on 30-s cells: the sun's visibility changes over a couple of minutes
# (small cumulus) and over ten or so (larger cloud fields).
_CELL_SLOTS = 3
_FAST_SKY_CELLS = 4
_SLOW_SKY_CELLS = 20
_HOURS = np.arange(25.0)
_GROUND_ALBEDO = 0.2


def clear_sky_w_m2(
    sin_elevation: FloatArray, cos_incidence: FloatArray, tilt_rad: float
) -> tuple[FloatArray, FloatArray]:
    """(plane-of-array, global horizontal) clear-sky irradiance in W/m²: direct beam
    attenuated by the air mass (Meinel), plus isotropic diffuse and ground reflection."""
    up = np.maximum(sin_elevation, 1e-3)
    elevation_deg = np.degrees(np.arcsin(up))
    air_mass = 1.0 / (up + 0.50572 * (elevation_deg + 6.07995) ** -1.6364)
    beam = _SOLAR_CONSTANT_W_M2 * 0.7 ** (air_mass**0.678)
    beam = np.where(sin_elevation > 0, beam, 0.0)
    diffuse = 0.12 * beam
    horizontal = beam * np.maximum(sin_elevation, 0.0) + diffuse
    on_panel = (
        beam * np.maximum(cos_incidence, 0.0)
        + diffuse * (1 + math.cos(tilt_rad)) / 2
        + _GROUND_ALBEDO * horizontal * (1 - math.cos(tilt_rad)) / 2
    )
    return on_panel, horizontal


def _moving_sum(noise: FloatArray, width: int) -> FloatArray:
    """Sums over a sliding window, scaled back to unit variance (len(noise) - width + 1)."""
    running = np.concatenate(([0.0], np.cumsum(noise)))
    return np.asarray((running[width:] - running[:-width]) / math.sqrt(width))


@dataclass(frozen=True)
class SolarPV:
    """A rooftop PV array of ``kwp`` kilowatts peak with a string inverter."""

    name: str = "solar_pv"
    kwp: float = 4.0
    tilt_deg: float = 35.0
    azimuth_deg: float = 0.0  # which way the panels face, from due south, west positive
    inverter_w: float = 3_680.0  # 16 A: the most a home may export without asking the DNO
    performance_ratio: float = 0.9  # wiring, soiling, mismatch, inverter losses
    temperature_coefficient: float = 0.004  # loss per kelvin of cell above 25 °C
    wake_w: float = 10.0  # the inverter stays off until the panels can give this much
    generates: ClassVar[bool] = True

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        load.generation.add_curve(self.day_watts(day, rng))

    def day_watts(self, day: DayContext, rng: np.random.Generator) -> Watts:
        watts = np.zeros(day.n_slots, dtype=np.int32)
        sunrise_h, sunset_h = sun_times_utc_h(day.date, day.latitude_deg, day.longitude_deg)
        utc_midnight = (day.date.toordinal() - _EPOCH_ORDINAL) * SLOTS_PER_DAY - day.first_slot
        first = max(0, math.floor(utc_midnight + sunrise_h * SLOTS_PER_HOUR))
        stop = min(day.n_slots, math.ceil(utc_midnight + sunset_h * SLOTS_PER_HOUR))
        if stop <= first:
            return watts
        # Everything smooth (sun, cloud thickness, temperature) on 5-minute knots ...
        knots = np.arange(first, stop + _KNOT_SLOTS, _KNOT_SLOTS)
        sun_out_w, sun_hidden_w = self._knot_watts(day, knots, utc_midnight)
        daylight = np.arange(first, stop)
        sun_out = np.interp(daylight, knots, sun_out_w)
        sun_hidden = np.interp(daylight, knots, sun_hidden_w)
        # ... and passing clouds on 30-second cells.
        hidden = np.repeat(self._sun_hidden(day, rng, first, stop), _CELL_SLOTS)[: stop - first]
        ac_w = np.rint(np.where(hidden, sun_hidden, sun_out))
        watts[first:stop] = np.where(ac_w >= self.wake_w, ac_w, 0.0)
        return watts

    def _knot_watts(
        self, day: DayContext, knots: IntArray, utc_midnight: int
    ) -> tuple[FloatArray, FloatArray]:
        """AC output at the knots with the sun out and with it behind cloud."""
        clear_panel, clear_horizontal = self._clear_sky(
            day, (knots - utc_midnight) / SLOTS_PER_HOUR
        )
        weather = day.weather
        clock_h = day.clock_mono_s[np.minimum(knots, day.n_slots - 1)] / 3600.0
        cloud = weather.cloud_at(clock_h)
        tilt = math.radians(self.tilt_deg)
        # With the sun out, thin high cloud still dims it a little; behind cloud only
        # diffuse light is left, less the thicker the overcast.
        sun_out = (1.0 - 0.05 * cloud) * clear_panel
        sun_hidden = (0.55 - 0.3 * cloud) * clear_horizontal * (1 + math.cos(tilt)) / 2
        air_c = weather.temperature_c(clock_h)
        return self._ac_watts(sun_out, air_c), self._ac_watts(sun_hidden, air_c)

    def _ac_watts(self, irradiance: FloatArray, air_c: FloatArray) -> FloatArray:
        cell_c = air_c + 0.03 * irradiance  # panels run hotter than the air in sunshine
        derating = 1.0 - self.temperature_coefficient * (cell_c - 25.0)
        # A kWp is rated at 1000 W/m², so kWp times W/m² is watts.
        dc_w = self.kwp * irradiance * self.performance_ratio * derating
        return np.asarray(np.minimum(dc_w, self.inverter_w))

    def _sun_hidden(
        self, day: DayContext, rng: np.random.Generator, first: int, stop: int
    ) -> npt.NDArray[np.bool_]:
        """Per 30-s cell, whether the sun is behind cloud: a smooth Gaussian sky process
        below the quantile of the hour's cloud cover, so hidden that share of the time."""
        cells = -(-(stop - first) // _CELL_SLOTS)
        sky = 0.6 * _moving_sum(rng.standard_normal(cells + _FAST_SKY_CELLS - 1), _FAST_SKY_CELLS)
        sky += 0.8 * _moving_sum(rng.standard_normal(cells + _SLOW_SKY_CELLS - 1), _SLOW_SKY_CELLS)
        cell_slots = np.minimum(first + _CELL_SLOTS * np.arange(cells), day.n_slots - 1)
        clock_h = day.clock_mono_s[cell_slots] / 3600.0
        threshold = np.interp(clock_h, _HOURS, day.weather.sun_hidden_threshold())
        return np.asarray(sky < threshold)

    def _clear_sky(self, day: DayContext, utc_h: FloatArray) -> tuple[FloatArray, FloatArray]:
        declination = solar_declination_rad(day.date)
        latitude = math.radians(day.latitude_deg)
        tilt, azimuth = math.radians(self.tilt_deg), math.radians(self.azimuth_deg)
        hour_angle = np.radians(15.0 * (utc_h - solar_noon_utc_h(day.date, day.longitude_deg)))
        cos_hour, sin_hour = np.cos(hour_angle), np.sin(hour_angle)
        sin_d, cos_d = math.sin(declination), math.cos(declination)
        sin_l, cos_l = math.sin(latitude), math.cos(latitude)
        sin_elevation = sin_l * sin_d + cos_l * cos_d * cos_hour
        # Angle of incidence on a tilted plane (Duffie and Beckman, eq. 1.6.2).
        cos_incidence = (
            sin_d * sin_l * math.cos(tilt)
            - sin_d * cos_l * math.sin(tilt) * math.cos(azimuth)
            + cos_d * cos_l * math.cos(tilt) * cos_hour
            + cos_d * sin_l * math.sin(tilt) * math.cos(azimuth) * cos_hour
            + cos_d * math.sin(tilt) * math.sin(azimuth) * sin_hour
        )
        return clear_sky_w_m2(sin_elevation, cos_incidence, tilt)
