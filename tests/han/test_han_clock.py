"""The HAN clock followed from whole-second Time readings: the pace it states is the pace it runs."""

from __future__ import annotations

import random

import pytest

from han.links.han_clock import next_clock
from han.model import HanClock

HAN_START_S = 1_768_294_800.0  # Tue 13 Jan 2026 09:00 UTC
WALL_START_S = 1_000_000.0


def _follow(
    speed: float,
    *,
    every_s: float,
    for_s: float,
    seed: int = 1,
    round_trip_s: float = 0.004,
) -> list[HanClock]:
    """The display's clock after each reading of a hub whose clock runs ``speed`` times real time
    and reads in whole seconds, asked every ``every_s`` (± a little) for ``for_s`` seconds."""
    chance = random.Random(seed)
    phase = chance.random()  # where in its second the hub's clock was when we started
    clock: HanClock | None = None
    seen = []
    asked_at = WALL_START_S
    while asked_at < WALL_START_S + for_s:
        answered_at = asked_at + round_trip_s * chance.random()
        hub_read_at = (asked_at + answered_at) / 2 + chance.uniform(-0.001, 0.001)
        han_s = float(int(HAN_START_S + phase + (hub_read_at - WALL_START_S) * speed))
        read_at = (asked_at + answered_at) / 2
        clock = next_clock(clock, han_s, read_at, within_s=(answered_at - asked_at) / 2)
        seen.append(clock)
        asked_at += every_s * chance.uniform(0.9, 1.1)
    return seen


@pytest.mark.parametrize("every_s", [0.5, 0.6, 1.0, 5.0])
@pytest.mark.parametrize("seed", range(5))
def test_at_real_time_the_clock_never_seems_to_run_fast(every_s: float, seed: int) -> None:
    # Whole seconds 0.5 s apart once read as "2 times faster": one second ticking in half of one.
    for clock in _follow(1, every_s=every_s, for_s=120, seed=seed):
        assert 0.75 <= clock.rate <= 1.25
    assert clock.rate == pytest.approx(1.0, rel=0.02)


@pytest.mark.parametrize("speed", [30.0, 1000.0, 100_000.0])
def test_a_fast_clock_is_measured_within_a_percent(speed: float) -> None:
    clocks = _follow(speed, every_s=5.0, for_s=60)
    for clock in clocks[2:]:
        assert clock.rate == pytest.approx(speed, rel=0.05)
    assert clocks[-1].rate == pytest.approx(speed, rel=0.01)


def test_a_new_pace_a_pause_and_a_jump_are_followed_within_two_readings() -> None:
    clock = next_clock(None, HAN_START_S, WALL_START_S)
    han_s, wall_s = HAN_START_S, WALL_START_S
    for _ in range(6):  # ×1
        han_s, wall_s = han_s + 5, wall_s + 5
        clock = next_clock(clock, han_s, wall_s)
    assert clock.rate == 1.0
    for _ in range(2):  # ×60 from here
        han_s, wall_s = han_s + 300, wall_s + 5
        clock = next_clock(clock, han_s, wall_s)
    assert clock.rate == pytest.approx(60, rel=0.01)
    for _ in range(2):  # paused
        wall_s += 5
        clock = next_clock(clock, han_s, wall_s)
    assert clock.rate == 0.0
    han_s, wall_s = han_s + 86_400, wall_s + 5  # jumped a day ahead, then ×1 again
    clock = next_clock(clock, han_s, wall_s)
    for _ in range(2):
        han_s, wall_s = han_s + 5, wall_s + 5
        clock = next_clock(clock, han_s, wall_s)
    assert clock.rate == pytest.approx(1.0, rel=0.25)
    assert clock.now(wall_s + 1) == pytest.approx(han_s + 1, abs=1.5)
