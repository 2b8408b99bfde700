"""Messages longer than one MT frame through a TI Z-Stack stick (zigpy-znp).

A stick reassembles an APS-fragmented message – a supplier message of up to 254 characters is some
270 bytes of ZCL – before it tells its host. An MT frame carries at most 250 bytes, so Z-Stack
tells the host of any payload over 220 bytes with AF_INCOMING_MSG_EXT *without the data*: only its
length and the receipt time stamp that names it. It keeps the data until the host has fetched it
with AF_DATA_RETRIEVE (time stamp, index, length) and freed it with a retrieve of length 0, or for
about 15 seconds (TI SWRA198 "Z-Stack Monitor and Test API"; ``MT_AfIncomingMsg`` and
``MT_AfDataRetrieve`` in Z-Stack's ``mt_af.c``).

zigpy-znp listens only for AF_INCOMING_MSG, and cannot even parse the data-less form. This mixin
sees every frame before zigpy-znp does, fetches held messages and hands them to zigpy like any
received frame; an AF_INCOMING_MSG_EXT that carries its data (a 64-bit source) is handed on too.
Everything else goes to zigpy-znp untouched.
"""

from __future__ import annotations

import asyncio
import logging
import struct
from dataclasses import dataclass
from typing import Any

import zigpy.profiles.zha
import zigpy.types as t

LOGGER = logging.getLogger(__name__)

_HEAD = struct.Struct("<HHB8sBHBBBBIBH")
"""AF_INCOMING_MSG_EXT up to its data: group, cluster, source address mode and address (8 bytes),
source endpoint, source PAN, destination endpoint, broadcast, LQI, security, time stamp, TSN and
the data's length."""
_TAIL = struct.Struct("<HB")
"""After the data (or where it would be): MAC source address, radius."""
CHUNK_BYTES = 248
"""Bytes asked for per AF_DATA_RETRIEVE: the answer's status, length and data fill one MT frame
(250 bytes)."""
_ADDR_NWK, _ADDR_IEEE = 2, 3
_SUCCESS = 0


@dataclass(frozen=True)
class IncomingExt:
    """An AF_INCOMING_MSG_EXT as the stick sent it."""

    group_id: int
    cluster_id: int
    source: t.AddrModeAddress
    src_endpoint: int
    dst_endpoint: int
    was_broadcast: bool
    lqi: int
    security_use: bool
    time_stamp: int
    tsn: int
    length: int
    data: bytes | None
    """The payload, or None when the stick holds it for the host to fetch."""
    radius: int


def parse_incoming_ext(payload: bytes) -> IncomingExt | None:
    """The message an AF_INCOMING_MSG_EXT frame's data describes; None if it is not one."""
    if len(payload) < _HEAD.size + _TAIL.size:
        return None
    (
        group,
        cluster,
        mode,
        address,
        src_ep,
        _pan,
        dst_ep,
        broadcast,
        lqi,
        security,
        stamp,
        tsn,
        length,
    ) = _HEAD.unpack_from(payload)
    rest = payload[_HEAD.size :]
    if len(rest) == _TAIL.size:
        data = None
    elif len(rest) == length + _TAIL.size:
        data = rest[:length]
    else:
        return None
    if mode == _ADDR_NWK:
        source = t.AddrModeAddress(
            addr_mode=t.AddrMode.NWK, address=t.NWK(address[0] | address[1] << 8)
        )
    elif mode == _ADDR_IEEE:
        source = t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=t.EUI64(address))
    else:
        return None
    _mac, radius = _TAIL.unpack_from(rest, len(rest) - _TAIL.size)
    return IncomingExt(
        group_id=group,
        cluster_id=cluster,
        source=source,
        src_endpoint=src_ep,
        dst_endpoint=dst_ep,
        was_broadcast=bool(broadcast),
        lqi=lqi,
        security_use=bool(security),
        time_stamp=stamp,
        tsn=tsn,
        length=length,
        data=data,
        radius=radius,
    )


class ZnpLongMessages:
    """Mixin for zigpy-znp's ControllerApplication: receives the messages zigpy-znp leaves out."""

    _znp: Any
    _fetching: set[asyncio.Task[None]]

    async def connect(self) -> None:
        await super().connect()  # type: ignore[misc]
        from zigpy_znp import commands as c  # the radio library is optional: imported with it

        znp = self._znp
        library_frame_received = znp.frame_received
        header = c.AF.IncomingMsgExt.Callback.header
        fetching: set[asyncio.Task[None]] = set()
        self._fetching = fetching

        def frame_received(frame: Any) -> bool | None:
            message = parse_incoming_ext(bytes(frame.data)) if frame.header == header else None
            if message is None:
                handled: bool | None = library_frame_received(frame)
                return handled
            if message.data is not None:
                self._deliver(message, message.data)
                return True
            task = asyncio.get_running_loop().create_task(self._fetch(message))
            fetching.add(task)
            task.add_done_callback(fetching.discard)
            return True

        znp.frame_received = frame_received

    async def disconnect(self) -> None:
        for task in list(getattr(self, "_fetching", ())):
            task.cancel()
        await super().disconnect()  # type: ignore[misc]

    async def _fetch(self, message: IncomingExt) -> None:
        from zigpy_znp import commands as c

        data = b""
        try:
            while len(data) < message.length:
                response = await self._znp.request(
                    c.AF.DataRetrieve.Req(
                        TimeStamp=message.time_stamp,
                        Index=len(data),
                        Length=min(CHUNK_BYTES, message.length - len(data)),
                    )
                )
                if response.Status != _SUCCESS or not response.Data:
                    LOGGER.warning(
                        "the stick no longer holds the %d-byte message %d",
                        message.length,
                        message.time_stamp,
                    )
                    return
                data += bytes(response.Data)
            await self._znp.request(
                c.AF.DataRetrieve.Req(TimeStamp=message.time_stamp, Index=0, Length=0)
            )
        except (TimeoutError, RuntimeError, ValueError) as error:
            LOGGER.warning(
                "a %d-byte message could not be fetched from the stick: %s", message.length, error
            )
            return
        self._deliver(message, data[: message.length])

    def _deliver(self, message: IncomingExt, data: bytes) -> None:
        """As zigpy-znp hands on an AF_INCOMING_MSG."""
        endpoint = self._device.endpoints.get(message.dst_endpoint)  # type: ignore[attr-defined]
        profile = (
            endpoint.profile_id
            if message.dst_endpoint != 0 and endpoint is not None
            else zigpy.profiles.zha.PROFILE_ID
        )
        if message.was_broadcast:
            destination = t.AddrModeAddress(
                addr_mode=t.AddrMode.Broadcast,
                address=t.BroadcastAddress.ALL_ROUTERS_AND_COORDINATOR,
            )
        elif message.group_id:
            destination = t.AddrModeAddress(
                addr_mode=t.AddrMode.Group, address=t.Group(message.group_id)
            )
        else:
            destination = t.AddrModeAddress(
                addr_mode=t.AddrMode.NWK,
                address=self.state.node_info.nwk,  # type: ignore[attr-defined]
            )
        self.packet_received(  # type: ignore[attr-defined]
            t.ZigbeePacket(
                src=message.source,
                src_ep=t.uint8_t(message.src_endpoint),
                dst=destination,
                dst_ep=t.uint8_t(message.dst_endpoint),
                tsn=t.uint8_t(message.tsn),
                profile_id=t.uint16_t(profile),
                cluster_id=t.uint16_t(message.cluster_id),
                data=t.SerializableBytes(data),
                tx_options=(
                    t.TransmitOptions.APS_Encryption
                    if message.security_use
                    else t.TransmitOptions.NONE
                ),
                radius=t.uint8_t(message.radius),
                lqi=t.uint8_t(message.lqi),
            )
        )
