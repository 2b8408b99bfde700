"""What an EmberZNet NCP keeps in its flash (its "tokens") across resets and host connections: the
network it formed, its keys and frame counters, and the security settings the host gave it for the
next formation. It lives as long as the server, as the stick's memory outlives a host.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import zigpy.types as t

WELL_KNOWN_LINK_KEY = b"ZigBeeAlliance09"
"""ZigBee's global trust-centre link key, the default before a host gives another."""
DEFAULT_CHANNEL_MASK = 0x07FFF800
"""Channels 11 to 26."""


@dataclass
class SecuritySettings:
    """What ``setInitialSecurityState`` gave: used by the next ``formNetwork``."""

    bitmask: int = 0
    preconfigured_key: bytes = WELL_KNOWN_LINK_KEY
    network_key: bytes | None = None
    network_key_sequence: int = 0


@dataclass
class Network:
    """The network the NCP formed (EmberNetworkParameters, keys, counters)."""

    extended_pan_id: t.EUI64
    pan_id: int
    channel: int
    tx_power: int
    channel_mask: int
    network_key: bytes
    network_key_sequence: int
    trust_centre_key: bytes
    security_bitmask: int
    nwk_manager_id: int = 0x0000
    update_id: int = 0
    nwk_frame_counter: int = 0
    aps_frame_counter: int = 0


@dataclass
class Tokens:
    ieee: t.EUI64
    network: Network | None = None
    security: SecuritySettings = field(default_factory=SecuritySettings)
    nwk_frame_counter: int = 0
    """Counters the host writes before forming (a restored network carries on from its own)."""
    aps_frame_counter: int = 0

    def form(self, parameters: dict[str, Any]) -> Network:
        """Form a network with the host's parameters and the security settings it gave."""
        security = self.security
        channel = int(parameters["radioChannel"])
        extended = t.EUI64(parameters["extendedPanId"])
        self.network = Network(
            extended_pan_id=extended if any(extended) else self.ieee,
            pan_id=int(parameters["panId"]),
            channel=channel,
            tx_power=int(parameters["radioTxPower"]),
            channel_mask=int(parameters["channels"]) or 1 << channel,
            network_key=security.network_key or os.urandom(16),
            network_key_sequence=security.network_key_sequence,
            trust_centre_key=security.preconfigured_key,
            security_bitmask=security.bitmask,
            nwk_manager_id=int(parameters["nwkManagerId"]),
            update_id=int(parameters["nwkUpdateId"]),
            nwk_frame_counter=self.nwk_frame_counter,
            aps_frame_counter=self.aps_frame_counter,
        )
        return self.network

    def forget(self) -> None:
        """Leave the network: the stick no longer knows it."""
        self.network = None
