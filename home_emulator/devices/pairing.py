"""Pairing a Consumer Access Device with the home, the two ways GB's 2012 consultation described.

- **Passkey** (option 1): the consumer presses the hub's pairing button; for a few minutes the hub
  listens for a CAD presenting the hub's passkey (printed on the hub; ten digits). The right passkey
  inside the window puts the CAD in the device log; a wrong one, or none while the hub is not
  listening, is refused with a reason the CAD can show.
- **Remote** (option 2): the consumer calls the supplier, whose portal authenticates them with a
  CIN – a random number the hub shows on the IHD, read back over the phone – and then adds the CAD
  (its EUI-64 and install code, shown on the CAD) to the device log over the WAN.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import zigpy.types as t
from zigpy.zcl import foundation as f

from han.clusters import BASIC_CLUSTER, PAIRING_CLUSTER_ID, PairingStatus
from home_emulator.air.medium import Air
from home_emulator.devices.comms_hub import HUB_ENDPOINT, CommsHub, HubEvent
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.zigbee.zcl_server import CommandReply, ServerCluster

PAIRING_WINDOW_S = 180
CIN_VALID_S = 15 * 60


class HomeClock(Protocol):
    """The home's emulated time: what it is now, and running an action when a time comes."""

    @property
    def now_s(self) -> float: ...

    def schedule(self, at_s: float, action: Callable[[], None]) -> None: ...


def hub_passkey(hub_ieee: str) -> str:
    """The passkey printed on an emulated hub: stable for the hub, ten digits."""
    number = int.from_bytes(hashlib.sha256(f"hub passkey {hub_ieee}".encode()).digest()[:8], "big")
    return f"{number % 10**10:010d}"


class PairingButton:
    """The hub's pairing button and the pairing service it opens on the air."""

    def __init__(self, hub: CommsHub, air: Air, clock: HomeClock) -> None:
        self.hub = hub
        self.air = air
        self.clock = clock
        self.passkey = hub_passkey(str(hub.node.ieee))
        self.listening_until_s: float | None = None
        self.cluster = ServerCluster(PAIRING_CLUSTER_ID)
        self.cluster.on_command("request_pairing", self._request)
        hub.node.endpoints[HUB_ENDPOINT].servers[PAIRING_CLUSTER_ID] = self.cluster
        air.guest_access = self._guest_may_send

    @property
    def listening(self) -> bool:
        until = self.listening_until_s
        return until is not None and self.clock.now_s < until

    def press(self, window_s: float = PAIRING_WINDOW_S) -> None:
        """The consumer presses the button: the hub listens for a new CAD for ``window_s``."""
        self.listening_until_s = self.clock.now_s + window_s
        self._log("pairing button pressed", f"listening for {window_s:.0f} s")
        self.air.invite(self.hub.node)

    def _guest_may_send(self, node: Any, packet: t.ZigbeePacket) -> bool:
        # A CAD outside the device log may find the hub and knock, only while it listens.
        if node is not self.hub.node or not self.listening:
            return False
        return packet.dst_ep == 0 or packet.cluster_id in (BASIC_CLUSTER, PAIRING_CLUSTER_ID)

    def _request(self, request: Any) -> CommandReply:
        requester = self.hub.node.requester
        if requester is None:
            return f.Status.FAILURE
        if not self.listening:
            status = PairingStatus.not_listening
        elif str(request.passkey) != self.passkey:
            status = PairingStatus.wrong_passkey
        else:
            self.hub.device_log.add(requester, new_install_code(), DeviceType.CAD)
            self.listening_until_s = None
            self.clock.schedule(self.clock.now_s, lambda: self.air.welcome(requester))
            status = PairingStatus.accepted
        self._log("CAD pairing", f"{requester}: {status.name.replace('_', ' ')}")
        return "pairing_response", {"status": status}

    def _log(self, kind: str, detail: str) -> None:
        self.hub.events.append(HubEvent(self.clock.now_s, kind, detail))


class PortalOutcome(enum.Enum):
    PAIRED = "paired"
    WRONG_CIN = "the CIN does not match: ask for a new one"
    NO_CIN = "no CIN was issued, or it has expired: ask for a new one"
    BAD_INSTALL_CODE = "the install code is not valid: check it on the device"


@dataclass
class _IssuedCin:
    number: str
    expires_s: float


class SupplierPortal:
    """The supplier's call centre, as far as pairing a CAD goes."""

    def __init__(
        self, hub: CommsHub, air: Air, clock: HomeClock, tell_household: Callable[[str], object]
    ) -> None:
        """``tell_household`` puts a supplier message on the household's displays."""
        self.hub = hub
        self.air = air
        self.clock = clock
        self.tell_household = tell_household
        self._cin: _IssuedCin | None = None

    def issue_cin(self) -> None:
        """Put a fresh CIN on the household's display (the caller must read it from there)."""
        number = f"{secrets.randbelow(10**8):08d}"
        self._cin = _IssuedCin(number, self.clock.now_s + CIN_VALID_S)
        spaced = f"{number[:4]} {number[4:]}"
        self.tell_household(f"Your customer identification number (CIN) is {spaced}")
        self.hub.events.append(HubEvent(self.clock.now_s, "CIN issued"))

    @property
    def cin_on_display(self) -> str | None:
        """What the IHD shows (for trials' operators and tests)."""
        return self._cin.number if self._cin else None

    def request_pairing(self, eui64: str, install_code: bytes, cin: str) -> PortalOutcome:
        issued = self._cin
        if issued is None or self.clock.now_s > issued.expires_s:
            return PortalOutcome.NO_CIN
        if "".join(ch for ch in cin if ch.isdigit()) != issued.number:
            return PortalOutcome.WRONG_CIN
        ieee = t.EUI64.convert(eui64)
        try:
            self.hub.device_log.add(ieee, install_code, DeviceType.CAD)
        except ValueError:
            return PortalOutcome.BAD_INSTALL_CODE
        self._cin = None  # a CIN is good for one call
        self.hub.events.append(
            HubEvent(self.clock.now_s, "WAN", f"CAD {eui64} added to the device log")
        )
        self.air.welcome(ieee)
        return PortalOutcome.PAIRED
