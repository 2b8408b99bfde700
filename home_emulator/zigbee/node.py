"""An emulated ZigBee node: its ZDO (descriptors, binding) and its ZCL endpoints.

A node only ever sees frames: ``receive`` takes a packet addressed to it and returns the packets it
answers with; ``report`` builds the unsolicited attribute reports its bindings ask for. Where frames
go is the air's business, not the node's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import zigpy.types as t
from zigpy.zcl import foundation as f
from zigpy.zdo import types as zdo_t

from han.clusters import SE_PROFILE_ID
from han.quiet_log import QuietLog
from home_emulator.zigbee.access import CAD, cad_may_read, cad_may_run
from home_emulator.zigbee.zcl_server import (
    Display,
    MalformedFrame,
    ServerCluster,
    encode_cluster_command,
    encode_general,
    encode_report,
    failure_response,
    handle_frame,
    parse_header,
)

LOGGER = logging.getLogger(__name__)
_BAD_INPUT = QuietLog(LOGGER)
"""Frames from the air that could not be answered normally: a flood of them costs kilobytes."""

COORDINATOR_NWK = 0x0000
SE_METER_DEVICE_ID = 0x0501
"""Smart Energy "Metering Device"."""


@dataclass
class EmulatedEndpoint:
    endpoint_id: int
    device_type: int
    servers: dict[int, ServerCluster]
    profile_id: int = SE_PROFILE_ID
    clients: tuple[int, ...] = ()

    def simple_descriptor(self) -> zdo_t.SizePrefixedSimpleDescriptor:
        return zdo_t.SizePrefixedSimpleDescriptor(
            endpoint=self.endpoint_id,
            profile=self.profile_id,
            device_type=self.device_type,
            device_version=1,
            input_clusters=list(self.servers),
            output_clusters=list(self.clients),
        )


@dataclass(frozen=True)
class Binding:
    """One entry of the node's binding table, as a ZDO Bind_req (address mode 3) set it."""

    src_endpoint: int
    cluster_id: int
    dst_ieee: t.EUI64
    """The bound display. Every display is NWK 0x0000 in its own view of the HAN (each runs its
    own zigpy as coordinator), so the EUI-64 is what the air routes by."""
    dst_endpoint: int

    @cached_property
    def destination(self) -> t.AddrModeAddress:
        """The frame destination for this binding, built once: reports go out every step."""
        return t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=self.dst_ieee)

    @cached_property
    def display(self) -> Display:
        """The bound display as its reporting rules are kept."""
        return str(self.dst_ieee)


@dataclass
class EmulatedNode:
    ieee: t.EUI64
    nwk: int
    manufacturer_code: int
    endpoints: dict[int, EmulatedEndpoint]
    logical_type: zdo_t.LogicalType = zdo_t.LogicalType.Router
    lqi: int = 220
    rssi: int = -52
    bindings: set[Binding] = field(default_factory=set)
    outbox: list[t.ZigbeePacket] = field(default_factory=list)
    """Unsolicited commands waiting for the next transmission (e.g. a new price)."""
    powered: bool = True
    requester: t.EUI64 | None = None
    """The display whose frame is being answered (for services that need to know who asks)."""
    on_refused: Callable[[str], None] = field(default=lambda _detail: None)
    """Told of every frame refused for the sender's role (the hub logs them)."""
    """Off during a power cut: a mains-powered node neither hears nor sends."""
    _tsn: int = 0

    def next_tsn(self) -> int:
        self._tsn = (self._tsn + 1) & 0xFF
        return self._tsn

    # Frames in ---------------------------------------------------------------------------

    def receive(
        self, packet: t.ZigbeePacket, *, role: str | None = None, requester: t.EUI64 | None = None
    ) -> list[t.ZigbeePacket]:
        """Answer one frame addressed to this node; ``role`` is the sender's kind from the hub's
        device log (a CAD may only read).

        Whatever the frame's bytes, the answer is a ZCL or ZDO status, never an exception: a peer
        must not be able to stop the home."""
        self.requester = requester
        try:
            return self._receive(packet, role, requester)
        except Exception as error:
            _BAD_INPUT.warning(
                "%s: frame on cluster 0x%04X failed (%s: %s): %s",
                self.ieee,
                int(packet.cluster_id),
                type(error).__name__,
                error,
                bytes(packet.data.serialize())[:64].hex(" "),
            )
            if int(packet.dst_ep or 0) == 0:
                return []
            failure = failure_response(packet.data.serialize(), f.Status.FAILURE)
            return [] if failure is None else [self._answer(packet, failure)]

    def _receive(
        self, packet: t.ZigbeePacket, role: str | None, requester: t.EUI64 | None
    ) -> list[t.ZigbeePacket]:
        data = packet.data.serialize()
        dst_ep = int(packet.dst_ep or 0)
        if dst_ep == 0:
            return self._zdo(packet, data, _nwk_of(packet.src))
        endpoint = self.endpoints.get(dst_ep)
        cluster = endpoint.servers.get(packet.cluster_id) if endpoint else None
        if endpoint is None or cluster is None:
            return []
        may_read = None
        if role == CAD:
            refusal = self._refuse_cad(packet.cluster_id, data)
            if refusal is not None:
                return [self._answer(packet, refusal)]
            cluster_id = packet.cluster_id
            may_read = lambda name: cad_may_read(cluster_id, name)  # noqa: E731 - a one-line rule
        display = str(requester) if requester is not None else None
        try:
            responses = handle_frame(cluster, data, may_read=may_read, display=display)
        except MalformedFrame as error:
            _BAD_INPUT.warning("%s: malformed frame %s (%s)", self.ieee, data[:64].hex(" "), error)
            return []  # no header: no transaction to answer
        return [self._answer(packet, response) for response in responses]

    def _answer(self, packet: t.ZigbeePacket, data: bytes) -> t.ZigbeePacket:
        """A frame back to the sender of ``packet``."""
        return self.packet(
            int(packet.dst_ep or 0),
            int(packet.src_ep or 0),
            packet.cluster_id,
            data,
            _nwk_of(packet.src),
            profile=packet.profile_id,
        )

    def _refuse_cad(self, cluster_id: int, data: bytes) -> bytes | None:
        """NOT_AUTHORIZED for anything a read-only device may not send; None if it may."""
        try:
            header, _ = parse_header(data)
        except MalformedFrame:
            return None  # malformed: the normal path answers that
        if cad_may_run(cluster_id, header):
            return None
        self.on_refused(
            f"CAD command 0x{int(header.command_id):02X} on cluster 0x{cluster_id:04X} refused"
        )
        return encode_general(
            header.tsn,
            f.GeneralCommand.Default_Response,
            f.Direction.Server_to_Client,
            command_id=header.command_id,
            status=f.Status.NOT_AUTHORIZED,
        )

    def _zdo(self, packet: t.ZigbeePacket, data: bytes, sender: int) -> list[t.ZigbeePacket]:
        try:
            command = zdo_t.ZDOCmd(packet.cluster_id)
        except ValueError:
            return []
        if command not in zdo_t.CLUSTERS or not data:
            return []  # not a ZDO request, or no transaction number to answer
        header = zdo_t.ZDOHeader(command, t.uint8_t(data[0]))
        _, schema = zdo_t.CLUSTERS[command]
        try:
            args, _ = t.deserialize(data[1:], schema)
            reply = self._zdo_reply(command, args)
        except (ValueError, KeyError, IndexError, TypeError) as error:
            _BAD_INPUT.warning("%s: malformed %s (%s)", self.ieee, command.name, error)
            reply = _zdo_status_only(command, zdo_t.Status.INV_REQUESTTYPE)
        if reply is None:
            return []
        reply_command, reply_args = reply
        _, reply_schema = zdo_t.CLUSTERS[reply_command]
        payload = header.serialize() + t.serialize(reply_args, reply_schema)
        return [self.packet(0, 0, reply_command, payload, sender, profile=0x0000)]

    def _zdo_reply(
        self, command: zdo_t.ZDOCmd, args: list[Any]
    ) -> tuple[zdo_t.ZDOCmd, list[Any]] | None:
        status = zdo_t.Status.SUCCESS
        if command == zdo_t.ZDOCmd.Node_Desc_req:
            return zdo_t.ZDOCmd.Node_Desc_rsp, [status, self.nwk, self.node_descriptor()]
        if command == zdo_t.ZDOCmd.Active_EP_req:
            return zdo_t.ZDOCmd.Active_EP_rsp, [status, self.nwk, list(self.endpoints)]
        if command == zdo_t.ZDOCmd.Simple_Desc_req:
            endpoint = self.endpoints.get(int(args[1]))
            if endpoint is None:
                return zdo_t.ZDOCmd.Simple_Desc_rsp, [zdo_t.Status.NOT_ACTIVE, self.nwk, None]
            return zdo_t.ZDOCmd.Simple_Desc_rsp, [status, self.nwk, endpoint.simple_descriptor()]
        if command in (zdo_t.ZDOCmd.Bind_req, zdo_t.ZDOCmd.Unbind_req):
            return self._bind(command, args)
        if command == zdo_t.ZDOCmd.Mgmt_Permit_Joining_req:
            return None
        return _zdo_status_only(command, zdo_t.Status.NOT_SUPPORTED)

    def _bind(self, command: zdo_t.ZDOCmd, args: list[Any]) -> tuple[zdo_t.ZDOCmd, list[Any]]:
        src_ieee, src_endpoint, cluster_id, destination = args
        reply = (
            zdo_t.ZDOCmd.Bind_rsp if command == zdo_t.ZDOCmd.Bind_req else zdo_t.ZDOCmd.Unbind_rsp
        )
        if src_ieee != self.ieee or int(src_endpoint) not in self.endpoints:
            return reply, [zdo_t.Status.INVALID_EP]
        if destination.addrmode != 0x03:
            return reply, [zdo_t.Status.NOT_SUPPORTED]
        binding = Binding(
            int(src_endpoint), int(cluster_id), t.EUI64(destination.ieee), int(destination.endpoint)
        )
        if command == zdo_t.ZDOCmd.Bind_req:
            self.bindings.add(binding)
        else:
            self.bindings.discard(binding)
        return reply, [zdo_t.Status.SUCCESS]

    def node_descriptor(self) -> zdo_t.NodeDescriptor:
        return zdo_t.NodeDescriptor(
            logical_type=self.logical_type,
            complex_descriptor_available=0,
            user_descriptor_available=0,
            reserved=0,
            aps_flags=0,
            frequency_band=zdo_t.NodeDescriptor.FrequencyBand.Freq2400MHz,
            mac_capability_flags=(
                zdo_t.NodeDescriptor.MACCapabilityFlags.FullFunctionDevice
                | zdo_t.NodeDescriptor.MACCapabilityFlags.MainsPowered
                | zdo_t.NodeDescriptor.MACCapabilityFlags.RxOnWhenIdle
                | zdo_t.NodeDescriptor.MACCapabilityFlags.AllocateAddress
            ),
            manufacturer_code=self.manufacturer_code,
            maximum_buffer_size=82,
            maximum_incoming_transfer_size=82,
            server_mask=0x2C00,
            maximum_outgoing_transfer_size=82,
            descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability.NONE,
        )

    # Frames out -------------------------------------------------------------------------

    def to_bound(
        self, endpoint_id: int, cluster_id: int, command: str, fields: dict[str, Any]
    ) -> None:
        """Queue a server→client cluster command for every display bound to this cluster."""
        cluster = self.endpoints[endpoint_id].servers[cluster_id]
        for binding in self.bindings:
            if binding.cluster_id != cluster_id or binding.src_endpoint != endpoint_id:
                continue
            data = encode_cluster_command(
                cluster.definition, self.next_tsn(), command, f.Direction.Server_to_Client, **fields
            )
            self.outbox.append(
                self.packet(
                    endpoint_id, binding.dst_endpoint, cluster_id, data, binding.destination
                )
            )

    def take_outbox(self) -> list[t.ZigbeePacket]:
        outbox, self.outbox = self.outbox, []
        return outbox

    def reports(self, now: float, min_interval_floor_s: float = 0.0) -> list[t.ZigbeePacket]:
        """Report Attributes frames due now, per bound display: a display that configured its own
        reporting gets its own frame; those that did not share one frame per cluster.
        ``min_interval_floor_s``: see ``ServerCluster.due_reports``."""
        packets = []
        frames: dict[tuple[int, int, Display | None], bytes] = {}
        for binding in self.bindings:
            cluster = self._server(binding.src_endpoint, binding.cluster_id)
            if cluster is None:
                continue
            display: Display | None = binding.display
            if display not in cluster.reporting_by_display:
                display = None  # the shared rules: one frame for every such display
                if not cluster.reporting:
                    continue
            key = (binding.src_endpoint, binding.cluster_id, display)
            data = frames.get(key)
            if data is None:
                records = cluster.due_reports(now, display, min_interval_floor_s)
                data = frames[key] = encode_report(self.next_tsn(), records) if records else b""
            if data:
                packets.append(
                    self.packet(
                        binding.src_endpoint,
                        binding.dst_endpoint,
                        binding.cluster_id,
                        data,
                        binding.destination,
                        profile=self.endpoints[binding.src_endpoint].profile_id,
                    )
                )
        return packets

    def _server(self, endpoint_id: int, cluster_id: int) -> ServerCluster | None:
        endpoint = self.endpoints.get(endpoint_id)
        return endpoint.servers.get(cluster_id) if endpoint else None

    def packet(
        self,
        src_ep: int,
        dst_ep: int,
        cluster_id: int,
        data: bytes,
        dst: int | t.AddrModeAddress,
        *,
        profile: int = SE_PROFILE_ID,
    ) -> t.ZigbeePacket:
        """A frame from this node; ``dst`` is a short address (an answer) or a binding's
        destination."""
        if isinstance(dst, int):
            dst = t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(dst))
        return t.ZigbeePacket(
            src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(self.nwk)),
            src_ep=t.uint8_t(src_ep),
            dst=dst,
            dst_ep=t.uint8_t(dst_ep),
            tsn=t.uint8_t(data[0] if dst_ep == 0 or src_ep == 0 else _zcl_tsn(data)),
            profile_id=t.uint16_t(profile),
            cluster_id=t.uint16_t(cluster_id),
            data=t.SerializableBytes(data),
            lqi=t.uint8_t(self.lqi),
            rssi=t.int8s(self.rssi),
        )


def _nwk_of(address: t.AddrModeAddress | None) -> int:
    if address is None or address.addr_mode != t.AddrMode.NWK:
        return COORDINATOR_NWK  # a display: each is NWK 0x0000 in its own view of the HAN
    return int(address.address)  # type: ignore[arg-type]


def _zcl_tsn(data: bytes) -> int:
    # Frame control, then a manufacturer code if bit 2 says so, then the transaction number.
    return data[3] if data[0] & 0x04 else data[1]


def _zdo_status_only(
    command: zdo_t.ZDOCmd, status: zdo_t.Status
) -> tuple[zdo_t.ZDOCmd, list[Any]] | None:
    """A request's response carrying only a status (the rest of its fields empty), or None for a
    request that has no response."""
    try:
        reply_id = zdo_t.ZDOCmd(command | 0x8000)
    except ValueError:
        return None
    if reply_id not in zdo_t.CLUSTERS:
        return None
    return reply_id, [status] + [None] * (len(zdo_t.CLUSTERS[reply_id][1]) - 1)
