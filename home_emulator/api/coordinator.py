"""The emulated ZNP coordinator: a home's air behind TI's Monitor-and-Test protocol on a TCP
port, so that a real zigpy radio library (``zigpy-znp``) drives it as it would a USB stick."""

from __future__ import annotations

from home_emulator.znp.coordinator import ZNP_IEEE, EmulatedZnp, JoinPolicy
from home_emulator.znp.server import ZnpServer

__all__ = ["ZNP_IEEE", "EmulatedZnp", "JoinPolicy", "ZnpServer"]
