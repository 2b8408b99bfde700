"""EV charging: sessions in the evening or the off-peak window, charging until the need is met."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from home_emulator.household.ev_charging import EVCharger
from home_emulator.household.load import (
    PROFILES,
    SLOT_SECONDS,
    SLOTS_PER_DAY,
    HouseholdLoad,
    HouseholdProfile,
    Routine,
)

SLOTS_PER_HOUR = 3600 // SLOT_SECONDS
SPRING_FORWARD = dt.date(2026, 3, 29)
FALL_BACK = dt.date(2026, 10, 25)


def _charger_only(charger: EVCharger) -> HouseholdProfile:
    return HouseholdProfile(
        name="charger_only",
        description="A driver and a charge point",
        routines=(Routine(wake_h=7.0, bed_h=23.0),),
        appliances=(charger,),
    )


def _days(start: dt.date, count: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(count)]


def _sessions(watts: np.ndarray) -> list[tuple[int, int]]:
    """(first slot, end slot) of each stretch of charging."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], watts > 0, [0]))))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


EVENING = EVCharger(charges_per_week=3.5)
OFF_PEAK = EVCharger(off_peak=(0.5, 4.5), charges_per_week=3.5)


def test_off_peak_charging_stays_inside_its_window() -> None:
    load = HouseholdLoad(3, _charger_only(OFF_PEAK))
    charged = 0
    for day in _days(dt.date(2025, 1, 6), 60):
        watts = load.day_watts(day)
        charging = np.flatnonzero(watts)
        if len(charging):
            charged += 1
            assert charging.min() >= 0.5 * SLOTS_PER_HOUR
            # The GB smart-charging randomised delay: up to ten minutes late.
            assert charging.min() <= 0.5 * SLOTS_PER_HOUR + 60
            assert charging.max() < 4.5 * SLOTS_PER_HOUR
            assert int(watts.sum()) * SLOT_SECONDS / 3.6e6 <= 4 * 7.4
    assert 20 <= charged <= 40  # 3.5 charges a week


def test_a_session_runs_at_7_kw_then_tapers() -> None:
    load = HouseholdLoad(4, _charger_only(EVENING))
    watts = np.concatenate([load.day_watts(d) for d in _days(dt.date(2025, 5, 5), 14)])
    for first, end in _sessions(watts):
        session = watts[first:end]
        assert 6_850 < session[0] < 7_550  # 7.2 kW, give or take the mains voltage
        assert session[-1] < 0.5 * session[0]  # backing off as the battery fills
        assert np.all(session <= session[0])


@pytest.mark.parametrize(
    "start",
    [
        dt.date(2025, 1, 6),
        SPRING_FORWARD - dt.timedelta(days=10),
        FALL_BACK - dt.timedelta(days=10),
    ],
)
def test_evening_charges_meet_the_need_even_across_midnight(start: dt.date) -> None:
    load = HouseholdLoad(5, _charger_only(EVENING))
    days = _days(start, 21)
    watts = np.concatenate([load.day_watts(d) for d in days])
    day_starts = np.cumsum([0] + [len(load.day_watts(d)) for d in days])
    sessions = _sessions(watts)
    across_midnight = 0
    for first, end in sessions[1:-1]:  # whole sessions only
        kwh = int(watts[first:end].sum()) * SLOT_SECONDS / 3.6e6
        assert 10.0 <= kwh <= 40.0 * 1.2 + 0.1  # need, plus up to 20 % more in winter
        day = np.searchsorted(day_starts, first, side="right") - 1
        plug_in_h = (first - day_starts[day]) / SLOTS_PER_HOUR  # local hours, near enough
        assert 15.9 <= plug_in_h <= 24.1
        across_midnight += end > day_starts[day + 1]
    assert across_midnight >= 1


def test_a_day_with_a_charge_from_the_night_before_stands_alone() -> None:
    for day in _days(dt.date(2025, 2, 1), 40):
        evening = HouseholdLoad(7, _charger_only(EVENING))
        if evening.day_watts(day)[0] > 0:
            break
    else:
        pytest.fail("no charge ran past midnight")
    alone = HouseholdLoad(7, _charger_only(EVENING)).day_watts(day).copy()
    in_range = HouseholdLoad(7, _charger_only(EVENING))
    for other in _days(day - dt.timedelta(days=5), 11):
        in_range.day_watts(other)
    np.testing.assert_array_equal(in_range.day_watts(day), alone)


def test_more_energy_per_charge_in_winter() -> None:
    load = HouseholdLoad(8, _charger_only(OFF_PEAK))

    def mean_session_kwh(days: list[dt.date]) -> float:
        totals = [int(load.day_watts(d).sum()) for d in days]
        return float(np.mean([t for t in totals if t])) * SLOT_SECONDS / 3.6e6

    winter = mean_session_kwh(_days(dt.date(2025, 12, 1), 60))
    summer = mean_session_kwh(_days(dt.date(2025, 6, 1), 60))
    assert winter > summer


def test_the_ev_owner_charges_off_peak_only() -> None:
    profile = PROFILES["ev_owner"]
    chargers = [a for a in profile.appliances if isinstance(a, EVCharger)]
    assert len(chargers) == 1
    assert chargers[0].off_peak == (0.5, 4.5)
    assert not profile.has_gas
    assert not profile.has_generation
    load = HouseholdLoad(9, profile)
    day_total = np.zeros(SLOTS_PER_DAY)
    for day in _days(dt.date(2025, 3, 3), 21):
        day_total += load.day_watts(day)
    hourly = day_total.reshape(24, -1).mean(axis=1)
    assert hourly[1:4].mean() > 3 * hourly[10:16].mean()  # the car and the storage heaters
