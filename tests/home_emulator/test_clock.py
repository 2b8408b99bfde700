"""The virtual clock: speed, pause and jumps, against a fake wall clock."""

from __future__ import annotations

import pytest

from home_emulator.clock import VirtualClock


class FakeWall:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_emulated_time_runs_at_speed() -> None:
    wall = FakeWall()
    clock = VirtualClock(1_700_000_000, speed=600, wall=wall)
    wall.now += 2
    assert clock.now() == 1_700_000_000 + 1200
    assert clock.wall_seconds_until(1_700_000_000 + 1800) == pytest.approx(1.0)


def test_speed_changes_keep_time_continuous() -> None:
    wall = FakeWall()
    clock = VirtualClock(0, speed=10, wall=wall)
    wall.now += 1
    clock.set_speed(1000)
    assert clock.now() == 10
    wall.now += 1
    assert clock.now() == 1010


def test_pause_stops_time_and_resume_carries_on() -> None:
    wall = FakeWall()
    clock = VirtualClock(0, wall=wall)
    wall.now += 5
    clock.pause()
    wall.now += 100
    assert clock.now() == 5
    assert clock.wall_seconds_until(10) == float("inf")
    clock.resume()
    wall.now += 1
    assert clock.now() == 6


def test_jumps_only_go_forward() -> None:
    clock = VirtualClock(100, wall=FakeWall())
    clock.jump_to(5000)
    assert clock.now() == 5000
    with pytest.raises(ValueError, match="backwards"):
        clock.jump_to(10)


@pytest.mark.parametrize("speed", [0, 0.5, 100_001])
def test_impossible_speeds_are_refused(speed: float) -> None:
    with pytest.raises(ValueError, match="between 1 and 100000"):
        VirtualClock(0, speed=speed)
