"""The IHD's own-network page in words – Qt-free: open for new devices or not (with the time left),
which devices joined since it was opened, and when the network was last backed up.

Only a display on its own coordinator has this page; on a SMETS2 HAN the hub decides who joins.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from app.host.context import DeviceKind, PairedDevice
from app.wording import PLAIN_ENGLISH, Wording, fill

JOIN_WINDOW_S: Final = 180
"""How long a device may join once the network is opened (ZigBee's usual three minutes)."""


@dataclass(frozen=True)
class NetworkPage:
    is_open: bool
    state: str
    """"Closed…" or "Open for new devices: 2:41 left"."""
    joined: tuple[str, ...]
    """A line for each device that joined since the network was last opened."""
    backup: str


class NetworkViewModel:
    def __init__(
        self, devices: Callable[[], Sequence[PairedDevice]], wording: Wording = PLAIN_ENGLISH
    ) -> None:
        self._devices = devices
        self._wording = wording
        self._open_until: float | None = None
        self._known: set[str] = {device.ieee for device in devices()}
        self._joined: list[str] = []
        """EUI-64s in the order they joined (their kind may only be known once interviewed)."""
        self._backed_up: tuple[float, str] | None = None

    def known(self) -> frozenset[str]:
        """The devices on the network now: taken before asking the coordinator to open it, as a
        device may join while the request is still on its way."""
        return frozenset(device.ieee for device in self._devices())

    def opened(
        self, now: float, known_before: frozenset[str], seconds: int = JOIN_WINDOW_S
    ) -> None:
        self._open_until = now + seconds
        self._known = set(known_before)
        self._joined = []

    def closed(self) -> None:
        self._open_until = None

    def backed_up(self, at_han_s: float, where: str) -> None:
        """The network was backed up at ``at_han_s`` (the HAN's time, as every time shown)."""
        self._backed_up = (at_han_s, where)

    def seconds_left(self, now: float) -> int:
        if self._open_until is None:
            return 0
        return max(0, math.ceil(self._open_until - now))

    def page(self, now: float) -> NetworkPage:
        w = self._wording
        kinds: dict[str, DeviceKind] = {}
        for device in self._devices():
            if kinds.get(device.ieee, DeviceKind.OTHER) is DeviceKind.OTHER:
                kinds[device.ieee] = device.kind
            if device.ieee not in self._known:
                self._known.add(device.ieee)
                self._joined.append(device.ieee)
        left = self.seconds_left(now)
        if left == 0:
            self._open_until = None
            state = w.translate("NetworkScreen", "Closed: no new device can join.")
        else:
            minutes, seconds = divmod(left, 60)
            state = fill(
                w.translate("NetworkScreen", "Open for new devices: %1 left"),
                f"{minutes}:{seconds:02d}",
            )
        joined = tuple(
            fill(
                w.translate("NetworkScreen", "✓ Joined: %1, %2"),
                self._kind(kinds.get(ieee, DeviceKind.OTHER)),
                ieee,
            )
            for ieee in self._joined
        )
        if self._backed_up is None:
            backup = w.translate("NetworkScreen", "Not backed up yet.")
        else:
            at, where = self._backed_up
            backup = fill(w.translate("NetworkScreen", "Backed up at %1 to %2"), w.clock(at), where)
        return NetworkPage(left > 0, state, joined, backup)

    def _kind(self, kind: DeviceKind) -> str:
        w = self._wording
        if kind is DeviceKind.ELECTRICITY_METER:
            return w.translate("NetworkScreen", "an electricity meter")
        if kind is DeviceKind.GAS_METER:
            return w.translate("NetworkScreen", "a gas meter")
        if kind is DeviceKind.POWER_SENSOR:
            return w.translate("NetworkScreen", "a power sensor")
        if kind is DeviceKind.COMMS_HUB:
            return w.translate("NetworkScreen", "a communications hub")
        return w.translate("NetworkScreen", "a device")
