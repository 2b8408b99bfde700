"""Incoming messages too long for one MT frame, held by the network processor until the host
fetches them.

Z-Stack's MT AF layer (``mt_af.c``, ``MT_AfIncomingMsg`` and ``MT_AfDataRetrieve`` in TI's
SimpleLink CC13xx/CC26xx SDK; TI SWRA198 "Z-Stack Monitor and Test API", AF_INCOMING_MSG_EXT and
AF_DATA_RETRIEVE) keeps such a message in RAM, named by its receipt time stamp, and announces it
with AF_INCOMING_MSG_EXT without its data. The host reads it in chunks with AF_DATA_RETRIEVE
(time stamp, index, length) and frees it with a retrieve of length 0. One not freed is dropped after
``MT_AF_EXEC_CNT`` (15) ticks of ``MT_AF_EXEC_DLY`` (1000 ms): about 15 seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

KEPT_S = 15.0
"""MT_AF_EXEC_CNT ticks of MT_AF_EXEC_DLY: how long an unfetched message stays."""


@dataclass
class _Held:
    data: bytes
    until_s: float


class HeldMessages:
    """The stick's list of held messages, by time stamp."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._held: dict[int, _Held] = {}

    def hold(self, data: bytes) -> int:
        """Keep ``data``; the time stamp that names it (unique among those held)."""
        self._forget_expired()
        stamp = int(self._clock() * 1000) & 0xFFFFFFFF
        while stamp in self._held:  # two messages in one millisecond: the radio's stamps differ
            stamp = (stamp + 1) & 0xFFFFFFFF
        self._held[stamp] = _Held(data, self._clock() + KEPT_S)
        return stamp

    def read(self, stamp: int, index: int, length: int) -> bytes | None:
        """``length`` bytes from ``index``, or None if nothing is held under ``stamp``.

        The firmware copies what was asked without checking the message's end; past it the
        stick's memory says nothing meaningful, and zeros stand for it here."""
        self._forget_expired()
        held = self._held.get(stamp)
        if held is None:
            return None
        chunk = held.data[index : index + length]
        return chunk + bytes(length - len(chunk))

    def free(self, stamp: int) -> bool:
        """Forget the message; False if nothing was held under ``stamp``."""
        self._forget_expired()
        return self._held.pop(stamp, None) is not None

    def clear(self) -> None:
        """A reset: the stick's RAM is gone."""
        self._held.clear()

    def __len__(self) -> int:
        self._forget_expired()
        return len(self._held)

    def _forget_expired(self) -> None:
        now = self._clock()
        for stamp in [stamp for stamp, held in self._held.items() if held.until_s <= now]:
            del self._held[stamp]
