"""The served air's wire protocol (``home_emulator/air/wire.py``), for a client of one's own: a
test or a benchmark that talks to a served home byte by byte – the soak benchmark's hostile peer."""

from __future__ import annotations

from home_emulator.air.wire import (
    MAX_MESSAGE,
    Hello,
    Kind,
    Proof,
    Send,
    Start,
    encode,
    read_message,
)

__all__ = ["MAX_MESSAGE", "Hello", "Kind", "Proof", "Send", "Start", "encode", "read_message"]
