"""The comms hub on the air, kept in step with the model: the HAN's time and supplier messages.

Time is read from the hub's Time server now and then and followed in between at the observed rate
(an emulated home may run thousands of times faster than real time). Messages arrive as
DisplayMessage / CancelMessage commands from the hub's Messaging server once the display has bound
to it; a message sent while the display was away is fetched with GetLastMessage.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster

from han.clusters import MESSAGING_CLUSTER
from han.clusters.messaging import MessageControl
from han.links.han_clock import next_clock
from han.model import Field, HomeModel, ModelChange, SupplierMessage

LOGGER = logging.getLogger(__name__)

ZIGBEE_EPOCH_S: Final = int(datetime(2000, 1, 1, tzinfo=UTC).timestamp())
IMPORTANCE_NAMES: Final = {0x00: "low", 0x04: "medium", 0x08: "high", 0x0C: "critical"}


class HubLink:
    def __init__(
        self,
        model: HomeModel,
        time_server: Cluster,
        *,
        now: Callable[[], float] = time.time,
        time_poll_s: float = 5.0,
    ) -> None:
        self._model = model
        self._time = time_server
        self._messaging: Cluster | None = time_server.endpoint.in_clusters.get(MESSAGING_CLUSTER)
        self.ieee = str(time_server.endpoint.device.ieee)
        """The hub's EUI-64: a CAD notices by it that the hub was replaced."""
        self._now = now
        self._time_poll_s = time_poll_s
        self.attached = asyncio.Event()

    async def run(self) -> None:
        if self._messaging is not None:
            self._messaging.add_listener(self)
            await self._bind_messaging()
        try:
            await self.read_time()
            await self._fetch_last_message()
            self.attached.set()
            while True:
                await asyncio.sleep(self._time_poll_s)
                await self.read_time()
        finally:
            if self._messaging is not None:
                self._messaging.remove_listener(self)

    async def read_time(self) -> None:
        asked_at = self._now()
        try:
            success, _ = await self._time.read_attributes(["time"])
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("The hub did not tell the time: %s", error)
            return
        if "time" not in success:
            return
        answered_at = self._now()
        read_at = (asked_at + answered_at) / 2
        han_s = float(int(success["time"]) + ZIGBEE_EPOCH_S)
        self._model.han_clock = next_clock(
            self._model.han_clock, han_s, read_at, within_s=(answered_at - asked_at) / 2
        )
        self._model.announce(ModelChange(None, frozenset({Field.HAN_CLOCK})))

    async def confirm(self, message_id: int) -> None:
        """Tell the hub the consumer has read a message that asked for confirmation."""
        if self._messaging is None:
            raise LookupError("the hub has no Messaging server")
        message = self._model.messages[message_id]
        confirmed_at = self._model.han_now(self._now())
        await self._messaging.message_confirmation(
            message_id=message_id, confirmation_time=int(confirmed_at) - ZIGBEE_EPOCH_S
        )
        message.confirmed_at = confirmed_at
        message.read = True
        self._model.announce(ModelChange(None, frozenset({Field.MESSAGES})))

    async def _bind_messaging(self) -> None:
        assert self._messaging is not None
        try:
            await self._messaging.bind()
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Could not bind to the hub's messages: %s", error)

    async def _fetch_last_message(self) -> None:
        if self._messaging is None:
            return
        try:
            response = await self._messaging.get_last_message()
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.debug("No last message from the hub: %s", error)
            return
        if hasattr(response, "message_id"):
            self._show(response)

    def cluster_command(self, tsn: int, command_id: int, args: Any) -> None:
        """zigpy listener hook: the hub's Messaging server sent a command."""
        if command_id == 0x00 and hasattr(args, "message"):
            self._show(args)
        elif (
            command_id == 0x01
            and hasattr(args, "message_id")
            and self._model.messages.pop(int(args.message_id), None) is not None
        ):
            self._model.announce(ModelChange(None, frozenset({Field.MESSAGES})))

    def _show(self, args: Any) -> None:
        control = int(args.message_control)
        message_id = int(args.message_id)
        if message_id in self._model.messages:
            return
        self._model.messages[message_id] = SupplierMessage(
            message_id=message_id,
            text=str(args.message),
            importance=IMPORTANCE_NAMES.get(control & 0x0C, "medium"),
            confirmation_required=bool(control & MessageControl.confirmation_required),
            received_at=self._model.han_now(self._now()),
        )
        self._model.announce(ModelChange(None, frozenset({Field.MESSAGES})))
