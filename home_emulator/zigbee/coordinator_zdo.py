"""ZDO requests a host addresses to its coordinator stick itself (node 0x0000), answered from the
stick's own state, as the stick's firmware answers them – for every stick emulated.

zigpy interviews its own coordinator like any device (node descriptor, active endpoints, simple
descriptors of the endpoints the host registered) and, with some radio libraries, asks it for an
energy scan before choosing a channel. The sticks differ only in what their node descriptor says
(manufacturer code, buffer sizes): a ``Stick`` holds that, one per firmware
(``home_emulator/znp/own_zdo.py``, ``home_emulator/ezsp/own_zdo.py``). A stick that answers a scan
asked this way (Z-Stack does; an EmberZNet host scans with its own command) passes how its radio
reads the band.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import zigpy.types as t
from zigpy.zdo import types as zdo_t

SERVER_MASK = 0x2C41
"""Primary trust centre, network manager; stack compliance revision 22."""
ZIGBEE_CHANNELS = range(11, 27)
"""The 2.4 GHz channels a scan may ask for, in the order it reads them."""
_LONGEST_SCAN = 0x05
"""Scan durations above this in a Mgmt_NWK_Update_req are channel changes, not scans."""


@dataclass(frozen=True)
class HostEndpoint:
    """An endpoint the host registered with the stick since its last reset."""

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


@dataclass(frozen=True)
class Stick:
    """What one coordinator firmware says about itself over ZDO."""

    manufacturer_code: int
    maximum_buffer_size: int
    maximum_incoming_transfer_size: int
    maximum_outgoing_transfer_size: int

    def node_descriptor(self) -> zdo_t.NodeDescriptor:
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
            manufacturer_code=self.manufacturer_code,
            maximum_buffer_size=self.maximum_buffer_size,
            maximum_incoming_transfer_size=self.maximum_incoming_transfer_size,
            server_mask=SERVER_MASK,
            maximum_outgoing_transfer_size=self.maximum_outgoing_transfer_size,
            descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability.NONE,
        )

    def answer(
        self,
        cluster_id: int,
        data: bytes,
        endpoints: dict[int, HostEndpoint],
        *,
        energy: Callable[[int], int] | None = None,
    ) -> tuple[int, bytes] | None:
        """(response cluster, response frame with the request's TSN) or None: nothing to say.
        ``energy`` reads a channel's energy (0–255) for a scan; without it scans go unanswered."""
        try:
            command = zdo_t.ZDOCmd(cluster_id)
            _, schema = zdo_t.CLUSTERS[command]
            header, rest = zdo_t.ZDOHeader.deserialize(command, data)
            args, _ = t.deserialize(rest, schema)
        except (ValueError, KeyError):
            return None
        reply = self._reply(command, args, endpoints, energy)
        if reply is None:
            return None
        reply_command, reply_args = reply
        _, reply_schema = zdo_t.CLUSTERS[reply_command]
        return int(reply_command), bytes((header.tsn,)) + t.serialize(reply_args, reply_schema)

    def _reply(
        self,
        command: zdo_t.ZDOCmd,
        args: list[Any],
        endpoints: dict[int, HostEndpoint],
        energy: Callable[[int], int] | None,
    ) -> tuple[zdo_t.ZDOCmd, list[Any]] | None:
        ok, own = zdo_t.Status.SUCCESS, t.NWK(0x0000)
        if command == zdo_t.ZDOCmd.Node_Desc_req:
            return zdo_t.ZDOCmd.Node_Desc_rsp, [ok, own, self.node_descriptor()]
        if command == zdo_t.ZDOCmd.Active_EP_req:
            return zdo_t.ZDOCmd.Active_EP_rsp, [ok, own, sorted(endpoints)]
        if command == zdo_t.ZDOCmd.Simple_Desc_req:
            endpoint = endpoints.get(int(args[1]))
            if endpoint is None:
                return zdo_t.ZDOCmd.Simple_Desc_rsp, [zdo_t.Status.NOT_ACTIVE, own, None]
            return zdo_t.ZDOCmd.Simple_Desc_rsp, [ok, own, endpoint.descriptor()]
        if command == zdo_t.ZDOCmd.Mgmt_NWK_Update_req and energy is not None:
            update = args[0]
            if update.ScanDuration > _LONGEST_SCAN:  # a channel change: nothing to answer
                return None
            channels = t.Channels(update.ScanChannels) & t.Channels.ALL_CHANNELS
            energies = [
                energy(channel) for channel in ZIGBEE_CHANNELS if int(channels) & (1 << channel)
            ]
            return zdo_t.ZDOCmd.Mgmt_NWK_Update_rsp, [ok, channels, 0, 0, energies]
        return None
