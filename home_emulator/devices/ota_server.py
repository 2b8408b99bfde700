"""The comms hub as the HAN's OTA Upgrade server (0x0019): firmware for consumer devices.

The supplier (through the WAN) offers an image to one device; the hub tells it with Image Notify and
serves Query Next Image, Image Block and Upgrade End, to each device its own transfer.

A SMETS1 HAN enrolled in the DCC takes one firmware update at a time (the DCC's 2021 consultation on
FOC Uplift 2.1, S1SR 18.63–18.65): when a second device starts fetching an image, the hub stops the
first transfer – its next Image Block is answered ABORT, ZigBee OTA's status for an upgrade the
server cancels – logs it, and the second carries on. A SMETS2 hub has no such rule: transfers to
different devices run side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import zigpy.types as t
from zigpy.zcl import foundation as f
from zigpy.zcl.clusters.general import ImageNotifyCommand

from han.clusters import OTA_CLUSTER
from han.domain.firmware_status import version_text
from han.formats.firmware import FirmwareImage
from home_emulator.zigbee.node import EmulatedNode
from home_emulator.zigbee.zcl_server import CommandReply, ServerCluster, encode_cluster_command

DISPLAY_ENDPOINT = 1
"""Where a display's OTA client listens (the endpoint displays bind from)."""
MAX_BLOCK_BYTES = 64


@dataclass
class Transfer:
    client: t.EUI64
    image: FirmwareImage
    stopped: bool = False
    done: bool = False


class OtaServer:
    def __init__(
        self,
        node: EmulatedNode,
        endpoint_id: int,
        *,
        log: Callable[[str, str], None],
        one_update_per_han: bool = False,
    ) -> None:
        self.node = node
        self.one_update_per_han = one_update_per_han
        """SMETS1 (FOC): a device starting an update stops any other under way on the HAN."""
        self.endpoint_id = endpoint_id
        self._log = log
        self.cluster = ServerCluster(OTA_CLUSTER, {"upgrade_server_id": node.ieee})
        self.cluster.on_command("query_next_image", self._query_next_image)
        self.cluster.on_command("image_block", self._image_block)
        self.cluster.on_command("upgrade_end", self._upgrade_end)
        self.offers: dict[t.EUI64, FirmwareImage] = {}
        self.transfers: dict[t.EUI64, Transfer] = {}

    def offer(self, client: t.EUI64, image: FirmwareImage) -> None:
        """Queue Image Notify for ``client`` (sent with the hub's next transmission)."""
        self.offers[client] = image
        notify = ImageNotifyCommand(
            payload_type=ImageNotifyCommand.PayloadType.QueryJitter_ManufacturerCode_ImageType_NewFileVersion,
            query_jitter=100,
            manufacturer_code=image.manufacturer_code,
            image_type=image.image_type,
            new_file_version=image.file_version,
        )
        data = encode_cluster_command(
            self.cluster.definition,
            self.node.next_tsn(),
            "image_notify",
            f.Direction.Server_to_Client,
            **notify.as_dict(),
        )
        destination = t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=client)
        self.node.outbox.append(
            self.node.packet(self.endpoint_id, DISPLAY_ENDPOINT, OTA_CLUSTER, data, destination)
        )
        self._log("firmware offered", f"{version_text(image.file_version)} to {client}")

    @property
    def active(self) -> list[Transfer]:
        return [x for x in self.transfers.values() if not x.stopped and not x.done]

    # Commands ------------------------------------------------------------------------------

    def _client(self) -> t.EUI64 | None:
        return self.node.requester

    def _query_next_image(self, request: Any) -> CommandReply:
        client = self._client()
        image = self.offers.get(client) if client is not None else None
        if (
            client is None
            or image is None
            or int(request.manufacturer_code) != image.manufacturer_code
            or int(request.image_type) != image.image_type
            or int(request.current_file_version) >= image.file_version
        ):
            return "query_next_image_response", {"status": f.Status.NO_IMAGE_AVAILABLE}
        if self.one_update_per_han:
            self._stop_others(client)
        self.transfers[client] = Transfer(client, image)
        self._log("firmware update started", f"{version_text(image.file_version)} to {client}")
        return (
            "query_next_image_response",
            {
                "status": f.Status.SUCCESS,
                "manufacturer_code": image.manufacturer_code,
                "image_type": image.image_type,
                "file_version": image.file_version,
                "image_size": len(image.data),
            },
        )

    def _stop_others(self, client: t.EUI64) -> None:
        for other in self.active:
            if other.client != client:
                other.stopped = True  # its next Image Block (or Upgrade End) is answered ABORT
                self._log(
                    "firmware update stopped",
                    f"{other.client}: another update started on the HAN ({client})",
                )

    def _image_block(self, request: Any) -> CommandReply:
        client = self._client()
        transfer = self.transfers.get(client) if client is not None else None
        if (
            transfer is None
            or transfer.stopped
            or int(request.file_version) != transfer.image.file_version
        ):
            return "image_block_response", {"status": f.Status.ABORT}
        offset = int(request.file_offset)
        size = min(int(request.maximum_data_size), MAX_BLOCK_BYTES)
        chunk = transfer.image.data[offset : offset + size]
        return (
            "image_block_response",
            {
                "status": f.Status.SUCCESS,
                "manufacturer_code": transfer.image.manufacturer_code,
                "image_type": transfer.image.image_type,
                "file_version": transfer.image.file_version,
                "file_offset": offset,
                "image_data": chunk,
            },
        )

    def _upgrade_end(self, request: Any) -> CommandReply:
        client = self._client()
        transfer = self.transfers.get(client) if client is not None else None
        if transfer is None or transfer.stopped:
            return f.Status.ABORT
        if request.status != f.Status.SUCCESS:
            transfer.stopped = True
            self._log("firmware update failed", f"{client}: {f.Status(request.status).name}")
            return f.Status.SUCCESS  # ZCL: a failed Upgrade End gets a Default Response
        transfer.done = True
        self.offers.pop(transfer.client, None)
        self._log(
            "firmware updated", f"{client} now runs {version_text(transfer.image.file_version)}"
        )
        return (
            "upgrade_end_response",
            {
                "manufacturer_code": transfer.image.manufacturer_code,
                "image_type": transfer.image.image_type,
                "file_version": transfer.image.file_version,
                "current_time": 0,
                "upgrade_time": 0,  # install now
            },
        )
