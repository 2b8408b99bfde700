"""The emulated USB coordinators: a home's air behind TI's Monitor-and-Test protocol (ZNP) or
Silicon Labs' EZSP over ASH (EmberZNet) on a TCP port, so that a real zigpy radio library
(``zigpy-znp``, ``bellows``) drives it as it would a USB stick."""

from __future__ import annotations

from home_emulator.ezsp.ncp import EZSP_IEEE, EmulatedEzsp
from home_emulator.ezsp.server import EzspServer
from home_emulator.znp.coordinator import ZNP_IEEE, EmulatedZnp, JoinPolicy
from home_emulator.znp.server import ZnpServer

__all__ = [
    "EZSP_IEEE",
    "ZNP_IEEE",
    "EmulatedEzsp",
    "EmulatedZnp",
    "EzspServer",
    "JoinPolicy",
    "ZnpServer",
]
