"""The network information base (NIB) as a CC2652's Z-Stack stores it: 116 bytes, 32-bit aligned.

Formation writes it; the host reads it back to learn the network (channel, PAN ids, its own short
address, whether a key is loaded) and may rewrite it whole with the settings it wants, which the
coordinator then runs with. Only the fields the emulation needs are named; the rest keep Z-Stack's
defaults. Multi-byte fields sit at their natural alignment, hence the padding bytes (``x``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import zigpy.types as t

_LAYOUT = struct.Struct(
    "<"
    "15B x"  # sequence number … capability flags (15 one-byte settings)
    "H"  # transaction persistence time
    "3B x"  # protocol version, route discovery time, route expiry time
    "H"  # nwkDevAddress: our own short address
    "B x"  # nwkLogicalChannel
    "H"  # nwkCoordAddress
    "8s"  # nwkCoordExtAddress
    "H"  # nwkPanId
    "B x"  # nwkState
    "I"  # channelList
    "4B"  # beacon order, superframe order, scan duration, battery life extension
    "I I"  # allocated router and end-device addresses
    "B"  # node depth
    "8s"  # extendedPANID
    "B"  # nwkKeyLoaded
    "17s 17s"  # two spare key descriptors
    "9B x"  # spares, link status period, router age limit, multicast, concentrator …, all fresh
    "H"  # nwkManagerAddr
    "H"  # nwkTotalTransmissions
    "B x"  # nwkUpdateId
)
SIZE = _LAYOUT.size
NWK_STATE_ROUTER = 8
"""Z-Stack's NWK_ROUTER state: a coordinator that has started its network."""


@dataclass(frozen=True)
class NetworkInfoBase:
    short_address: int
    channel: int
    pan_id: int
    extended_pan_id: t.EUI64
    channel_mask: int
    key_loaded: bool
    update_id: int = 0
    manager_address: int = 0x0000

    @property
    def formed(self) -> bool:
        """What the host checks: a channel chosen, a PAN id, and a network key in place."""
        return self.channel != 0 and self.pan_id != 0xFFFE and self.key_loaded

    def encode(self) -> bytes:
        return _LAYOUT.pack(
            # sequence number, passive ack timeout, broadcast retries, max children, max depth,
            # max routers, neighbour table, broadcast delivery time, constant cost, route
            # discovery retries, routing table, secure all frames, security level 5, symmetric
            # link, capability flags (coordinator, mains, receiver on, security)
            0, 5, 2, 20, 15, 20, 0, 30, 0, 0, 0, 1, 5, 1, 0x8F,
            7,  # transaction persistence time
            2, 5, 60,  # Zigbee PRO protocol version 2; route discovery and expiry times
            self.short_address,
            self.channel,
            0x0000,  # coordinator address: ourselves
            bytes(8),
            self.pan_id,
            NWK_STATE_ROUTER,
            self.channel_mask,
            15, 15, 5, 0,
            0, 0,
            0,  # depth of the coordinator
            self.extended_pan_id.serialize(),
            int(self.key_loaded),
            bytes(17),
            bytes(17),
            0, 0, 15, 3, 0, 1, 120, 10, 1,
            self.manager_address,
            0,
            self.update_id,
        )  # fmt: skip

    @classmethod
    def decode(cls, data: bytes) -> NetworkInfoBase:
        if len(data) != SIZE:
            raise ValueError(f"a NIB is {SIZE} bytes, not {len(data)}")
        fields = _LAYOUT.unpack(data)
        return cls(
            short_address=fields[19],
            channel=fields[20],
            pan_id=fields[23],
            extended_pan_id=t.EUI64(fields[33]),
            channel_mask=fields[25],
            key_loaded=bool(fields[34]),
            update_id=fields[-1],
            manager_address=fields[-3],
        )
