"""The asynchronous messages a Z-Stack coordinator sends its host about the air.

- a frame for one of the host's endpoints → AF incoming message (APS payload, source, endpoints,
  link quality, the ZCL transaction number);
- a ZDO frame (endpoint 0) → ZDO message callback: the ZDO transaction number split from its body;
- a device joining → trust-centre device indication, then the device's announcement;
- a device leaving → leave indication.
"""

from __future__ import annotations

import struct
import time

import zigpy.types as t
import zigpy.zdo.types as zdo_t

from home_emulator.air import spectrum
from home_emulator.znp import commands as mt
from home_emulator.znp.frames import Frame

DEVICE_ANNOUNCE = int(zdo_t.ZDOCmd.Device_annce)
BROADCAST_TO_ALL = 0xFFFF
MAX_INCOMING = 200
"""Largest APS payload an AF incoming message carries in one MT frame (250 bytes less the rest)."""


def zdo_message(source: int, cluster_id: int, frame: bytes, *, broadcast: bool = False) -> Frame:
    """``frame`` is the ZDO frame as on air: transaction number, then the body."""
    return mt.MSG_CB_INCOMING.frame(
        Src=source,
        IsBroadcast=int(broadcast),
        ClusterId=cluster_id,
        SecurityUse=0,
        TSN=frame[0] if frame else 0,
        MacDst=BROADCAST_TO_ALL if broadcast else 0x0000,
        Data=frame[1:],
    )


def incoming_message(packet: t.ZigbeePacket, source: int, data: bytes) -> Frame:
    return mt.AF_INCOMING_MSG.frame(
        GroupId=0,
        ClusterId=int(packet.cluster_id),
        SrcAddr=source,
        SrcEndpoint=int(packet.src_ep or 0),
        DstEndpoint=int(packet.dst_ep or 0),
        WasBroadcast=0,
        LQI=int(packet.lqi or 0),
        SecurityUse=0,
        TimeStamp=int(time.monotonic() * 1000) & 0xFFFFFFFF,
        TSN=int(packet.tsn or 0),
        Data=data,
        MacSrcAddr=source,  # every emulated node is one hop from the coordinator
        MsgResultRadius=0,
    )


def joined(nwk: int, ieee: t.EUI64, capability: int, tsn: int) -> list[Frame]:
    announcement = struct.pack("<H", nwk) + t.EUI64(ieee).serialize() + bytes((capability,))
    return [
        mt.TC_DEV_IND.frame(SrcNwk=nwk, SrcIEEE=ieee, ParentNwk=0x0000),
        zdo_message(nwk, DEVICE_ANNOUNCE, bytes((tsn,)) + announcement, broadcast=True),
    ]


def left(nwk: int, ieee: t.EUI64) -> Frame:
    return mt.LEAVE_IND.frame(NWK=nwk, IEEE=ieee, Request=0, Remove=0, Rejoin=0)


BEACON = struct.Struct("<HHBBBBBBBBB8s")
"""One beacon in a beacon notification, as Z-Stack lays it out (21 bytes)."""
ZIGBEE_PRO = 2
"""Protocol version and stack profile of every SMETS2 HAN device (ZigBee PRO)."""


def beacons(heard: list[spectrum.Beacon]) -> Frame:
    """The beacons a network scan heard, in one notification."""
    body = bytes((len(heard),)) + b"".join(
        BEACON.pack(
            beacon.source,
            beacon.pan_id,
            beacon.channel,
            int(beacon.permit_joining),
            1,  # room for routers
            1,  # room for end devices
            ZIGBEE_PRO,
            ZIGBEE_PRO,
            beacon.lqi,
            beacon.depth,
            beacon.update_id,
            t.EUI64(beacon.extended_pan_id).serialize(),
        )
        for beacon in heard
    )
    return mt.BEACON_NOTIFY_IND.frame(Beacons=body)
