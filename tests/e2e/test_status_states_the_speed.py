"""The Status screen states the emulated home's speed as it runs: nothing at ×1, "runs N times
faster" only when it does – measured from the hub's whole-second Time readings every five seconds."""

from __future__ import annotations

import pytest

from ihd.view_models.status import StatusViewModel
from tests.e2e.han_at_speed import han_at_speed

SCENARIO = """
name = "A quiet morning"
[home]
household = "family_of_four"
seed = 5
start = "2026-01-13T09:00"
fuels = ["electricity"]
[electricity.tariff]
type = "single"
unit_price = "0.2450"
standing_charge = "0.6012"
"""


@pytest.mark.parametrize(
    ("speed", "step_s", "for_s", "said"),
    [
        (1, 0.5, 90.0, ""),
        (30, 0.1, 30.0, "The meters' clock runs 30 times faster than real time."),
        (100_000, 0.01, 1.2, "The meters' clock runs 100,000 times faster than real time."),
    ],
    ids=["x1", "x30", "x100000"],
)
async def test_the_status_screen_states_the_speed(
    speed: float, step_s: float, for_s: float, said: str
) -> None:
    async with han_at_speed(SCENARIO, speed) as han:
        status = StatusViewModel(han.model, lambda: ())
        started = han.wall()
        notes = []
        while han.wall() < started + for_s:
            # At ×100,000 the hub is read every step, not every 5 s: a minute would be 70 days.
            await han.advance(step_s)
            if speed > 1000 and han.session.hub is not None:
                await han.session.hub.read_time()
            notes.append(status.page(han.wall()).han_time_note)
        assert notes[-1] == said
        if speed == 1:
            assert set(notes) == {""}
        # The time it states is the home's, within what 1/50 of a wall second is at this speed.
        believed = han.model.han_now(han.wall())
        assert believed == pytest.approx(han.home.time_now(), abs=max(2.0, speed / 50))
        if speed < 100:
            assert status.page(han.wall()).han_time.startswith("Smart meter time: Tue 13 Jan, 09:")
