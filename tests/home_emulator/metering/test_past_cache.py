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
