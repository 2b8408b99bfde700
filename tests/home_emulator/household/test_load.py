"""What the meters see: net demand, import and export, generation and gas, all exact.

The electricity meter nets consumption against on-site generation slot by slot;
import and export are the positive and negative parts of that net, and every
energy series integrates with the same exactness and additivity rules."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from home_emulator.household.load import PROFILES, SLOT_SECONDS, SLOTS_PER_DAY, HouseholdLoad

LONDON = ZoneInfo("Europe/London")
FAMILY = PROFILES["family_of_four"]
SPRING_FORWARD = dt.date(2026, 3, 29)
FALL_BACK = dt.date(2026, 10, 25)


def _days(start: dt.date, count: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(count)]


def _epoch(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    return int(dt.datetime(year, month, day, hour, minute, tzinfo=LONDON).timestamp())


SOLAR = PROFILES["solar_home"]
_SERIES = ("day_watts", "generation_day_watts", "gas_day_watts", "net_day_watts")


@pytest.mark.parametrize(
    "profile", ["solar_home", "ev_owner", "heat_pump_home", "single_pensioner"]
)
def test_every_series_of_a_day_alone_equals_the_same_day_inside_a_range(profile: str) -> None:
    for day in (dt.date(2025, 1, 9), SPRING_FORWARD, FALL_BACK):
        alone = HouseholdLoad(5, PROFILES[profile])
        expected = [getattr(alone, series)(day).copy() for series in _SERIES]
        in_range = HouseholdLoad(5, PROFILES[profile])
        for other in _days(day - dt.timedelta(days=6), 13):
            for series in _SERIES:
                getattr(in_range, series)(other)
        for series, watts in zip(_SERIES, expected, strict=True):
            np.testing.assert_array_equal(getattr(in_range, series)(day), watts)
            assert len(watts) == len(in_range.day_slots(day))
            assert watts.dtype == np.int32


def test_net_is_consumption_minus_generation() -> None:
    load = HouseholdLoad(17, SOLAR)
    for day in _days(dt.date(2025, 6, 1), 3):
        consumption, generation = load.day_watts(day), load.generation_day_watts(day)
        net = load.net_day_watts(day)
        np.testing.assert_array_equal(net, consumption.astype(np.int64) - generation)
        assert net.min() < 0 < net.max()  # exporting at midday, importing in the evening
        start = load.day_slots(day).start * SLOT_SECONDS
        for offset in (0, 9.5, 12 * 3600 + 3, 13 * 3600, 20 * 3600):
            index = int(offset // SLOT_SECONDS)
            assert load.net_watts_at(start + offset) == net[index]
            assert load.generation_watts_at(start + offset) == generation[index]
            assert load.gas_watts_at(start + offset) == load.gas_day_watts(day)[index]
    with pytest.raises(ValueError, match="read-only"):
        load.net_day_watts(dt.date(2025, 6, 1))[0] = 0


def test_without_generation_net_and_import_are_consumption() -> None:
    load = HouseholdLoad(18, FAMILY)
    day = dt.date(2025, 6, 1)
    np.testing.assert_array_equal(load.net_day_watts(day), load.day_watts(day))
    t0 = load.day_slots(day).start * SLOT_SECONDS + 1234.5
    assert load.import_joules(t0, t0 + 86_400) == load.energy_joules(t0, t0 + 86_400)
    assert load.export_joules(t0, t0 + 86_400) == 0
    assert load.net_watts_at(t0) == load.watts_at(t0)


def test_import_and_export_are_exact_slot_sums() -> None:
    load = HouseholdLoad(19, SOLAR)
    first = load.day_slots(dt.date(2025, 5, 10)).start + 777
    count = 2 * SLOTS_PER_DAY + 1234
    days = _days(dt.date(2025, 5, 10), 4)
    net = np.concatenate([load.net_day_watts(d) for d in days]).astype(np.int64)
    net = net[777 : 777 + count]
    generation = np.concatenate([load.generation_day_watts(d) for d in days]).astype(np.int64)
    gas = np.concatenate([load.gas_day_watts(d) for d in days]).astype(np.int64)
    t0, t1 = first * SLOT_SECONDS, (first + count) * SLOT_SECONDS
    imported = load.import_joules(t0, t1)
    exported = load.export_joules(t0, t1)
    assert imported == int(np.maximum(net, 0).sum()) * SLOT_SECONDS
    assert exported == int(np.maximum(-net, 0).sum()) * SLOT_SECONDS
    assert load.generation_joules(t0, t1) == int(generation[777 : 777 + count].sum()) * SLOT_SECONDS
    assert load.gas_joules(t0, t1) == int(gas[777 : 777 + count].sum()) * SLOT_SECONDS
    # Over whole slots, import minus export is consumption minus generation.
    assert imported - exported == load.energy_joules(t0, t1) - load.generation_joules(t0, t1)
    assert exported > 0


def test_export_only_while_generation_exceeds_consumption() -> None:
    load = HouseholdLoad(20, SOLAR)
    for day in _days(dt.date(2025, 7, 1), 3):
        consumption = load.day_watts(day).astype(np.int64)
        generation = load.generation_day_watts(day).astype(np.int64)
        start = load.day_slots(day).start * SLOT_SECONDS
        surplus = generation > consumption
        assert surplus.any()
        for index in np.flatnonzero(~surplus)[::500].tolist():
            t = start + index * SLOT_SECONDS
            assert load.export_joules(t, t + SLOT_SECONDS) == 0
            assert load.import_joules(t, t + SLOT_SECONDS) == 10 * (consumption - generation)[index]
        for index in np.flatnonzero(surplus)[::50].tolist():
            t = start + index * SLOT_SECONDS
            assert load.import_joules(t, t + SLOT_SECONDS) == 0
            assert load.export_joules(t, t + SLOT_SECONDS) == 10 * (generation - consumption)[index]
            assert load.net_watts_at(t + 5) < 0


_SOLAR_FOR_ADDITIVITY = HouseholdLoad(22, SOLAR)
_SUMMER_WINDOW = _epoch(2026, 6, 20)
_JOULES = ("energy_joules", "import_joules", "export_joules", "generation_joules", "gas_joules")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(0, 3 * 86_400 // SLOT_SECONDS).map(lambda k: float(k * SLOT_SECONDS)),
            st.floats(0.0, 3 * 86_400.0, allow_nan=False),
        ),
        min_size=3,
        max_size=3,
    )
)
def test_every_energy_series_is_additive(offsets: list[float]) -> None:
    a, b, c = (_SUMMER_WINDOW + x for x in sorted(offsets))
    for name in _JOULES:
        energy = getattr(_SOLAR_FOR_ADDITIVITY, name)
        assert energy(a, c) == energy(a, b) + energy(b, c)
        assert energy(a, b) >= 0


@pytest.mark.parametrize("name", _JOULES)
def test_energy_within_one_slot_is_proportional_for_every_series(name: str) -> None:
    load = HouseholdLoad(23, SOLAR)
    t0 = _epoch(2025, 6, 5, 12, 30)
    energy = getattr(load, name)
    whole = energy(t0, t0 + 10)
    assert energy(t0 + 2.5, t0 + 7.5) == round(whole / 10 * 7.5) - round(whole / 10 * 2.5)
    with pytest.raises(ValueError, match="before"):
        energy(t0 + 1, t0)


def test_the_solar_home_imports_less_and_exports_in_summer() -> None:
    load = HouseholdLoad(2024, SOLAR)
    totals = dict.fromkeys(("consumed", "generated", "imported", "exported"), 0.0)
    exported_by_month = np.zeros(13)
    for day in _days(dt.date(2025, 1, 1), 365):
        net = load.net_day_watts(day).astype(np.int64)
        kwh = {
            "consumed": load.day_watts(day).sum(dtype=np.int64),
            "generated": load.generation_day_watts(day).sum(dtype=np.int64),
            "imported": np.maximum(net, 0).sum(),
            "exported": np.maximum(-net, 0).sum(),
        }
        for key, watt_slots in kwh.items():
            totals[key] += int(watt_slots) * SLOT_SECONDS / 3.6e6
        exported_by_month[day.month] += int(kwh["exported"])
    assert 3200 <= totals["generated"] <= 4000  # 4 kWp at 800-1000 kWh/kWp
    assert totals["imported"] < 0.9 * totals["consumed"]
    assert totals["exported"] < totals["generated"]
    assert totals["imported"] - totals["exported"] == pytest.approx(
        totals["consumed"] - totals["generated"]
    )
    assert exported_by_month[6] > 5 * exported_by_month[12]
