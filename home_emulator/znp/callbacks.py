"""The asynchronous messages a Z-Stack coordinator sends its host about the air.

- a frame for one of the host's endpoints → AF incoming message (APS payload, source, endpoints,
  link quality, the ZCL transaction number); one too long for that frame → AF incoming message ext
  without its data, which the stick holds for the host to fetch (``held_messages.py``);
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
_ADDR_NWK = 2
MAX_INCOMING = 220
"""Largest APS payload Z-Stack puts in an AF incoming message: its 20 other bytes and the payload
must leave room for the 10 more of the ext form within an MT frame's 250 (``MT_AfIncomingMsg``:
``MT_AF_INC_MSG_LEN`` 20 + length > ``MT_RPC_DATA_MAX`` 250 − ``MT_AF_INC_MSG_EXT`` 10 chooses the ext
form). From a 16-bit source a longer payload never fits the ext form either (30 + length > 250),
so Z-Stack sends that one without its data."""
_LENGTH_AND_TAIL = 5
"""The ext form's last bytes: data length (2), MAC source (2), radius (1)."""


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


def held_message(packet: t.ZigbeePacket, source: int, length: int, time_stamp: int) -> Frame:
    """AF incoming message ext for a message the stick holds: its length, none of its data."""
    empty = mt.AF_INCOMING_MSG_EXT.frame(
        GroupId=0,
        ClusterId=int(packet.cluster_id),
        SrcAddr=(_ADDR_NWK, source),
        SrcEndpoint=int(packet.src_ep or 0),
        SrcPanId=0,  # Z-Stack writes a PAN only for inter-PAN frames
        DstEndpoint=int(packet.dst_ep or 0),
        WasBroadcast=0,
        LQI=int(packet.lqi or 0),
        SecurityUse=0,
        TimeStamp=time_stamp,
        TSN=int(packet.tsn or 0),
        Data=b"",
        MacSrcAddr=source,
        MsgResultRadius=0,
    )
    head, tail = empty.data[:-_LENGTH_AND_TAIL], empty.data[-_LENGTH_AND_TAIL + 2 :]
    return Frame(
        empty.type, empty.subsystem, empty.command, head + struct.pack("<H", length) + tail
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
