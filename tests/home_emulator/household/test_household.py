"""The emulated household's energy: repeatable, exactly integrable, plausible.

Electricity consumption first (the original series), then generation, gas and the
net, import and export series the meters see.  Weather, heating, EV charging and
solar generation have test modules of their own."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from home_emulator.household import appliances as ap
from home_emulator.household.load import (
    PROFILES,
    SLOT_SECONDS,
    SLOTS_PER_DAY,
    HouseholdLoad,
    HouseholdProfile,
    Routine,
    sun_times_utc_h,
)

LONDON = ZoneInfo("Europe/London")
FAMILY = PROFILES["family_of_four"]
SPRING_FORWARD = dt.date(2026, 3, 29)
FALL_BACK = dt.date(2026, 10, 25)


def _days(start: dt.date, count: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(count)]


def _only(profile: HouseholdProfile, *names: str) -> HouseholdProfile:
    """The same household with only some of its appliances plugged in."""
    kept = tuple(a for a in profile.appliances if a.name in names)
    assert len(kept) == len(names)
    return dataclasses.replace(profile, appliances=kept)


def _hourly_means(load: HouseholdLoad, days: list[dt.date]) -> np.ndarray:
    """Mean watts per local clock hour over days without a clock change."""
    rows = [load.day_watts(d) for d in days]
    whole = np.array([r for r in rows if len(r) == SLOTS_PER_DAY], dtype=np.float64)
    means: np.ndarray = whole.reshape(len(whole), 24, -1).mean(axis=(0, 2))
    return means


def _epoch(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    return int(dt.datetime(year, month, day, hour, minute, tzinfo=LONDON).timestamp())


# --- repeatability --------------------------------------------------------------------


def test_same_seed_gives_the_same_days() -> None:
    first, second = HouseholdLoad(11, FAMILY), HouseholdLoad(11, FAMILY)
    for day in _days(dt.date(2025, 2, 1), 3):
        np.testing.assert_array_equal(first.day_watts(day), second.day_watts(day))
        assert first.day_watts(day).dtype == np.int32


def test_different_seeds_give_different_days() -> None:
    day = dt.date(2025, 2, 1)
    assert not np.array_equal(
        HouseholdLoad(11, FAMILY).day_watts(day), HouseholdLoad(12, FAMILY).day_watts(day)
    )


def test_consecutive_days_differ() -> None:
    load = HouseholdLoad(11, FAMILY)
    monday, tuesday = dt.date(2025, 2, 3), dt.date(2025, 2, 4)
    assert not np.array_equal(load.day_watts(monday), load.day_watts(tuesday))


def test_a_day_alone_equals_the_same_day_inside_a_range() -> None:
    day = dt.date(2025, 7, 16)
    alone = HouseholdLoad(5, FAMILY).day_watts(day).copy()
    in_range = HouseholdLoad(5, FAMILY)
    for other in _days(day - dt.timedelta(days=20), 41):
        in_range.day_watts(other)
    np.testing.assert_array_equal(in_range.day_watts(day), alone)
    span = in_range.day_slots(day)
    bulk = HouseholdLoad(5, FAMILY).slot_watts(span.start - 5000, len(span) + 10_000)
    np.testing.assert_array_equal(bulk[5000:-5000], alone)


def test_adding_an_appliance_leaves_the_others_traces_unchanged() -> None:
    # Each appliance draws from its own random stream, so loads simply add up.
    day = dt.date(2025, 11, 8)
    both = HouseholdLoad(3, _only(FAMILY, "kettle", "cooking")).day_watts(day)
    kettle = HouseholdLoad(3, _only(FAMILY, "kettle")).day_watts(day)
    cooking = HouseholdLoad(3, _only(FAMILY, "cooking")).day_watts(day)
    np.testing.assert_array_equal(both, kettle + cooking)


# --- the time grid --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "slots"),
    [(SPRING_FORWARD, 8280), (FALL_BACK, 9000), (dt.date(2026, 6, 1), SLOTS_PER_DAY)],
)
def test_local_days_have_23_24_or_25_hours_of_slots(day: dt.date, slots: int) -> None:
    load = HouseholdLoad(1, FAMILY)
    assert len(load.day_watts(day)) == slots
    span = load.day_slots(day)
    assert len(span) == slots
    assert span.start * SLOT_SECONDS == _epoch(day.year, day.month, day.day)
    assert span.stop == load.day_slots(day + dt.timedelta(days=1)).start


@dataclasses.dataclass(frozen=True)
class RadioAlarm:
    """A further appliance class, as solar or an EV will be: on at fixed clock times."""

    name: str = "radio_alarm"
    on_at_h: tuple[float, ...] = (1.5, 7.0)

    def add_load(self, day: ap.DayContext, rng: np.random.Generator, load: ap.DayLoad) -> None:
        for hour in self.on_at_h:
            load.add_pulse(day.slot_at(hour), ap.slots(10), 5.0)


_RADIO_HOME = HouseholdProfile(
    name="radio_alarm_only",
    description="One occupant and a radio alarm",
    routines=(Routine(wake_h=7.0, bed_h=23.0),),
    appliances=(RadioAlarm(),),
)


@pytest.mark.parametrize("day", [SPRING_FORWARD, FALL_BACK, dt.date(2026, 1, 14)])
def test_appliances_follow_the_local_wall_clock_on_clock_change_days(day: dt.date) -> None:
    load = HouseholdLoad(2, _RADIO_HOME)
    seven = dt.datetime.combine(day, dt.time(7), tzinfo=LONDON).timestamp()
    assert load.watts_at(seven - SLOT_SECONDS) == 0
    assert load.watts_at(seven) == 5
    assert load.watts_at(seven + 599) == 5
    assert load.watts_at(seven + 600) == 0
    assert load.energy_joules(seven - 3600, seven + 3600) == 5 * 600


def test_clock_times_missing_or_repeated_by_a_clock_change_happen_once() -> None:
    load = HouseholdLoad(2, _RADIO_HOME)
    # 01:30 does not exist on the spring-forward day: the radio comes on at 02:00 BST.
    two_bst = dt.datetime.combine(SPRING_FORWARD, dt.time(2), tzinfo=LONDON).timestamp()
    assert load.watts_at(two_bst) == 5
    # 01:30 happens twice on the fall-back day: only the first time counts.
    first, second = (
        dt.datetime.combine(FALL_BACK, dt.time(1, 30), tzinfo=LONDON).replace(fold=fold)
        for fold in (0, 1)
    )
    assert second.timestamp() - first.timestamp() == 3600
    assert load.watts_at(first.timestamp()) == 5
    assert load.watts_at(second.timestamp()) == 0
    assert int(load.day_watts(FALL_BACK).sum()) * SLOT_SECONDS == 2 * 5 * 600


def test_watts_at_reads_the_slot_grid() -> None:
    load = HouseholdLoad(4, FAMILY)
    span = load.day_slots(dt.date(2025, 3, 3))
    watts = load.slot_watts(span.start, len(span))
    for index in (0, 1, 2500, len(span) - 1):
        epoch = (span.start + index) * SLOT_SECONDS
        assert load.watts_at(epoch) == watts[index]
        assert load.watts_at(epoch + 9.999) == watts[index]


def test_cached_days_are_read_only() -> None:
    watts = HouseholdLoad(4, FAMILY).day_watts(dt.date(2025, 3, 3))
    with pytest.raises(ValueError, match="read-only"):
        watts[0] = 1


# --- energy ---------------------------------------------------------------------------


def test_energy_is_watts_times_ten_seconds_over_whole_slots() -> None:
    load = HouseholdLoad(8, FAMILY)
    start = load.day_slots(FALL_BACK - dt.timedelta(days=1)).start + 1234
    count = 3 * SLOTS_PER_DAY + 777
    expected = int(load.slot_watts(start, count).sum(dtype=np.int64)) * SLOT_SECONDS
    t0 = start * SLOT_SECONDS
    assert load.energy_joules(t0, t0 + count * SLOT_SECONDS) == expected


def test_energy_within_one_slot_is_proportional() -> None:
    load = HouseholdLoad(8, FAMILY)
    t0 = _epoch(2025, 5, 5, 12)
    watts = load.watts_at(t0)
    assert load.energy_joules(t0, t0) == 0
    assert load.energy_joules(t0, t0 + 10) == 10 * watts
    assert load.energy_joules(t0 + 2.5, t0 + 7.5) == round(watts * 7.5) - round(watts * 2.5)


def test_energy_refuses_reversed_bounds() -> None:
    with pytest.raises(ValueError, match="before"):
        HouseholdLoad(8, FAMILY).energy_joules(100.0, 50.0)


_LOAD_FOR_ADDITIVITY = HouseholdLoad(21, FAMILY)
_WINDOW_START = _epoch(2026, 10, 23)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(0, 4 * 86_400 // SLOT_SECONDS).map(lambda k: float(k * SLOT_SECONDS)),
            st.floats(0.0, 4 * 86_400.0, allow_nan=False),
        ),
        min_size=3,
        max_size=3,
    )
)
def test_energy_is_additive(offsets: list[float]) -> None:
    a, b, c = (_WINDOW_START + x for x in sorted(offsets))
    load = _LOAD_FOR_ADDITIVITY
    assert load.energy_joules(a, c) == load.energy_joules(a, b) + load.energy_joules(b, c)
    assert load.energy_joules(a, b) >= 0


# --- plausibility ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "typical_kwh"),
    [
        ("single_pensioner", 1800),
        ("family_of_four", 3900),
        ("home_worker", 2900),
        # Storage heaters and an EV: an Economy 7 home's consumption.
        ("ev_owner", 8000),
        # The family's kit, with a gas hob instead of an electric one.
        ("solar_home", 3900),
        # About 3,000 kWh of household kit plus the heat pump's 3,000-4,500.
        ("heat_pump_home", 6500),
    ],
)
def test_a_year_lands_near_typical_uk_consumption(profile: str, typical_kwh: float) -> None:
    load = HouseholdLoad(2024, PROFILES[profile])
    t0, t1 = _epoch(2025, 1, 1), _epoch(2026, 1, 1)
    kwh = load.energy_joules(t0, t1) / 3.6e6
    assert 0.75 * typical_kwh <= kwh <= 1.25 * typical_kwh


def test_family_evening_peak_stands_above_the_small_hours() -> None:
    hourly = _hourly_means(HouseholdLoad(6, FAMILY), _days(dt.date(2025, 10, 1), 28))
    assert hourly[17:21].mean() > 2 * hourly[2:5].mean()


def test_home_worker_uses_more_in_the_working_day_than_the_commuting_family() -> None:
    weekdays = [d for d in _days(dt.date(2025, 3, 3), 28) if d.weekday() < 5]
    worker = _hourly_means(HouseholdLoad(6, PROFILES["home_worker"]), weekdays)
    family = _hourly_means(HouseholdLoad(6, FAMILY), weekdays)
    night = slice(2, 5)
    working_day = slice(10, 15)
    assert worker[working_day].mean() - worker[night].mean() > (
        family[working_day].mean() - family[night].mean()
    )


def _runs_above(watts: np.ndarray, threshold: int) -> list[int]:
    """Lengths in slots of the stretches where power exceeds ``threshold``."""
    above = np.concatenate(([False], watts > threshold, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(above))
    return list(edges[1::2] - edges[::2])


def test_kettle_boils_and_showers_stand_out_as_spikes() -> None:
    load = HouseholdLoad(9, FAMILY)
    days = _days(dt.date(2025, 4, 7), 7)
    kettle = HouseholdLoad(9, _only(FAMILY, "kettle"))
    boils = [run for d in days for run in _runs_above(kettle.day_watts(d), 2000)]
    assert len(boils) > 20
    assert all(run * SLOT_SECONDS <= 4 * 60 for run in boils)
    assert max(int(kettle.day_watts(d).max()) for d in days) <= 3100
    whole_house = np.concatenate([load.day_watts(d) for d in days])
    assert len(_runs_above(whole_house, 2000)) > 20
    showers = [run for run in _runs_above(whole_house, 8000) if run * SLOT_SECONDS >= 4 * 60]
    assert len(showers) >= 7


def test_lighting_is_higher_on_december_evenings_than_june_evenings() -> None:
    lighting = HouseholdLoad(10, _only(FAMILY, "lighting"))
    december = _hourly_means(lighting, _days(dt.date(2025, 12, 1), 28))
    june = _hourly_means(lighting, _days(dt.date(2025, 6, 1), 28))
    evening = slice(16, 22)
    assert december[evening].mean() > 2 * june[evening].mean()
    house = HouseholdLoad(10, FAMILY)
    december = _hourly_means(house, _days(dt.date(2025, 12, 1), 28))
    june = _hourly_means(house, _days(dt.date(2025, 6, 1), 28))
    assert december[evening].mean() > june[evening].mean()


def test_sun_times_at_52n() -> None:
    midwinter_rise, midwinter_set = sun_times_utc_h(dt.date(2025, 12, 21), 52.0, -1.5)
    midsummer_rise, midsummer_set = sun_times_utc_h(dt.date(2025, 6, 21), 52.0, -1.5)
    assert 7.9 < midwinter_rise < 8.3
    assert 15.7 < midwinter_set < 16.1
    assert 3.6 < midsummer_rise < 4.0
    assert 20.2 < midsummer_set < 20.6


# --- profiles -------------------------------------------------------------------------


def test_presets_exist_and_are_distinct() -> None:
    assert set(PROFILES) == {
        "single_pensioner",
        "family_of_four",
        "home_worker",
        "ev_owner",
        "solar_home",
        "heat_pump_home",
    }
    assert PROFILES["single_pensioner"].occupants == 1
    assert FAMILY.occupants == 4
    assert any(isinstance(a, ap.HomeOffice) for a in PROFILES["home_worker"].appliances)
    for name, profile in PROFILES.items():
        assert profile.name == name
        assert profile.description
        assert "\n" not in profile.description


@pytest.mark.parametrize(
    ("profile", "gas", "generation"),
    [
        ("single_pensioner", True, False),
        ("family_of_four", True, False),
        ("home_worker", True, False),
        ("ev_owner", False, False),
        ("solar_home", True, True),
        ("heat_pump_home", False, False),
    ],
)
def test_which_homes_burn_gas_and_generate(profile: str, gas: bool, generation: bool) -> None:
    load = HouseholdLoad(1, PROFILES[profile])
    assert load.has_gas == gas
    assert load.has_generation == generation
    day = dt.date(2025, 6, 21)
    assert load.gas_day_watts(day).any() == gas
    assert load.generation_day_watts(day).any() == generation


def test_appliance_names_must_be_unique() -> None:
    with pytest.raises(ValueError, match="unique"):
        dataclasses.replace(FAMILY, appliances=(ap.Lighting(), ap.Lighting()))
