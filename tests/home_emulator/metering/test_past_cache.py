"""The kept past is the rendered past, to the watt: read cold, read warm, read from a damaged file
(rendered again and rewritten) or with a folder that cannot be written (rendered, not kept)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from home_emulator.household.load import PROFILES, HouseholdLoad
from home_emulator.metering.backfill import HouseholdPast, household_past
from home_emulator.metering.past_cache import PastCache
from home_emulator.metering.registers import LocalCalendar

CALENDAR = LocalCalendar(ZoneInfo("Europe/London"))
UNTIL = 1_780_000_000 + 4321 * 10  # some way into a day, on a slot boundary
DAYS = 12


def _fresh(profile: str) -> HouseholdPast:
    return household_past(HouseholdLoad(5, PROFILES[profile]), CALENDAR, until_s=UNTIL, days=DAYS)


def _cached(cache: PastCache, profile: str) -> HouseholdPast:
    return cache.household_past(
        HouseholdLoad(5, PROFILES[profile]),
        CALENDAR,
        until_s=UNTIL,
        days=DAYS,
        seed=5,
        profile=profile,
    )


def _same(a: HouseholdPast, b: HouseholdPast) -> None:
    assert a.first_slot_s == b.first_slot_s
    for name in ("net_w", "gas_w", "generation_w"):
        left, right = getattr(a, name), getattr(b, name)
        assert (left is None) == (right is None), name
        if left is not None:
            np.testing.assert_array_equal(left, right)


@pytest.mark.parametrize("profile", ["family_of_four", "solar_home"])
def test_cold_and_warm_reads_are_the_rendered_past(tmp_path: Path, profile: str) -> None:
    cache = PastCache(tmp_path)
    fresh = _fresh(profile)
    _same(_cached(cache, profile), fresh)  # cold: rendered and kept
    assert len(list(tmp_path.glob("past-*.npz"))) == 1
    _same(_cached(cache, profile), fresh)  # warm: read back


@pytest.mark.logs_warning(r"^Ignoring the kept past ")
def test_a_damaged_file_is_rendered_again_and_rewritten(tmp_path: Path) -> None:
    cache = PastCache(tmp_path)
    _cached(cache, "family_of_four")
    (kept,) = tmp_path.glob("past-*.npz")
    kept.write_bytes(b"not a numpy archive")
    _same(_cached(cache, "family_of_four"), _fresh("family_of_four"))
    with np.load(kept) as archive:
        assert "net_w" in archive


@pytest.mark.logs_warning(r"^Ignoring the kept past ", r"^Could not keep the home's past in ")
def test_a_folder_that_cannot_be_written_still_gives_the_past(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    _same(_cached(PastCache(blocked), "family_of_four"), _fresh("family_of_four"))


def test_old_pasts_are_pruned(tmp_path: Path) -> None:
    cache = PastCache(tmp_path)
    for seed in range(6):
        load = HouseholdLoad(seed, PROFILES["family_of_four"])
        cache.household_past(
            load, CALENDAR, until_s=UNTIL, days=2, seed=seed, profile="family_of_four"
        )
    assert len(list(tmp_path.glob("past-*.npz"))) == 4


def test_a_past_rendered_ahead_by_another_process_is_the_one_the_home_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys
    import time

    from home_emulator.metering.past_name import todays_past_name

    command = [sys.executable, "-m", "home_emulator.metering.past_cache", "--folder", str(tmp_path)]
    command += ["--seed", "5", "--profile", "family_of_four", "--days", "3"]
    pending = subprocess.Popen(command)
    now = int(time.time()) // 10 * 10
    rendered_here: list[int] = []

    def only_today(*args: object, days: int, **kwargs: object) -> HouseholdPast:
        rendered_here.append(days)
        return household_past(*args, days=days, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("home_emulator.metering.past_cache.household_past", only_today)
    cache = PastCache(tmp_path, pending=pending)
    load = HouseholdLoad(5, PROFILES["family_of_four"])
    kept = cache.household_past(
        load, CALENDAR, until_s=now, days=3, seed=5, profile="family_of_four"
    )
    assert pending.wait(5) == 0
    assert rendered_here == [0]  # only today: the complete days came from the other process
    name = todays_past_name(
        seed=5, profile="family_of_four", zone="Europe/London", days=3, now_s=now
    )
    assert [p.name for p in tmp_path.glob("past-*.npz")] == [name]
    fresh = household_past(
        HouseholdLoad(5, PROFILES["family_of_four"]), CALENDAR, until_s=now, days=3
    )
    _same(kept, fresh)


def test_the_app_renders_ahead_only_when_the_days_past_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from app.connection import past_prerender
    from home_emulator.metering.past_name import todays_past_name

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = past_prerender.past_cache_folder()
    past_prerender.start(seed=9, profile="family_of_four", days=2)
    pending = past_prerender.take()
    assert pending is not None
    assert pending.wait(60) == 0
    name = todays_past_name(
        seed=9, profile="family_of_four", zone="Europe/London", days=2, now_s=time.time()
    )
    assert (folder / name).exists()
    past_prerender.start(seed=9, profile="family_of_four", days=2)  # kept now: nothing to start
    assert past_prerender.take() is None


def _state(value: object) -> object:
    """Everything a register holds, arrays as lists, so two registers compare as values."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, list | tuple):
        return [_state(item) for item in value]
    if isinstance(value, dict):
        return {key: _state(item) for key, item in value.items()}
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return {key: _state(item) for key, item in vars(value).items() if key != "pricer"}
    return value


@pytest.mark.parametrize("profile", ["family_of_four", "solar_home"])
def test_a_home_built_from_the_kept_half_hour_sums_has_the_registers_of_one_built_from_slots(
    tmp_path: Path, profile: str
) -> None:
    """The embedded home reads its complete days as half-hour sums: every register of every meter
    (readings at every boundary, totals, cost, tiers, maximum demands, the half hour under way)
    is the one a home rendered slot by slot has."""
    from home_emulator.home import EmulatedHome, HomeSpec

    spec = HomeSpec(seed=5, profile=profile, history_days=DAYS, start_epoch_s=UNTIL)
    cache = PastCache(tmp_path)
    EmulatedHome(spec, past_cache=cache).close()  # cold: renders and keeps the days
    asked: list[bool] = []
    reading = cache.household_past

    def noting(*args: object, summed: bool = False, **kwargs: object) -> HouseholdPast:
        asked.append(summed)
        past = reading(*args, summed=summed, **kwargs)  # type: ignore[arg-type]
        assert past.summed is not None
        return past

    cache.household_past = noting  # type: ignore[method-assign]
    warm = EmulatedHome(spec, past_cache=cache)
    assert asked == [True]  # one price, no load switch: the sums are all it reads
    fresh = EmulatedHome(spec)
    try:
        meters = [(warm.esme, fresh.esme), (warm.gas, fresh.gas)]
        meters.append((warm.generation, fresh.generation))
        for from_sums, from_slots in meters:
            assert (from_sums is None) == (from_slots is None)
            if from_sums is not None and from_slots is not None:
                assert _state(from_sums.registers) == _state(from_slots.registers)
        assert warm.esme.registers.exported is not None or profile != "solar_home"
    finally:
        warm.close()
        fresh.close()


def test_the_kept_sums_are_read_without_the_slots(tmp_path: Path) -> None:
    cache = PastCache(tmp_path)
    _cached(cache, "solar_home")  # kept
    load = HouseholdLoad(5, PROFILES["solar_home"])
    summed = cache.household_past(
        load, CALENDAR, until_s=UNTIL, days=DAYS, seed=5, profile="solar_home", summed=True
    )
    fresh = _fresh("solar_home")
    assert summed.summed is not None
    today = (UNTIL - CALENDAR.midnight(CALENDAR.local_date(UNTIL))) // 10
    assert summed.net_w.size == today  # only today's slots: the days before are sums
    np.testing.assert_array_equal(summed.net_w, fresh.net_w[-today:])
    whole_days = fresh.net_w.size - today
    kept_only = HouseholdPast(
        fresh.first_slot_s,
        fresh.net_w[:whole_days],
        None,
        fresh.generation_w[:whole_days] if fresh.generation_w is not None else None,
    ).summed_watts()
    assert kept_only is not None
    np.testing.assert_array_equal(summed.summed.import_w, kept_only.import_w)
    np.testing.assert_array_equal(summed.summed.export_w, kept_only.export_w)
    assert summed.summed.generation_w is not None
    assert kept_only.generation_w is not None
    np.testing.assert_array_equal(summed.summed.generation_w, kept_only.generation_w)
