"""Every shipped scenario, fast-forwarded with a display attached: the figures of each screen agree
with each other whenever it would be drawn (the same checker runs in the ``fast_forward`` benchmark,
which also says how fast and how far behind)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from benchmarks.fast_run import FRAME_S, FastHome, check_while_running, fast_home, shipped_scenarios

RUN_S = 1.5
"""Wall seconds each after the first reading: at ×100,000 about a day and a half of the home."""
FIRST_READING_WITHIN_S = 60.0
"""Only a hang fails here: how soon the display has a reading is the benchmarks' to measure (on a
loaded machine the set-up alone can take longer than the run)."""


async def _check_until_a_reading(fast: FastHome) -> None:
    """Every screen is checked from the start, the attach included, until a reading arrives."""
    try:
        async with asyncio.timeout(FIRST_READING_WITHIN_S):
            while fast.model.electricity_import_meter() is None:
                await check_while_running(fast, FRAME_S)
    except TimeoutError:
        pytest.fail(f"no reading reached the display in {FIRST_READING_WITHIN_S:g} s")


@pytest.mark.parametrize(
    "scenario",
    shipped_scenarios(),
    ids=lambda path: path.stem,
)
async def test_every_screen_agrees_with_itself_at_a_hundred_thousand_times(scenario: Path) -> None:
    async with fast_home(scenario, 100_000) as fast:
        await _check_until_a_reading(fast)
        await check_while_running(fast, RUN_S)
        violations = fast.checker.finish()
        assert fast.model.electricity_import_meter() is not None, "no reading reached the display"
    assert violations == []


@pytest.mark.parametrize("speed", [1_000, 10_000])
async def test_a_time_of_use_home_agrees_with_itself_at_other_speeds(speed: float) -> None:
    scenario = next(path for path in shipped_scenarios() if path.stem == "economy7-storage")
    async with fast_home(scenario, speed) as fast:
        await _check_until_a_reading(fast)
        await check_while_running(fast, RUN_S)
        violations = fast.checker.finish()
        assert fast.model.electricity_import_meter() is not None, "no reading reached the display"
    assert violations == []
