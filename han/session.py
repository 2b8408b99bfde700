"""The HAN client session: finds the meters on a zigpy network and keeps the home model current.

It works the same on every source – the emulated home's virtual radio or a real USB coordinator –
because it only uses zigpy's public device, endpoint and cluster API.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from zigpy.application import ControllerApplication
from zigpy.device import BaseDevice, Device

from han.clusters import (
    DEVICE_MANAGEMENT_CLUSTER,
    ELECTRICAL_MEASUREMENT_CLUSTER,
    OTA_CLUSTER,
    TIME_CLUSTER,
    GBMetering,
)
from han.domain.firmware_status import EMULATED_MANUFACTURER
from han.links.hub_link import HubLink
from han.links.meter_link import MeterLink
from han.links.ota_client import OtaClient
from han.links.power_link import PowerLink
from han.links.tenancy_link import TenancyLink
from han.model import HomeModel, MeterKey

LOGGER = logging.getLogger(__name__)


class HanSession:
    """Owns one ``MeterLink`` per metering endpoint; every task it starts, it cancels in ``stop``."""

    def __init__(
        self,
        application: ControllerApplication,
        model: HomeModel,
        *,
        now: Callable[[], float] = time.time,
        poll_interval_s: float = 30.0,
        firmware_image_type: int | None = None,
    ) -> None:
        self.application = application
        self.model = model
        self._now = now
        self._poll_interval_s = poll_interval_s
        self.links: dict[MeterKey, MeterLink] = {}
        self.power_links: dict[MeterKey, PowerLink] = {}
        """Home Automation power sensors (pulse readers, plugs) that are not Smart Energy meters."""
        self.hub: HubLink | None = None
        self.tenancy: dict[MeterKey, TenancyLink] = {}
        self.firmware_image_type = firmware_image_type
        """This display's OTA image type: with one, the hub may update its firmware."""
        self.ota: OtaClient | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._listener_id: Any = None

    def start(self) -> None:
        """Begin listening; meters already known to zigpy are attached at once."""
        self._listener_id = self.application.add_listener(self)
        for device in list(self.application.devices.values()):
            if device.is_initialized:
                self.device_initialized(device)

    async def stop(self) -> None:
        for tenancy in self.tenancy.values():
            tenancy.stop()
        if self.ota is not None:
            self.ota.detach()
        if self._listener_id is not None:
            self.application.remove_listener(self._listener_id)
            self._listener_id = None
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # zigpy application listener hooks -------------------------------------------------------

    def device_initialized(self, device: BaseDevice, *args: Any) -> None:
        if not isinstance(device, Device):
            return  # Green Power devices have no metering endpoints
        if device.ieee == self.application.state.node_info.ieee:
            return  # the display's own radio: a library may give it a Time server of its own
        for endpoint_id, endpoint in device.endpoints.items():
            if endpoint_id == 0:
                continue
            time_server = endpoint.in_clusters.get(TIME_CLUSTER)
            if time_server is not None and self.hub is None:
                LOGGER.info("Found the comms hub at %s/%s", device.ieee, endpoint_id)
                self.hub = HubLink(self.model, time_server, now=self._now)
                self._spawn(self.hub.run(), name=f"hub-link-{device.ieee}")
                ota_server = endpoint.in_clusters.get(OTA_CLUSTER)
                if ota_server is not None and self.firmware_image_type is not None:
                    self.ota = OtaClient(
                        self.model,
                        ota_server,
                        manufacturer_code=EMULATED_MANUFACTURER,
                        image_type=self.firmware_image_type,
                    )
                    self.ota.attach()
            metering = endpoint.in_clusters.get(GBMetering.cluster_id)
            key = MeterKey(str(device.ieee), endpoint_id)
            management = endpoint.in_clusters.get(DEVICE_MANAGEMENT_CLUSTER)
            if management is not None and key not in self.tenancy:
                self.tenancy[key] = tenancy = TenancyLink(self.model, management)
                self._spawn(tenancy.run(), name=f"tenancy-link-{key}")
            if metering is None:
                measurement = endpoint.in_clusters.get(ELECTRICAL_MEASUREMENT_CLUSTER)
                if measurement is not None and key not in self.power_links:
                    LOGGER.info("Found a power sensor at %s", key)
                    power = PowerLink(
                        self.model,
                        measurement,
                        now=self._now,
                        poll_interval_s=self._poll_interval_s,
                    )
                    self.power_links[key] = power
                    self._spawn(power.run(), name=f"power-link-{key}")
                continue
            if key in self.links:
                continue
            LOGGER.info("Found a meter at %s", key)
            link = MeterLink(
                self.model, metering, now=self._now, poll_interval_s=self._poll_interval_s
            )
            self.links[key] = link
            self._spawn(link.run(), name=f"meter-link-{key}")

    def device_removed(self, device: Device) -> None:
        for key in [key for key in self.links if key.ieee == str(device.ieee)]:
            del self.links[key]
        for key in [key for key in self.power_links if key.ieee == str(device.ieee)]:
            del self.power_links[key]

    # -------------------------------------------------------------------------------------

    def _spawn(self, coroutine: Coroutine[Any, Any, None], *, name: str) -> None:
        task = asyncio.get_running_loop().create_task(coroutine, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            LOGGER.error("%s stopped", task.get_name(), exc_info=task.exception())
