"""Where a path's CPU time goes, by sampling the loop thread's stack: which part of the path – the
emulated meter, an emulated stick, a radio library, zigpy with the display's own layers – was
running when the process's CPU-time timer fired.

A sample belongs to the innermost frame on the stack that marks a part: walking outwards from
where the interpreter was, the first frame in one of ``PARTS`` decides. So zigpy's types used by
zigpy-znp to parse an MT frame count as zigpy-znp's, and everything zigpy does after a radio
library hands it a packet (``ControllerApplication.packet_received``: decoding, events, the
session, the model) counts as the common part both paths share.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from types import FrameType

INTERVAL_S = 0.001
"""The timer is asked for a sample per millisecond of process CPU time (~30 µs of stack walking
each); the kernel's tick may space them wider, so a figure gives its count of samples."""

COMMON = "zigpy and the display"
STICK = "the emulated stick"
LIBRARY = "the radio library"
VIRTUAL = "the virtual radio"
METER = "the emulated meter and air"
OTHER = "the loop and the rest"

PARTS: tuple[tuple[str, str, str | None], ...] = (
    # (part, a path fragment of the frame's file, the function's name or None for any)
    (COMMON, "/zigpy/application.py", "packet_received"),
    (STICK, "/home_emulator/znp/", None),
    (STICK, "/home_emulator/ezsp/", None),
    (STICK, "/home_emulator/zigbee/layout.py", None),
    (STICK, "/home_emulator/zigbee/coordinator_zdo.py", None),
    (LIBRARY, "/zigpy_znp/", None),
    (LIBRARY, "/bellows/", None),
    (LIBRARY, "/serialx/", None),
    (VIRTUAL, "/home_emulator/air/virtual_radio.py", None),
    (METER, "/home_emulator/", None),
)


def part_of(frame: FrameType | None) -> str:
    while frame is not None:
        code = frame.f_code
        for part, fragment, function in PARTS:
            if fragment in code.co_filename and (function is None or code.co_name == function):
                return part
        frame = frame.f_back
    return OTHER


class Samples:
    def __init__(self) -> None:
        self.by_part: Counter[str] = Counter()

    @property
    def total(self) -> int:
        return sum(self.by_part.values())

    def share(self, part: str) -> float:
        return self.by_part[part] / self.total if self.total else 0.0

    def shares(self) -> str:
        """Each part's share, largest first, for a figure's detail."""
        return ", ".join(
            f"{part} {count / self.total:.0%}" for part, count in self.by_part.most_common()
        )


@contextlib.contextmanager
def sampling() -> Iterator[Samples]:
    """Sample the main thread while the block runs (Unix: ``ITIMER_PROF``)."""
    samples = Samples()

    def take(_signal: int, frame: FrameType | None) -> None:
        samples.by_part[part_of(frame)] += 1

    if sys.platform == "win32":  # no CPU-time timer signal there
        yield samples
        return
    previous = signal.signal(signal.SIGPROF, take)
    signal.setitimer(signal.ITIMER_PROF, INTERVAL_S, INTERVAL_S)
    try:
        yield samples
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
