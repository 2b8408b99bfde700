"""ZDO requests the host addresses to the NCP itself (node 0x0000), answered from its own state.

zigpy interviews its own coordinator like any device: node descriptor, active endpoints, the
simple descriptors of the endpoints the host added. EmberZNet answers these itself; so does this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import zigpy.types as t
from zigpy.zdo import types as zdo_t

SILICON_LABS_MANUFACTURER_CODE = 0x1002


@dataclass(frozen=True)
class Endpoint:
    """An endpoint the host added with ``addEndpoint`` since the last reset."""

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
        manufacturer_code=SILICON_LABS_MANUFACTURER_CODE,
        maximum_buffer_size=82,
        maximum_incoming_transfer_size=82,
        server_mask=0x2C41,
        maximum_outgoing_transfer_size=82,
        descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability.NONE,
    )


def answer(
    cluster_id: int, data: bytes, endpoints: dict[int, Endpoint]
) -> tuple[int, bytes] | None:
    """(response cluster, response frame with the request's TSN) or None: nothing to say."""
    try:
        command = zdo_t.ZDOCmd(cluster_id)
        _, schema = zdo_t.CLUSTERS[command]
        header, rest = zdo_t.ZDOHeader.deserialize(command, data)
        args, _ = t.deserialize(rest, schema)
    except (ValueError, KeyError):
        return None
    reply = _reply(command, args, endpoints)
    if reply is None:
        return None
    reply_command, reply_args = reply
    _, reply_schema = zdo_t.CLUSTERS[reply_command]
    return int(reply_command), bytes((header.tsn,)) + t.serialize(reply_args, reply_schema)


def _reply(
    command: zdo_t.ZDOCmd, args: list[Any], endpoints: dict[int, Endpoint]
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
    return None
