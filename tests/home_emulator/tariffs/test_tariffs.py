"""Time-priced tariffs: single rate, time of use and Economy 7 on the local clock, across DST."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from home_emulator.tariffs import (
    Rate,
    SingleRate,
    Tariff,
    TimeOfUse,
    economy7,
    tiers_for,
    with_switch_offset,
)

LONDON = ZoneInfo("Europe/London")
WINTER = dt.date(2026, 1, 15)  # a Thursday
SUMMER = dt.date(2026, 7, 15)
SPRING_FORWARD = dt.date(2026, 3, 29)  # 01:00 GMT → 02:00 BST
FALL_BACK = dt.date(2026, 10, 25)  # 02:00 BST → 01:00 GMT
DAY = Rate(1, "Day", Decimal("0.3000"))
NIGHT = Rate(2, "Night", Decimal("0.1500"))
PEAK = Rate(3, "Peak", Decimal("0.4500"))


def at(day: dt.date, hour: int, minute: int = 0, second: int = 0, *, fold: int = 0) -> float:
    """An instant by the London clock (``fold=1``: the second pass of the repeated hour)."""
    return dt.datetime(
        day.year, day.month, day.day, hour, minute, second, tzinfo=LONDON, fold=fold
    ).timestamp()


def utc(day: dt.date, hour: int, minute: int = 0) -> float:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC).timestamp()


def midnight(day: dt.date) -> float:
    return at(day, 0)


def night_hours(tariff: Tariff, day: dt.date) -> float:
    """Hours of the London day ``day`` spent at the Night rate."""
    start, end = midnight(day), midnight(day + dt.timedelta(days=1))
    seconds = sum(
        min(p.end_s, end) - max(p.start_s, start)
        for p in tariff.schedule(start, end)
        if p.rate.label == "Night"
    )
    return seconds / 3600


# Single rate ------------------------------------------------------------------------------


def test_single_rate_defaults() -> None:
    single = SingleRate()
    assert single.unit_price_gbp_per_kwh == Decimal("0.2450")
    assert single.standing_charge_gbp_per_day == Decimal("0.6012")
    assert single.rate_at(at(WINTER, 12)) == Rate(1, "Standard", Decimal("0.2450"))
    assert single.kind == "single"
    assert single.number_of_tiers == 1


def test_single_rate_never_changes() -> None:
    single = SingleRate("0.2833", "0.5000", "Flat")
    now = at(SUMMER, 9)
    assert single.next_change_after(now) is None
    assert single.last_change_at_or_before(now) is None
    [period] = single.schedule(now, now + 7 * 86_400)
    assert (period.start_s, period.end_s) == (-math.inf, math.inf)
    assert period.rate.unit_price_gbp_per_kwh == Decimal("0.2833")
    slots = now + np.arange(5) * 1800.0
    assert single.unit_prices(slots).tolist() == [2833] * 5
    assert tiers_for(single, slots).tolist() == [1] * 5


# Economy 7 ---------------------------------------------------------------------------------


def test_economy7_in_winter_gmt_and_clock_agree() -> None:
    for tariff in (economy7(), economy7(follows_gmt=False)):
        assert tariff.rate_at(at(WINTER, 0, 29, 59)) == DAY
        assert tariff.rate_at(at(WINTER, 0, 30)) == NIGHT
        assert tariff.rate_at(at(WINTER, 7, 29, 59)) == NIGHT
        assert tariff.rate_at(at(WINTER, 7, 30)) == DAY


def test_economy7_on_gmt_runs_an_hour_later_on_the_summer_clock() -> None:
    tariff = economy7()
    assert tariff.rate_at(at(SUMMER, 0, 30)) == DAY
    assert tariff.rate_at(at(SUMMER, 1, 29, 59)) == DAY
    assert tariff.rate_at(at(SUMMER, 1, 30)) == NIGHT
    assert tariff.rate_at(at(SUMMER, 8, 29, 59)) == NIGHT
    assert tariff.rate_at(at(SUMMER, 8, 30)) == DAY


def test_economy7_on_the_clock_keeps_clock_times_in_summer() -> None:
    tariff = economy7(follows_gmt=False)
    assert tariff.rate_at(at(SUMMER, 0, 29, 59)) == DAY
    assert tariff.rate_at(at(SUMMER, 0, 30)) == NIGHT
    assert tariff.rate_at(at(SUMMER, 7, 29, 59)) == NIGHT
    assert tariff.rate_at(at(SUMMER, 7, 30)) == DAY
    assert tariff.rate_at(utc(SUMMER, 6, 30)) == DAY  # 07:30 BST


@pytest.mark.parametrize(
    ("day", "gmt_hours", "clock_hours"),
    [
        (SPRING_FORWARD - dt.timedelta(days=1), 7, 7),
        (SPRING_FORWARD, 7, 6),
        (SPRING_FORWARD + dt.timedelta(days=1), 7, 7),
        (FALL_BACK - dt.timedelta(days=1), 7, 7),
        (FALL_BACK, 7, 8),
        (FALL_BACK + dt.timedelta(days=1), 7, 7),
    ],
)
def test_economy7_night_length_across_clock_changes(
    day: dt.date, gmt_hours: int, clock_hours: int
) -> None:
    assert night_hours(economy7(), day) == gmt_hours
    assert night_hours(economy7(follows_gmt=False), day) == clock_hours


def test_economy7_boundaries_on_the_clock_change_days() -> None:
    gmt, clock = economy7(), economy7(follows_gmt=False)
    # Spring: night starts at 00:30 GMT both ways; the GMT window ends at 08:30 BST.
    assert gmt.next_change_after(midnight(SPRING_FORWARD)) == utc(SPRING_FORWARD, 0, 30)
    assert gmt.next_change_after(utc(SPRING_FORWARD, 0, 30)) == at(SPRING_FORWARD, 8, 30)
    assert clock.next_change_after(utc(SPRING_FORWARD, 0, 30)) == at(SPRING_FORWARD, 7, 30)
    # Autumn: the clock window starts at 00:30 BST and ends at 07:30 GMT, through the repeat.
    assert clock.next_change_after(midnight(FALL_BACK)) == at(FALL_BACK, 0, 30)
    assert clock.rate_at(at(FALL_BACK, 1, 15, fold=0)) == NIGHT
    assert clock.rate_at(at(FALL_BACK, 1, 15, fold=1)) == NIGHT
    assert clock.next_change_after(at(FALL_BACK, 0, 30)) == utc(FALL_BACK, 7, 30)
    assert gmt.next_change_after(midnight(FALL_BACK)) == at(FALL_BACK, 1, 30)  # 00:30 GMT


def test_next_and_last_change() -> None:
    tariff = economy7()
    noon = at(WINTER, 12)
    assert tariff.next_change_after(noon) == at(WINTER + dt.timedelta(days=1), 0, 30)
    assert tariff.last_change_at_or_before(noon) == at(WINTER, 7, 30)
    # Strictly after, at or before: a switch instant starts the new period.
    assert tariff.next_change_after(at(WINTER, 0, 30)) == at(WINTER, 7, 30)
    assert tariff.last_change_at_or_before(at(WINTER, 0, 30)) == at(WINTER, 0, 30)
    assert tariff.last_change_at_or_before(at(WINTER, 0, 29, 59)) == at(
        WINTER - dt.timedelta(days=1), 7, 30
    )


def test_a_switch_inside_the_clock_change_hours() -> None:
    tariff = TimeOfUse("Odd", [DAY, NIGHT], [(dt.time(0), 1), (dt.time(1, 30), 2)], "0.5")
    # Spring: 01:30 never shows on the clock, so the switch happens at the jump.
    assert tariff.next_change_after(midnight(SPRING_FORWARD)) == utc(SPRING_FORWARD, 1)
    # Autumn: the clock reads 01:30 twice and 01:00 again in between, so the switch repeats.
    assert tariff.rate_at(at(FALL_BACK, 1, 30, fold=0)) == NIGHT
    assert tariff.rate_at(at(FALL_BACK, 1, 0, fold=1)) == DAY
    assert tariff.rate_at(at(FALL_BACK, 1, 30, fold=1)) == NIGHT
    changes = [p.start_s for p in tariff.schedule(midnight(FALL_BACK), at(FALL_BACK, 3))][1:]
    assert changes == [
        at(FALL_BACK, 1, 30, fold=0),
        at(FALL_BACK, 1, 0, fold=1),
        at(FALL_BACK, 1, 30, fold=1),
    ]


def test_weekend_schedule() -> None:
    tariff = TimeOfUse(
        "Weekend saver",
        {1: DAY, 2: NIGHT, 3: PEAK},
        [(dt.time(0), 2), (dt.time(7), 1), (dt.time(16), 3), (dt.time(19), 1), (dt.time(23), 2)],
        "0.55",
        weekend_schedule=[(dt.time(0), 2)],
    )
    friday, saturday = dt.date(2026, 1, 16), dt.date(2026, 1, 17)
    assert tariff.rate_at(at(friday, 17)) == PEAK
    assert tariff.rate_at(at(saturday, 17)) == NIGHT
    # Friday's 23:00 night runs on into the weekend: the next change is Monday 07:00.
    assert tariff.next_change_after(at(friday, 23)) == at(dt.date(2026, 1, 19), 7)
    assert tariff.number_of_tiers == 3


# Schedules and the vectorised look-ups -----------------------------------------------------

TARIFFS: dict[str, Tariff] = {
    "e7 gmt": economy7(),
    "e7 clock": economy7(follows_gmt=False),
    "e7 wrapping": economy7(night_start=dt.time(23), night_end=dt.time(6), follows_gmt=False),
    "odd": TimeOfUse(
        "Odd", [DAY, NIGHT, PEAK], [(dt.time(0), 3), (dt.time(1, 30), 2), (dt.time(13, 7, 5), 1)], 0
    ),
    "offset": with_switch_offset(economy7(follows_gmt=False), 1234),
}
YEAR_2026 = (int(midnight(dt.date(2026, 1, 1))), int(midnight(dt.date(2027, 1, 1))))


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(sorted(TARIFFS)),
    start=st.integers(*YEAR_2026),
    span=st.integers(1, 4 * 86_400),
)
def test_schedule_is_contiguous_and_covers_the_span(name: str, start: int, span: int) -> None:
    tariff = TARIFFS[name]
    periods = tariff.schedule(start, start + span)
    assert periods[0].start_s <= start < periods[0].end_s
    assert periods[-1].start_s < start + span <= periods[-1].end_s
    for before, after in itertools.pairwise(periods):
        assert before.end_s == after.start_s
        assert before.rate != after.rate
    for period in periods:
        assert tariff.rate_at(period.start_s) == period.rate
        assert tariff.rate_at(period.end_s - 1) == period.rate


@pytest.mark.parametrize("name", sorted(TARIFFS))
@pytest.mark.parametrize("day", [WINTER, SPRING_FORWARD, SUMMER, FALL_BACK])
def test_vectorised_prices_and_tiers_match_rate_at(name: str, day: dt.date) -> None:
    tariff = TARIFFS[name]
    slots = midnight(day) - 86_400 + np.arange(3 * 288) * 300.0 + 17
    expected = [tariff.rate_at(s) for s in slots]
    assert tariff.unit_prices(slots).tolist() == [r.price_units for r in expected]
    assert tariff.tiers_at(slots).tolist() == [r.tier for r in expected]
    assert tiers_for(tariff, slots).dtype == np.int8


def test_vectorised_look_ups_keep_the_shape() -> None:
    tariff = economy7()
    assert tariff.unit_prices(np.zeros((0,))).shape == (0,)
    grid = midnight(WINTER) + np.arange(6).reshape(2, 3) * 3600.0
    assert tariff.unit_prices(grid).tolist() == [[3000, 1500, 1500], [1500, 1500, 1500]]


# Validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: SingleRate(standing_charge="-0.01"), "standing charge must not be negative"),
        (lambda: economy7(standing_charge=-1), "standing charge must not be negative"),
        (lambda: TimeOfUse("x", [DAY], [(dt.time(0, 30), 1)], 0), "must start at 00:00"),
        (lambda: TimeOfUse("x", [DAY], [(dt.time(0), 2)], 0), "uses tier 2, which has no rate"),
        (
            lambda: TimeOfUse("x", [DAY, NIGHT], [(dt.time(0), 1), (dt.time(0), 2)], 0),
            "switch times must increase",
        ),
        (lambda: TimeOfUse("x", [DAY, PEAK], [(dt.time(0), 1)], 0), "without gaps"),
        (lambda: TimeOfUse("x", [], [(dt.time(0), 1)], 0), "at least one rate"),
        (lambda: TimeOfUse("x", {2: DAY}, [(dt.time(0), 1)], 0), "keyed as tier 2"),
        (lambda: TimeOfUse("x", [DAY, DAY], [(dt.time(0), 1)], 0), "two rates for tier 1"),
        (lambda: TimeOfUse("x", [DAY], [], 0), "is empty"),
        (lambda: economy7(night_start=dt.time(1), night_end=dt.time(1)), "must not be empty"),
        (lambda: Rate(0, "Zero", Decimal(1)), "tier must be 1…48"),
        (lambda: Rate(49, "Too many", Decimal(1)), "tier must be 1…48"),
        (lambda: Rate(1, "Day", Decimal("0.24505")), "more than 4 decimal places"),
        (lambda: Rate(1, "A very long label", Decimal(1)), "longer than the 12 octets"),
        (lambda: SingleRate("cheap"), "must be a number"),
        (lambda: economy7().schedule(10, 10), "start < end"),
    ],
)
def test_invalid_tariffs_are_refused(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


def test_economy7_variants() -> None:
    wrapping = economy7(night_start=dt.time(23), night_end=dt.time(6), follows_gmt=False)
    assert wrapping.rate_at(at(WINTER, 23, 30)) == NIGHT
    assert wrapping.rate_at(at(WINTER, 5, 59)) == NIGHT
    assert wrapping.rate_at(at(WINTER, 6)) == DAY
    evening = economy7(night_start=dt.time(17), night_end=dt.time(0))
    assert evening.rate_at(at(WINTER, 0, 1)) == DAY
    assert evening.rate_at(at(WINTER, 23, 59)) == NIGHT
    from_midnight = economy7(night_start=dt.time(0), night_end=dt.time(7))
    assert from_midnight.rate_at(at(WINTER, 0)) == NIGHT
    assert len(from_midnight.weekday_profile) == 2
