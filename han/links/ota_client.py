"""This display as a ZigBee OTA Upgrade client: the hub offers firmware, the display fetches it.

The comms hub is the HAN's OTA server (0x0019). When it sends Image Notify for this display's
manufacturer and image type with a newer version, the client asks Query Next Image, fetches the
file with Image Block requests (progress into the model), checks it (``han.formats.firmware.check_image``),
tells the hub Upgrade End and, on the hub's Upgrade End Response, installs it: the model's version
becomes the new one. An Image Block answered ABORT means the hub stopped this transfer: on a SMETS1
HAN enrolled in the DCC, because a second update started on the same HAN (S1SR 18.63–18.65 allow
one at a time). The update is shown as stopped, and the display keeps its version.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster
from zigpy.zcl.clusters.general import Ota
from zigpy.zcl.foundation import Status

from han.domain.firmware_status import FirmwareStatus, UpdateFailure, UpdateState
from han.formats.firmware import BadImage, check_image
from han.model import Field, HomeModel, ModelChange

LOGGER = logging.getLogger(__name__)

IMAGE_NOTIFY: Final = Ota.ClientCommandDefs.image_notify.id
BLOCK_BYTES: Final = 64
"""The largest block asked for at a time (an APS payload with room for the ZCL header)."""


class OtaClient:
    def __init__(
        self,
        model: HomeModel,
        server: Cluster,
        *,
        manufacturer_code: int,
        image_type: int,
        on_installed: Callable[[int], None] | None = None,
    ) -> None:
        self._model = model
        self._server = server
        self.manufacturer_code = manufacturer_code
        self.image_type = image_type
        self._on_installed = on_installed
        self._task: asyncio.Task[None] | None = None

    def attach(self) -> None:
        self._server.add_listener(self)

    def detach(self) -> None:
        self._server.remove_listener(self)
        if self._task is not None:
            self._task.cancel()

    @property
    def status(self) -> FirmwareStatus:
        return self._model.firmware

    def _set(self, status: FirmwareStatus) -> None:
        self._model.firmware = status
        self._model.announce(ModelChange(None, frozenset({Field.FIRMWARE})))

    # zigpy listener hook ------------------------------------------------------------------

    def cluster_command(self, tsn: int, command_id: int, args: Any) -> None:
        """The hub's OTA server spoke: Image Notify starts an update if the image is for us."""
        if command_id != IMAGE_NOTIFY:
            return
        if int(getattr(args, "manufacturer_code", -1)) != self.manufacturer_code:
            return
        if int(getattr(args, "image_type", -1)) != self.image_type:
            return
        if int(getattr(args, "new_file_version", 0)) <= self.status.version:
            return
        if self._task is not None and not self._task.done():
            return  # one update at a time on this display too
        self._task = asyncio.get_running_loop().create_task(self._update(), name="ota-update")

    async def _update(self) -> None:
        await self.update()

    # The update ---------------------------------------------------------------------------

    async def update(self) -> FirmwareStatus:
        """Ask for the next image and, if there is one, fetch, check and install it."""
        current = self.status.version
        try:
            offer = await self._server.query_next_image(
                field_control=0,
                manufacturer_code=self.manufacturer_code,
                image_type=self.image_type,
                current_file_version=current,
            )
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("The hub did not answer Query Next Image: %s", error)
            return self.status
        if getattr(offer, "status", None) != Status.SUCCESS:
            return self.status  # nothing for us after all
        version, size = int(offer.file_version), int(offer.image_size)
        self._set(FirmwareStatus(current, UpdateState.DOWNLOADING, 0.0, version))
        try:
            data = await self._download(version, size)
        except _Stopped as stopped:
            return self._fail(stopped.failure, version)
        try:
            check_image(
                data,
                manufacturer_code=self.manufacturer_code,
                image_type=self.image_type,
                file_version=version,
            )
        except BadImage as error:
            LOGGER.warning("Firmware %08x rejected: %s", version, error)
            await self._end(Status.INVALID_IMAGE, version)
            return self._fail(UpdateFailure.DAMAGED, version)
        answer = await self._end(Status.SUCCESS, version)
        if answer is None or not hasattr(answer, "upgrade_time"):
            return self._fail(UpdateFailure.ANOTHER_UPDATE, version)  # the hub refused the end
        self._set(FirmwareStatus(version, UpdateState.INSTALLED, 1.0, version))
        if self._on_installed is not None:
            self._on_installed(version)
        return self.status

    async def _download(self, version: int, size: int) -> bytes:
        data = bytearray()
        while len(data) < size:
            try:
                block = await self._server.image_block(
                    field_control=0,
                    manufacturer_code=self.manufacturer_code,
                    image_type=self.image_type,
                    file_version=version,
                    file_offset=len(data),
                    maximum_data_size=min(BLOCK_BYTES, size - len(data)),
                )
            except (ZigbeeException, TimeoutError) as error:
                LOGGER.info("Image Block not answered: %s", error)
                raise _Stopped(UpdateFailure.NO_ANSWER) from error
            status = getattr(block, "status", None)
            if status == Status.ABORT:
                raise _Stopped(UpdateFailure.ANOTHER_UPDATE)
            if status != Status.SUCCESS or int(block.file_offset) != len(data):
                raise _Stopped(UpdateFailure.DAMAGED)
            chunk = bytes(block.image_data)
            if not chunk:
                raise _Stopped(UpdateFailure.DAMAGED)
            data += chunk
            self._set(replace(self.status, progress=min(len(data) / size, 1.0)))
        return bytes(data)

    async def _end(self, status: Status, version: int) -> Any:
        try:
            return await self._server.upgrade_end(
                status=status,
                manufacturer_code=self.manufacturer_code,
                image_type=self.image_type,
                file_version=version,
            )
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Upgrade End not answered: %s", error)
            return None

    def _fail(self, failure: UpdateFailure, version: int) -> FirmwareStatus:
        self._set(
            FirmwareStatus(
                self.status.version, UpdateState.FAILED, self.status.progress, version, failure
            )
        )
        return self.status


class _Stopped(Exception):
    def __init__(self, failure: UpdateFailure) -> None:
        super().__init__(failure.value)
        self.failure = failure
