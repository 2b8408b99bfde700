"""The sampler behind the coordinator figures names the part of a path that was running."""

from __future__ import annotations

import sys
import time

import pytest

from benchmarks.where_time_goes import COMMON, OTHER, STICK, part_of, sampling
from home_emulator.ezsp import ash


def test_a_frame_belongs_to_the_innermost_part_on_its_stack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert part_of(sys._getframe()) == OTHER  # a test is none of the path's parts
    seen: list[str] = []
    original = ash.stuff

    def stuff_and_look(frame: bytes) -> bytes:
        # Called by the stick's ASH encoder: this frame is the test's, the next one out the stick's.
        seen.append(part_of(sys._getframe()))
        return original(frame)

    monkeypatch.setattr(ash, "stuff", stuff_and_look)
    ash.encode(ash.Ack(3))
    assert seen == [STICK]


@pytest.mark.skipif(sys.platform == "win32", reason="no CPU-time timer signal")
def test_samples_are_taken_while_the_block_runs_and_name_the_stick() -> None:
    payload = bytes(range(200))
    with sampling() as samples:
        until = time.process_time() + 0.5
        while time.process_time() < until:
            for _ in range(200):
                ash.stuff(ash.randomise(payload))
    assert samples.total >= 20
    assert samples.share(STICK) > 0.5
    assert samples.share(COMMON) == 0
    taken = samples.total
    time.sleep(0.05)
    assert samples.total == taken  # the timer is stopped with the block
