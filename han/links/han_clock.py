"""Following the HAN's clock from the hub's Time readings, at whatever pace it runs.

A Time reading is whole seconds, stamped on the display's clock half-way through its round trip.
Two readings a few seconds apart cannot tell ×1 from ×2 (5 s of display time may hold 4, 5 or 6
whole seconds of the hub's), so the rate is measured over every reading since the clock last
changed pace – the anchor – and a new reading that agrees with the pace believed, within what
whole seconds and the round trip allow, only makes the window longer and the rate more exact.
A reading that does not agree means the pace changed (an emulated home sped up, paused, or
jumped forward): the rate is measured afresh from the last interval and a new window starts at
this reading, so a jump inside that interval is forgotten by the next reading.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from han.clock_speed import MAX_SPEED
from han.model import HanClock

TICK_S: Final = 1.0
"""ZCL Time counts whole seconds: one reading may be up to a second behind the hub."""
STAMP_SLACK_S: Final = 0.05
"""Display seconds by which a reading's stamp may miss the moment the hub read its clock, beyond
half its round trip (a loop turn, a frame waiting its turn on the air)."""
MIN_RATE_BASELINE_S: Final = 0.5
"""Readings closer together than this (display time) are too close to judge a new pace from."""
PRECISE_SHARE: Final = 0.01
"""A window refines the rate once what it cannot know is within this share of what it measured."""


def next_clock(
    previous: HanClock | None, han_s: float, read_at: float, *, within_s: float = 0.0
) -> HanClock:
    """The HAN clock after a reading of ``han_s`` stamped ``read_at`` (± ``within_s``, half the
    round trip) on the display's clock."""
    if previous is None:
        return HanClock(han_s, read_at)
    anchor_han_s = previous.han_s if previous.anchor_han_s is None else previous.anchor_han_s
    anchor_read_at = (
        previous.read_at if previous.anchor_read_at is None else previous.anchor_read_at
    )
    span_s = read_at - anchor_read_at
    span_han_s = han_s - anchor_han_s
    if span_s < MIN_RATE_BASELINE_S:  # too soon to judge
        return replace(
            previous,
            han_s=han_s,
            read_at=read_at,
            anchor_han_s=anchor_han_s,
            anchor_read_at=anchor_read_at,
        )
    unknown_han_s = TICK_S + previous.rate * (within_s + 2 * STAMP_SLACK_S)
    if abs(span_han_s - previous.rate * span_s) <= unknown_han_s:  # the same pace, borne out
        rate = previous.rate
        if unknown_han_s <= PRECISE_SHARE * span_han_s:
            rate = _within_speeds(span_han_s / span_s)
        return HanClock(han_s, read_at, rate, anchor_han_s, anchor_read_at, rate_checked=True)
    if not previous.rate_checked:  # a window that began at a change of pace: measure it whole
        rate = _within_speeds(span_han_s / span_s)
        return HanClock(han_s, read_at, rate, anchor_han_s, anchor_read_at, rate_checked=True)
    # The pace changed since the last reading: measure it there, and start a window here, so a
    # jump inside that interval is forgotten by the next reading.
    since_s = read_at - previous.read_at
    if since_s < MIN_RATE_BASELINE_S:
        return HanClock(han_s, read_at, previous.rate)
    rate = _within_speeds((han_s - previous.han_s) / since_s)
    return HanClock(han_s, read_at, rate, rate_checked=True)


def _within_speeds(rate: float) -> float:
    """0 while a clock is paused; never faster than any HAN runs."""
    return min(max(rate, 0.0), MAX_SPEED)
