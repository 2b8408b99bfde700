"""Record the emulated HAN's air as a packet capture that Wireshark dissects down to ZCL attributes.

A ``PcapWriter`` is an air tap (``air.taps.append(writer)``, or ``with record(air, path): …``). For
every frame it writes one libpcap record holding what a sniffer on channel 15 would have seen:

    IEEE 802.15.4 MAC   data frame, 2003 format, PAN ID compression, short addresses, the air's PAN
                        (0x1A62 unless the network's coordinator formed another),
                        ack request on unicasts, the sender's MAC sequence number
    ZigBee NWK          data frame, protocol version 2, *no security*, dst/src short address,
                        radius 30, the sender's NWK sequence number
    ZigBee APS          data frame, unicast / broadcast / group delivery, no security, dst endpoint
                        (or group), cluster, profile, src endpoint, APS counter
    payload             the ZCL frame (profile 0x0109 Smart Energy) or ZDO frame (profile 0x0000)
                        exactly as zigpy and the emulated nodes exchanged it

A unicast payload longer than one frame (``fragments.py``) is written as a real HAN carries it: APS
fragments with the extended header (fragmentation field, block number), ack requested, all under
one APS counter, and after each window the receiver's APS ack with its block bitfield. Wireshark
reassembles the blocks into the whole ZCL frame.

Why it is written this way:

* No NWK security. A real HAN encrypts every NWK frame with the network key (virtual_radio.py even
  defines one), but the emulated HAN never encrypts anything: frames travel as zigpy packets. So the
  capture is written in the clear and Wireshark needs no key – there is nothing to configure.
* Link type 230 (LINKTYPE_IEEE802_15_4_NOFCS): the frames are synthesised, not received, so there is
  no frame check sequence to record. With link type 195 Wireshark would expect one and flag every
  frame whose FCS we had to invent. (Link type 283, the TAP header, could carry channel, LQI and RSSI;
  plain 230 is what every ZigBee tool reads, so LQI/RSSI are not recorded.)
* The MAC, NWK and APS counters are not in zigpy packets – a radio's firmware owns them – so the
  writer keeps one set per sending node, as each real radio would, wrapping at 256.
* The APS profile is the one zigpy used: with 0x0109 Wireshark picks its Smart Energy cluster
  dissectors (Simple Metering 0x0702, Price 0x0700 …) and names the attributes.
* Fragments are sized for a secured HAN (82 bytes of APS payload a frame): written in the clear,
  each frame is shorter than it would be on air, but the blocks are the ones a real HAN sends.

Live viewing: give the writer a pipe (``wireshark -k -i -`` reading the emulator's stdout); every
record is flushed as it is written.
"""

from __future__ import annotations

import contextlib
import enum
import math
import struct
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import zigpy.types as t

from home_emulator.air import fragments
from home_emulator.air.medium import DEFAULT_PAN_ID, Air

LINKTYPE_IEEE802_15_4_NOFCS = 230
PCAP_MAGIC = 0xA1B2C3D4
"""Classic libpcap, microsecond timestamps."""
PCAP_VERSION = (2, 4)
SNAPLEN = 65535

HAN_PAN_ID = DEFAULT_PAN_ID
"""The virtual radio's PAN (virtual_radio.py ``_default_network``)."""
COORDINATOR_NWK = 0x0000
NWK_RADIUS = 30
NO_SHORT_ADDRESS = 0xFFFE
"""802.15.4's "has no short address": what an IEEE-addressed frame to an unknown node carries."""
MAC_BROADCAST = 0xFFFF
NWK_GROUP_BROADCAST = 0xFFFD
"""Group frames go to every rx-on-when-idle device; members pick them up by APS group address."""


class ApsDelivery(enum.IntEnum):
    """APS frame control bits 2–3."""

    UNICAST = 0b00
    BROADCAST = 0b10
    GROUP = 0b11


# Header builders, field by field from IEEE 802.15.4-2003 §7.2.1 and ZigBee 05-3474 §2.2.5 / §3.3.1.


def mac_header(seq: int, *, pan_id: int, dst: int, src: int, ack_request: bool) -> bytes:
    """802.15.4 MAC header of a data frame with short addresses and PAN ID compression."""
    frame_control = (
        0b001  # frame type: data
        | (ack_request << 5)
        | (1 << 6)  # PAN ID compression: the source PAN is the destination's
        | (0b10 << 10)  # destination addressing: short
        | (0b00 << 12)  # frame version: 2003
        | (0b10 << 14)  # source addressing: short
    )
    return struct.pack("<HBHHH", frame_control, seq & 0xFF, pan_id, dst, src)


def nwk_header(
    seq: int,
    *,
    dst: int,
    src: int,
    radius: int = NWK_RADIUS,
    discover_route: bool = True,
    dst_ieee: t.EUI64 | None = None,
) -> bytes:
    """ZigBee NWK header of an unsecured data frame (protocol version 2, ZigBee 2007/PRO)."""
    frame_control = (
        0b00  # frame type: data
        | (2 << 2)  # protocol version
        | (discover_route << 6)  # broadcasts never discover routes
        | ((dst_ieee is not None) << 11)  # destination IEEE address present
    )  # security (bit 9), multicast, source route and source IEEE all clear
    header = struct.pack("<HHHBB", frame_control, dst, src, radius, seq & 0xFF)
    return header + (dst_ieee.serialize() if dst_ieee is not None else b"")


def aps_header(
    counter: int,
    *,
    delivery: ApsDelivery,
    cluster_id: int,
    profile_id: int,
    src_endpoint: int,
    dst_endpoint: int = 0,
    group: int = 0,
) -> bytes:
    """ZigBee APS header of an unsecured data frame without extended header or APS ack request."""
    frame_control = 0b00 | (delivery << 2)  # frame type: data; ack format, security, ack, ext: 0
    # Group delivery names the group instead of a destination endpoint.
    if delivery is ApsDelivery.GROUP:
        destination = struct.pack("<H", group)
    else:
        destination = struct.pack("<B", dst_endpoint)
    rest = struct.pack("<HHBB", cluster_id, profile_id, src_endpoint, counter & 0xFF)
    return struct.pack("<B", frame_control) + destination + rest


APS_FRAME_ACK = 0b10
APS_ACK_REQUEST = 1 << 6
APS_EXTENDED_HEADER = 1 << 7


def aps_fragment_header(
    counter: int,
    block: fragments.Block,
    *,
    cluster_id: int,
    profile_id: int,
    src_endpoint: int,
    dst_endpoint: int,
) -> bytes:
    """APS header of one block of a fragmented unicast: ack requested, extended header present."""
    frame_control = 0b00 | APS_ACK_REQUEST | APS_EXTENDED_HEADER  # data, unicast
    rest = struct.pack("<BHHBB", dst_endpoint, cluster_id, profile_id, src_endpoint, counter & 0xFF)
    extended = struct.pack("<BB", block.fragmentation, block.block_field)
    return struct.pack("<B", frame_control) + rest + extended


def aps_fragment_ack(
    counter: int,
    window: list[fragments.Block],
    *,
    cluster_id: int,
    profile_id: int,
    acked_src_endpoint: int,
    acked_dst_endpoint: int,
) -> bytes:
    """The receiver's APS ack of one window: endpoints swapped, the data frames' counter, the
    first block of the window and which of its blocks arrived."""
    frame_control = APS_FRAME_ACK | APS_EXTENDED_HEADER  # unicast, data-frame ack format
    first = window[0]
    return struct.pack(
        "<BBHHBBBBB",
        frame_control,
        acked_src_endpoint,
        cluster_id,
        profile_id,
        acked_dst_endpoint,
        counter & 0xFF,
        first.fragmentation,
        first.number,
        fragments.ack_bitfield(window),
    )


def pcap_global_header(linktype: int = LINKTYPE_IEEE802_15_4_NOFCS) -> bytes:
    major, minor = PCAP_VERSION
    return struct.pack("<IHHiIII", PCAP_MAGIC, major, minor, 0, 0, SNAPLEN, linktype)


def pcap_record(timestamp_s: float, frame: bytes) -> bytes:
    """One record: seconds and microseconds since the epoch, captured and original length."""
    seconds, micros = _split_timestamp(timestamp_s)
    captured = frame[:SNAPLEN]
    return struct.pack("<IIII", seconds, micros, len(captured), len(frame)) + captured


def _split_timestamp(timestamp_s: float) -> tuple[int, int]:
    timestamp_s = max(timestamp_s, 0.0)  # pcap has no time before 1970
    seconds = math.floor(timestamp_s)
    micros = round((timestamp_s - seconds) * 1_000_000)
    if micros == 1_000_000:  # rounding carried into the next second
        seconds, micros = seconds + 1, 0
    return seconds & 0xFFFFFFFF, micros


# From a zigpy packet to the bytes on the air ---------------------------------------------------


class _Counter:
    """An 8-bit sequence number as a radio keeps it: starts at 0, wraps at 256."""

    def __init__(self) -> None:
        self._next = 0

    def take(self) -> int:
        value = self._next
        self._next = (value + 1) & 0xFF
        return value


@dataclass
class SenderCounters:
    mac: _Counter = field(default_factory=_Counter)
    nwk: _Counter = field(default_factory=_Counter)
    aps: _Counter = field(default_factory=_Counter)


@dataclass(frozen=True)
class Addressing:
    """Where a frame goes, resolved to the three layers' address fields."""

    mac_dst: int
    nwk_dst: int
    delivery: ApsDelivery
    group: int = 0
    dst_ieee: t.EUI64 | None = None


IeeeResolver = Callable[[t.EUI64], int | None]


def addressing(
    dst: t.AddrModeAddress | None, direction: str, resolve_ieee: IeeeResolver
) -> Addressing:
    """Map zigpy's destination onto MAC/NWK/APS addressing.

    zigpy leaves ``dst`` empty on frames it received: those went up, to the coordinator.
    """
    if dst is None or dst.address is None:
        if direction != "up":
            raise ValueError("a frame going down needs a destination")
        return Addressing(COORDINATOR_NWK, COORDINATOR_NWK, ApsDelivery.UNICAST)
    mode, address = dst.addr_mode, dst.address
    if mode == t.AddrMode.Broadcast:
        return Addressing(MAC_BROADCAST, int(address), ApsDelivery.BROADCAST)  # type: ignore[arg-type]
    if mode == t.AddrMode.Group:
        return Addressing(
            MAC_BROADCAST,
            NWK_GROUP_BROADCAST,
            ApsDelivery.GROUP,
            group=int(address),  # type: ignore[arg-type]
        )
    if mode == t.AddrMode.IEEE:
        ieee = t.EUI64(address)  # type: ignore[arg-type]
        short = resolve_ieee(ieee)
        if short is None:  # the NWK header then carries the IEEE address for the reader
            return Addressing(
                NO_SHORT_ADDRESS, NO_SHORT_ADDRESS, ApsDelivery.UNICAST, dst_ieee=ieee
            )
        return Addressing(short, short, ApsDelivery.UNICAST)
    short = int(address)  # type: ignore[arg-type]
    return Addressing(short, short, ApsDelivery.UNICAST)


def source_short(src: t.AddrModeAddress | None, direction: str, resolve_ieee: IeeeResolver) -> int:
    """The sender's short address; zigpy leaves ``src`` empty on what the coordinator sends."""
    if src is None or src.address is None:
        if direction != "down":
            raise ValueError("a frame going up needs a source")
        return COORDINATOR_NWK
    if src.addr_mode == t.AddrMode.IEEE:
        found = resolve_ieee(t.EUI64(src.address))  # type: ignore[arg-type]
        return NO_SHORT_ADDRESS if found is None else found
    return int(src.address)  # type: ignore[arg-type]


def zigbee_frame(
    packet: t.ZigbeePacket,
    direction: str,
    counters: Callable[[int], SenderCounters],
    *,
    pan_id: int = HAN_PAN_ID,
    resolve_ieee: IeeeResolver = lambda _ieee: None,
) -> bytes:
    """The whole 802.15.4 frame (without FCS) carrying ``packet``."""
    to = addressing(packet.dst, direction, resolve_ieee)
    src = source_short(packet.src, direction, resolve_ieee)
    sender = counters(src)
    unicast = to.delivery is ApsDelivery.UNICAST
    mac = mac_header(sender.mac.take(), pan_id=pan_id, dst=to.mac_dst, src=src, ack_request=unicast)
    nwk = nwk_header(
        sender.nwk.take(),
        dst=to.nwk_dst,
        src=src,
        radius=int(packet.radius) or NWK_RADIUS,  # zigpy's 0 means "the stack's default"
        discover_route=unicast,
        dst_ieee=to.dst_ieee,
    )
    aps = aps_header(
        sender.aps.take(),
        delivery=to.delivery,
        cluster_id=int(packet.cluster_id),
        profile_id=int(packet.profile_id),
        src_endpoint=int(packet.src_ep or 0),
        dst_endpoint=int(packet.dst_ep or 0),
        group=to.group,
    )
    return mac + nwk + aps + packet.data.serialize()


def zigbee_frames(
    packet: t.ZigbeePacket,
    direction: str,
    counters: Callable[[int], SenderCounters],
    *,
    pan_id: int = HAN_PAN_ID,
    resolve_ieee: IeeeResolver = lambda _ieee: None,
) -> list[bytes]:
    """Every 802.15.4 frame that carries ``packet``: one, or its fragments and their acks."""
    payload = packet.data.serialize()
    to = addressing(packet.dst, direction, resolve_ieee)
    if to.delivery is not ApsDelivery.UNICAST or not fragments.needs_fragments(payload):
        return [zigbee_frame(packet, direction, counters, pan_id=pan_id, resolve_ieee=resolve_ieee)]
    src = source_short(packet.src, direction, resolve_ieee)
    sender, receiver = counters(src), counters(to.nwk_dst)
    counter = sender.aps.take()  # one APS counter names every block of the message
    cluster, profile = int(packet.cluster_id), int(packet.profile_id)
    src_ep, dst_ep = int(packet.src_ep or 0), int(packet.dst_ep or 0)
    radius = int(packet.radius) or NWK_RADIUS
    written = []
    for window in fragments.windows(fragments.split(payload)):
        for block in window:
            written.append(
                mac_header(
                    sender.mac.take(), pan_id=pan_id, dst=to.mac_dst, src=src, ack_request=True
                )
                + nwk_header(
                    sender.nwk.take(), dst=to.nwk_dst, src=src, radius=radius, dst_ieee=to.dst_ieee
                )
                + aps_fragment_header(
                    counter,
                    block,
                    cluster_id=cluster,
                    profile_id=profile,
                    src_endpoint=src_ep,
                    dst_endpoint=dst_ep,
                )
                + block.data
            )
        written.append(
            mac_header(
                receiver.mac.take(), pan_id=pan_id, dst=src, src=to.nwk_dst, ack_request=True
            )
            + nwk_header(receiver.nwk.take(), dst=src, src=to.nwk_dst)
            + aps_fragment_ack(
                counter,
                window,
                cluster_id=cluster,
                profile_id=profile,
                acked_src_endpoint=src_ep,
                acked_dst_endpoint=dst_ep,
            )
        )
    return written


# The tap ---------------------------------------------------------------------------------------


class PcapWriter:
    """An air tap writing every frame to a libpcap file (link type 230) or an open binary stream.

    ``clock`` gives each record's timestamp in seconds since the epoch: pass the emulated home's
    ``clock.now`` so the capture shows emulated time. Frames arriving after ``close`` are dropped
    rather than raising inside the air, which must keep working whoever listens.
    """

    def __init__(
        self,
        target: str | Path | BinaryIO,
        *,
        clock: Callable[[], float] = time.time,
        pan_id: int | Callable[[], int] = HAN_PAN_ID,
        resolve_ieee: IeeeResolver | None = None,
    ) -> None:
        """``pan_id``: the PAN to stamp, or where to read it frame by frame (``lambda: air.pan_id``:
        a coordinator may form its network while the capture runs)."""
        self._owns_stream = isinstance(target, str | Path)
        self._stream: BinaryIO | None = (
            open(target, "wb")  # noqa: SIM115 - closed by close(), the writer outlives a block
            if isinstance(target, str | Path)
            else target
        )
        self._clock = clock
        self._pan_id = pan_id if callable(pan_id) else (lambda: pan_id)
        self._resolve_ieee = resolve_ieee or (lambda _ieee: None)
        self._senders: dict[int, SenderCounters] = {}
        self.frames_written = 0
        self._write(pcap_global_header())

    def __call__(self, packet: t.ZigbeePacket, direction: str) -> None:
        if self._stream is None:
            return
        frames = zigbee_frames(
            packet,
            direction,
            self._counters_of,
            pan_id=self._pan_id(),
            resolve_ieee=self._resolve_ieee,
        )
        at = self._clock()
        for frame in frames:
            self._write(pcap_record(at, frame))
        self.frames_written += len(frames)

    def _counters_of(self, src: int) -> SenderCounters:
        return self._senders.setdefault(src, SenderCounters())

    def _write(self, data: bytes) -> None:
        assert self._stream is not None
        self._stream.write(data)
        self._stream.flush()  # a live reader (tail, a Wireshark pipe) sees each frame at once

    def close(self) -> None:
        if self._stream is None:
            return
        if self._owns_stream:
            self._stream.close()
        self._stream = None

    def __enter__(self) -> PcapWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def air_resolver(air: Air, coordinator_ieee: t.EUI64 | None = None) -> IeeeResolver:
    """Short addresses of the air's nodes (and the coordinator's, 0x0000) by IEEE address."""

    def resolve(ieee: t.EUI64) -> int | None:
        if coordinator_ieee is not None and ieee == coordinator_ieee:
            return COORDINATOR_NWK
        return next((nwk for nwk, node in air.nodes.items() if node.ieee == ieee), None)

    return resolve


@contextlib.contextmanager
def record(
    air: Air,
    target: str | Path | BinaryIO,
    *,
    clock: Callable[[], float] = time.time,
    coordinator_ieee: t.EUI64 | None = None,
) -> Iterator[PcapWriter]:
    """Capture ``air`` while the block runs: the tap is added, then removed and the file closed."""
    writer = PcapWriter(
        target,
        clock=clock,
        pan_id=lambda: air.pan_id,
        resolve_ieee=air_resolver(air, coordinator_ieee),
    )
    air.taps.append(writer)
    try:
        yield writer
    finally:
        air.taps.remove(writer)
        writer.close()
