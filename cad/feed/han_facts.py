"""What the feed says about the HAN besides readings: the meters' MPAN/MPRN and the CAD's signal.

The meters publish their site identity (the Metering cluster's SiteID: the MPAN of an ESME, the
MPRN of a gas meter) but the home model does not keep it, so the CAD reads it once per meter
through the links it already has. The signal is the radio's own figure for the frames last heard
from the electricity meter (or the hub, when the meter is heard through it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence

from app.host.context import DeviceKind, PairedDevice
from cad.feed.glow_payload import Signal
from han.links.attributes import read_attributes
from han.links.meter_link import MeterLink
from han.model import MeterKey

LOGGER = logging.getLogger(__name__)


class SiteIds:
    """MPAN/MPRN by meter (``str(MeterKey)``), learnt in the background; empty until read."""

    def __init__(self) -> None:
        self.known: dict[str, str] = {}
        self._asked: set[MeterKey] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    def __call__(self) -> dict[str, str]:
        return self.known

    def learn(self, links: dict[MeterKey, MeterLink]) -> None:
        """Ask every meter not asked yet (call on the asyncio loop; returns at once)."""
        for key, link in links.items():
            if key in self._asked:
                continue
            self._asked.add(key)
            task = asyncio.get_running_loop().create_task(self._read(key, link))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _read(self, key: MeterKey, link: MeterLink) -> None:
        await link.attached.wait()
        values = await read_attributes(link.metering, ("site_id",))
        raw = values.get("site_id")
        text = raw.decode("ascii", "replace") if isinstance(raw, bytes) else str(raw or "")
        if text.strip():
            self.known[str(key)] = text.strip()
        else:
            self._asked.discard(key)  # not answered: ask again with the next change

    def cancel(self) -> None:
        for task in list(self._tasks):
            task.cancel()


def signal_from(devices: Callable[[], Sequence[PairedDevice]]) -> Callable[[], Signal | None]:
    def signal() -> Signal | None:
        found = {device.kind: device for device in devices() if not device.via_hub}
        for kind in (DeviceKind.ELECTRICITY_METER, DeviceKind.COMMS_HUB):
            device = found.get(kind)
            if device is not None and (device.lqi is not None or device.rssi_dbm is not None):
                return Signal(rssi_dbm=device.rssi_dbm, lqi=device.lqi)
        return None

    return signal
