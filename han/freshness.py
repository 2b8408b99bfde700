"""Whether what a display shows is live: judged by when its meter was last heard, on the HAN's clock.

A GB meter reports some attributes only when they change – the ambient level, a price, the supply
status, credit – so a value that has not moved for an hour is as live as the meter that keeps
reporting demand beside it. A value is out of date only when its meter has gone quiet (no report,
no answer, nothing pushed) or did not answer a poll; never because the value stayed the same.

Silence is measured in the meters' own time, the time every screen shows: "last heard at 09:30"
beside a corner clock reading 09:31 is a minute of silence at any speed, so at ×30 a five-minute
power cut is shown as one within a minute of the meters' time (two wall seconds). A HAN cannot
carry frames faster than the radio does (``han.clock_speed.REPORT_EVERY_WALL_S`` of wall time
between a cluster's reports at any speed) and a display needs a moment to take them in, so a
silence shorter than ``HEARD_WITHIN_WALL_S`` of wall time is never called out of date: above ×30
that floor is the threshold (at ×10,000 five and a half hours of the meters' time), and a shorter
cut passes faster than any screen could show it. Claiming it would mean calling a meter that
answers out of date.
"""

from __future__ import annotations

from typing import Any, Final

from han.measured import Measured
from han.model import HomeModel, LinkState, Meter

QUIET_AFTER_HAN_S: Final = 60.0
"""Meters report demand every ~10 s: a minute of the meters' time without a word is trouble."""
HEARD_WITHIN_WALL_S: Final = 2.0
"""Wall seconds a display may always wait for the next frame: 20 of the fastest HAN's report
intervals, and more than any loop turn of a busy display."""


def quiet_after_wall_s(model: HomeModel, quiet_after_han_s: float = QUIET_AFTER_HAN_S) -> float:
    """Display seconds of silence after which a meter is out of date, at the HAN clock's pace."""
    rate = model.han_clock.rate if model.han_clock is not None else 1.0
    if rate <= 0:
        return float("inf")  # the meters' time stands still: no silence grows
    return max(quiet_after_han_s / rate, HEARD_WITHIN_WALL_S)


def last_heard(meter: Meter, value: Measured[Any] | None = None) -> float | None:
    """When (display clock) the meter was last heard: its last frame, or the arrival of ``value``
    or of its newest reading if those are newer (a model filled without frames, as from a feed)."""
    times = [t for t in (meter.heard_at, meter.last_updated) if t is not None]
    if value is not None:
        times.append(value.updated_at)
    return max(times) if times else None


def silence_han_s(
    model: HomeModel, meter: Meter, now: float, value: Measured[Any] | None = None
) -> float:
    """How long (the meters' time) since the meter was last heard; 0 if never."""
    heard = last_heard(meter, value)
    if heard is None:
        return 0.0
    rate = model.han_clock.rate if model.han_clock is not None else 1.0
    return max(0.0, now - heard) * rate


def out_of_date(
    model: HomeModel,
    meter: Meter,
    now: float,
    quiet_after_han_s: float = QUIET_AFTER_HAN_S,
    value: Measured[Any] | None = None,
) -> bool:
    """Whether the values of ``meter`` (``value`` among them) are out of date at display time
    ``now``: the source went away, the meter was never heard, did not answer a poll, or has been
    quiet too long."""
    heard = last_heard(meter, value)
    if model.link is LinkState.LOST or heard is None or meter.unanswered:
        return True
    return now - heard > quiet_after_wall_s(model, quiet_after_han_s)


def last_heard_han_s(model: HomeModel, meter: Meter) -> float | None:
    """When the meter was last heard, on the HAN's clock (what "last heard at" and "Updated" say)."""
    heard = last_heard(meter)
    if heard is None:
        return None
    if meter.heard_han_s is not None and meter.heard_at == heard:
        return meter.heard_han_s  # taken when the frame came: true even if the pace changed since
    return model.han_now(heard)


def age_han_s(model: HomeModel, value: Measured[Any], now: float) -> float:
    """How long ago (the meters' time) ``value`` arrived: ages are told on the one clock too."""
    return max(0.0, model.han_now(now) - model.han_now(value.updated_at))
