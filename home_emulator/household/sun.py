"""Where the sun is: its declination, solar noon, sunrise and sunset for a date and place.

Both the household's day (when it is dark indoors) and the roof's solar panels read the sun,
so its position lives here, below both.
"""

from __future__ import annotations

import datetime as dt
import math

# Sun below the horizon by its apparent radius plus refraction at sunrise/sunset.
_SUN_ALTITUDE_DEG = -0.833


def solar_declination_rad(date: dt.date) -> float:
    day_of_year = date.timetuple().tm_yday
    return math.radians(-23.44) * math.cos(2 * math.pi * (day_of_year + 10) / 365)


def solar_noon_utc_h(date: dt.date, longitude_deg: float) -> float:
    """UTC hour of solar noon: longitude plus the equation of time."""
    b = 2 * math.pi * (date.timetuple().tm_yday - 81) / 365
    equation_of_time_min = 9.87 * math.sin(2 * b) - 7.53 * math.cos(b) - 1.5 * math.sin(b)
    return 12.0 - longitude_deg / 15 - equation_of_time_min / 60


def sun_times_utc_h(
    date: dt.date, latitude_deg: float, longitude_deg: float
) -> tuple[float, float]:
    """Sunrise and sunset in hours after UTC midnight (a simple approximation good
    to a few minutes in GB; polar day/night clamp to noon +/- 12 h / 0 h)."""
    declination = solar_declination_rad(date)
    latitude = math.radians(latitude_deg)
    cos_hour_angle = (
        math.sin(math.radians(_SUN_ALTITUDE_DEG)) - math.sin(latitude) * math.sin(declination)
    ) / (math.cos(latitude) * math.cos(declination))
    half_day_h = math.degrees(math.acos(min(1.0, max(-1.0, cos_hour_angle)))) / 15
    solar_noon_h = solar_noon_utc_h(date, longitude_deg)
    return solar_noon_h - half_day_h, solar_noon_h + half_day_h
