"""The 2.4 GHz band as a radio in the emulated home hears it: the energy on each ZigBee channel (what
an energy scan measures) and the networks whose beacons answer a network scan.

ZigBee channel n (11–26) is centred on 2405 + 5 (n − 11) MHz and is 2 MHz wide (IEEE 802.15.4,
O-QPSK PHY in the 2.4 GHz band); Wi-Fi channel m (1–13) is centred on 2412 + 5 (m − 1) MHz and
about 20 MHz wide (IEEE 802.11). A British home typically has its own router on Wi-Fi 6 and hears
its neighbours' on 1 and 11, so the ZigBee channels beneath those are loud and 15, 20, 25 and 26 –
between them – are quiet. The home's own HAN adds its traffic to the channel it is on, and a
neighbour's HAN is heard faintly on another channel. Figures vary a little from scan to scan, as a
real receiver's do, but are the same for the same scan of the same home (no randomness).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Final

import zigpy.types as t

ZIGBEE_CHANNELS: Final = range(11, 27)
WIFI_NETWORKS: Final = ((6, 0xB4), (1, 0x70), (11, 0x58))
"""(Wi-Fi channel, energy at its centre on ZigBee's 0–255 scale): the home's router, two neighbours'."""
WIFI_HALF_WIDTH_MHZ: Final = 11
WIFI_FALL_PER_MHZ: Final = 6
NOISE_FLOOR: Final = 0x0C
OWN_HAN: Final = 0x38
"""The home's own meters and hub reporting on their channel."""
JITTER: Final = 6
"""How much a reading may differ from scan to scan, either way."""


@dataclass(frozen=True)
class Beacon:
    """A router's answer to a beacon request: who it is and the network it is on."""

    source: int
    pan_id: int
    channel: int
    extended_pan_id: t.EUI64
    permit_joining: bool
    depth: int
    lqi: int
    update_id: int = 0


NEIGHBOURS_HAN: Final = Beacon(
    source=0x0000,
    pan_id=0x4C2E,
    channel=20,
    extended_pan_id=t.EUI64.convert("00:0d:6f:00:00:00:4c:2e"),
    permit_joining=False,
    depth=0,
    lqi=40,
)
"""Next door's comms hub, faint through the wall, on a channel of its own."""


def zigbee_mhz(channel: int) -> int:
    return 2405 + 5 * (channel - 11)


def wifi_mhz(channel: int) -> int:
    return 2412 + 5 * (channel - 1)


def energy(channel: int, han_channel: int | None, scan: int = 0) -> int:
    """The energy a ZigBee receiver measures on ``channel`` (0–255), with the home's HAN on
    ``han_channel`` (None: not on the air)."""
    if channel not in ZIGBEE_CHANNELS:
        raise ValueError(f"{channel} is not a 2.4 GHz ZigBee channel")
    level = NOISE_FLOOR
    for wifi, peak in WIFI_NETWORKS:
        apart = abs(zigbee_mhz(channel) - wifi_mhz(wifi))
        if apart < WIFI_HALF_WIDTH_MHZ:
            level = max(level, peak - WIFI_FALL_PER_MHZ * apart)
    if channel == han_channel:
        level = max(level, OWN_HAN)
    if channel == NEIGHBOURS_HAN.channel:
        level = max(level, NOISE_FLOOR + 8)
    spread = zlib.crc32(bytes((channel, scan & 0xFF))) % (2 * JITTER + 1) - JITTER
    return max(0, min(0xFF, level + spread))
