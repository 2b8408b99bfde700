"""Time-of-use tariffs: a few rates switched by a day profile (weekdays, and optionally weekends).

The Economy 7 preset keeps its 7 night hours at fixed GMT times by default, as GB Economy 7 meters
traditionally do: 00:30–07:30 GMT is 01:30–08:30 on the clock in summer. ``follows_gmt=False``
makes the window follow the clock instead (7 hours on most days, 6 when clocks go forward, 8 when
they go back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from home_emulator.tariffs.day_profile import (
    DayProfile,
    DayProfileTariff,
    ProfileEntry,
    check_day_profile,
)
from home_emulator.tariffs.money import Amount, to_decimal
from home_emulator.tariffs.rates import MAX_TIERS, Rate

Schedule = Sequence[tuple[dt.time, int]]
"""A day schedule: (local clock time, tier) switch points, the first at 00:00."""

_SATURDAY = 5


class TimeOfUse(DayProfileTariff):
    def __init__(
        self,
        name: str,
        rates: Mapping[int, Rate] | Iterable[Rate],
        day_schedule: Schedule,
        standing_charge: Amount,
        weekend_schedule: Schedule | None = None,
        *,
        timezone: str = "Europe/London",
    ) -> None:
        by_tier = _rates_by_tier(rates)
        super().__init__(
            kind="time_of_use",
            name=name,
            standing_charge_gbp_per_day=to_decimal(standing_charge, "standing charge"),
            number_of_tiers=len(by_tier),
            timezone=timezone,
        )
        self.rates: dict[int, Rate] = by_tier
        self.weekday_profile = _profile(day_schedule, by_tier, "day schedule")
        self.weekend_profile = (
            self.weekday_profile
            if weekend_schedule is None
            else _profile(weekend_schedule, by_tier, "weekend schedule")
        )

    def day_profile(self, local_date: dt.date) -> DayProfile:
        return self.weekend_profile if local_date.weekday() >= _SATURDAY else self.weekday_profile

    def __repr__(self) -> str:
        return f"TimeOfUse({self.name!r}, {len(self.rates)} rates, {self.zone.key})"


def _rates_by_tier(rates: Mapping[int, Rate] | Iterable[Rate]) -> dict[int, Rate]:
    if isinstance(rates, Mapping):
        for tier, rate in rates.items():
            if tier != rate.tier:
                raise ValueError(
                    f"rate {rate.label!r} is keyed as tier {tier} but is tier {rate.tier}"
                )
        by_tier = dict(rates)
    else:
        by_tier = {}
        for rate in rates:
            if rate.tier in by_tier:
                raise ValueError(f"two rates for tier {rate.tier}")
            by_tier[rate.tier] = rate
    if not by_tier:
        raise ValueError("a time-of-use tariff needs at least one rate")
    if sorted(by_tier) != list(range(1, len(by_tier) + 1)):
        raise ValueError(f"tiers must be numbered 1…n without gaps (got {sorted(by_tier)})")
    if len(by_tier) > MAX_TIERS:
        raise ValueError(f"at most {MAX_TIERS} rates (got {len(by_tier)})")
    return dict(sorted(by_tier.items()))


def _profile(schedule: Schedule, rates: Mapping[int, Rate], what: str) -> DayProfile:
    entries: list[ProfileEntry] = []
    for at, tier in schedule:
        if at.tzinfo is not None or at.microsecond:
            raise ValueError(
                f"{what}: switch times are whole seconds of local clock time (got {at})"
            )
        if tier not in rates:
            raise ValueError(f"{what} uses tier {tier}, which has no rate (tiers: {sorted(rates)})")
        entries.append(ProfileEntry(at.hour * 3600 + at.minute * 60 + at.second, rates[tier]))
    return check_day_profile(entries, what)


DAY_TIER = 1
NIGHT_TIER = 2


def economy7(
    *,
    night_start: dt.time = dt.time(0, 30),
    night_end: dt.time = dt.time(7, 30),
    follows_gmt: bool = True,
    day_price: Amount = Decimal("0.3000"),
    night_price: Amount = Decimal("0.1500"),
    standing_charge: Amount = Decimal("0.6012"),
    name: str = "Economy 7",
    timezone: str = "Europe/London",
) -> TimeOfUse:
    """Economy 7: a cheap night window (tier 2, "Night") and a day rate (tier 1, "Day").

    With ``follows_gmt`` the window is in GMT all year (``timezone`` is then not used); otherwise
    it is on the clock of ``timezone``. A window may wrap midnight (e.g. 23:00–06:00)."""
    if night_start == night_end:
        raise ValueError("the night window must not be empty")
    day = Rate(DAY_TIER, "Day", to_decimal(day_price, "day price"))
    night = Rate(NIGHT_TIER, "Night", to_decimal(night_price, "night price"))
    # The window is [night_start, night_end) on a 24-hour circle; midnight is inside it when it
    # starts at 00:00, or when it wraps past midnight and ends after 00:00.
    midnight = dt.time(0)
    if night_start < night_end:
        night_at_midnight = night_start == midnight
    else:
        night_at_midnight = night_end != midnight
    switches = sorted(
        (at, tier)
        for at, tier in ((night_start, NIGHT_TIER), (night_end, DAY_TIER))
        if at != midnight
    )
    schedule = [(midnight, NIGHT_TIER if night_at_midnight else DAY_TIER), *switches]
    return TimeOfUse(
        name,
        [day, night],
        schedule,
        standing_charge,
        timezone="UTC" if follows_gmt else timezone,
    )
