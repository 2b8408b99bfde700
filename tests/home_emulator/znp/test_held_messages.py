"""What a Z-Stack stick does with an incoming message too long for one MT frame until the host
has fetched it."""

from __future__ import annotations

from home_emulator.znp.held_messages import KEPT_S, HeldMessages


class Clock:
    def __init__(self) -> None:
        self.now_s = 1000.0

    def __call__(self) -> float:
        return self.now_s


def test_a_held_message_is_read_in_chunks_by_its_time_stamp_and_freed() -> None:
    held = HeldMessages(Clock())
    stamp = held.hold(b"abcdefghij")
    assert held.read(stamp, 0, 4) == b"abcd"
    assert held.read(stamp, 8, 2) == b"ij"
    assert held.free(stamp)
    assert held.read(stamp, 0, 4) is None
    assert not held.free(stamp)


def test_two_messages_in_one_millisecond_get_different_time_stamps() -> None:
    held = HeldMessages(Clock())
    first, second = held.hold(b"one"), held.hold(b"two")
    assert first != second
    assert held.read(first, 0, 3) == b"one"
    assert held.read(second, 0, 3) == b"two"


def test_asking_past_the_end_gives_the_length_asked_for() -> None:
    held = HeldMessages(Clock())
    stamp = held.hold(b"abc")
    assert held.read(stamp, 2, 4) == b"c\x00\x00\x00"


def test_a_message_the_host_never_fetches_is_dropped_after_about_fifteen_seconds() -> None:
    clock = Clock()
    held = HeldMessages(clock)
    stamp = held.hold(b"abc")
    clock.now_s += KEPT_S - 0.5
    assert held.read(stamp, 0, 3) == b"abc"
    clock.now_s += 1.0
    assert held.read(stamp, 0, 3) is None
    assert not len(held)
