"""ZDO requests the host addresses to the coordinator itself, answered as Z-Stack answers them.

zigpy interviews its own coordinator like any device (node descriptor, active endpoints, simple
descriptors of the endpoints it registered) and asks it for an energy scan before choosing a
channel. Z-Stack answers from its own state and its radio; so does this (the band as the home
hears it: ``home_emulator/air/spectrum.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import zigpy.types as t
from zigpy.zdo import types as zdo_t

from home_emulator.air import spectrum


@dataclass(frozen=True)
class RegisteredEndpoint:
    """An endpoint the host registered with AF register since the last reset."""

    endpoint: int
    profile: int
    device_type: int
    device_version: int
    input_clusters: tuple[int, ...]
    output_clusters: tuple[int, ...]

    def descriptor(self) -> zdo_t.SizePrefixedSimpleDescriptor:
        return zdo_t.SizePrefixedSimpleDescriptor(
            endpoint=self.endpoint,
            profile=self.profile,
            device_type=self.device_type,
            device_version=self.device_version,
            input_clusters=list(self.input_clusters),
            output_clusters=list(self.output_clusters),
        )


TI_MANUFACTURER_CODE = 0x0000


def node_descriptor() -> zdo_t.NodeDescriptor:
    flags = zdo_t.NodeDescriptor.MACCapabilityFlags
    return zdo_t.NodeDescriptor(
        logical_type=zdo_t.LogicalType.Coordinator,
        complex_descriptor_available=0,
        user_descriptor_available=0,
        reserved=0,
        aps_flags=0,
        frequency_band=zdo_t.NodeDescriptor.FrequencyBand.Freq2400MHz,
        mac_capability_flags=(
            flags.AlternatePanCoordinator
            | flags.FullFunctionDevice
            | flags.MainsPowered
            | flags.RxOnWhenIdle
            | flags.AllocateAddress
        ),
        manufacturer_code=TI_MANUFACTURER_CODE,
        maximum_buffer_size=80,
        maximum_incoming_transfer_size=160,
        server_mask=0x2C41,
        maximum_outgoing_transfer_size=160,
        descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability.NONE,
    )


def answer(
    cluster_id: int,
    data: bytes,
    endpoints: dict[int, RegisteredEndpoint],
    *,
    han_channel: int | None = None,
    scan: int = 0,
) -> tuple[int, bytes] | None:
    """(response cluster, response frame with the request's TSN) or None: nothing to say."""
    try:
        command = zdo_t.ZDOCmd(cluster_id)
        _, schema = zdo_t.CLUSTERS[command]
        header, rest = zdo_t.ZDOHeader.deserialize(command, data)
        args, _ = t.deserialize(rest, schema)
    except (ValueError, KeyError):
        return None
    reply = _reply(command, args, endpoints, han_channel, scan)
    if reply is None:
        return None
    reply_command, reply_args = reply
    _, reply_schema = zdo_t.CLUSTERS[reply_command]
    return int(reply_command), bytes((header.tsn,)) + t.serialize(reply_args, reply_schema)


def _reply(
    command: zdo_t.ZDOCmd,
    args: list[Any],
    endpoints: dict[int, RegisteredEndpoint],
    han_channel: int | None,
    scan: int,
) -> tuple[zdo_t.ZDOCmd, list[Any]] | None:
    ok, own = zdo_t.Status.SUCCESS, t.NWK(0x0000)
    if command == zdo_t.ZDOCmd.Node_Desc_req:
        return zdo_t.ZDOCmd.Node_Desc_rsp, [ok, own, node_descriptor()]
    if command == zdo_t.ZDOCmd.Active_EP_req:
        return zdo_t.ZDOCmd.Active_EP_rsp, [ok, own, sorted(endpoints)]
    if command == zdo_t.ZDOCmd.Simple_Desc_req:
        endpoint = endpoints.get(int(args[1]))
        if endpoint is None:
            return zdo_t.ZDOCmd.Simple_Desc_rsp, [zdo_t.Status.NOT_ACTIVE, own, None]
        return zdo_t.ZDOCmd.Simple_Desc_rsp, [ok, own, endpoint.descriptor()]
    if command == zdo_t.ZDOCmd.Mgmt_NWK_Update_req:
        update = args[0]
        if update.ScanDuration > 0x05:  # a channel change, not a scan: nothing to answer
            return None
        channels = t.Channels(update.ScanChannels) & t.Channels.ALL_CHANNELS
        energies = [
            spectrum.energy(channel, han_channel, scan)
            for channel in spectrum.ZIGBEE_CHANNELS
            if int(channels) & (1 << channel)
        ]
        return zdo_t.ZDOCmd.Mgmt_NWK_Update_rsp, [ok, channels, 0, 0, energies]
    return None
