"""Narrow ports for a display that pairs itself and logs what it reads (the CAD).

``HanAccess`` is what such an experience may do with the HAN beyond reading the model: present the
hub's passkey, list the meter links (for back-fill from the meters' profiles), and tell its own
EUI-64 and install code. ``PairingDemo`` is the embedded emulated home's side of pairing – the
hub's pairing button and the supplier's portal – offered only when the home runs in this process,
so a person can try both pairing flows on a desktop. Experiences get both through
``ExperienceContext.han_access`` and never import the emulator.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final, Protocol

from han.formats.install_codes import printed_install_code
from han.links.meter_link import MeterLink
from han.links.pairing import PairingOutcome, pair_with_passkey
from han.model import MeterKey
from han.session import HanSession

CAD_IEEE: Final = "00:0d:6f:ff:fe:00:0c:ad"
"""The EUI-64 of the embedded demo's CAD (printed on a real CAD's label)."""


def install_code_for(ieee: str) -> bytes:
    """The install code printed on this device: 16 bytes and their CRC (stable for an EUI-64)."""
    return printed_install_code(ieee)


def format_install_code(code: bytes) -> str:
    text = code.hex().upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


class PairingDemo(Protocol):
    """The embedded emulated home's side of pairing (``app.connection.sources.EmulatorDemo``), for a demo panel
    that stands in for what a person does away from the CAD."""

    @property
    def passkey(self) -> str:
        """Printed on the hub's label."""

    def press_pairing_button(self) -> None: ...

    def issue_cin(self) -> None:
        """The supplier puts a CIN on the household's IHD."""

    @property
    def cin_on_display(self) -> str | None:
        """The CIN the household's IHD shows now (None: none issued, or it has expired)."""

    def request_pairing(self, eui64: str, install_code: bytes, cin: str) -> tuple[bool, str]:
        """The supplier's agent pairs the CAD over the WAN: (paired, what the agent says)."""

    @property
    def hub_ieee(self) -> str:
        """The EUI-64 of the hub this home has now."""

    def remember(self, eui64: str, install_code: bytes) -> None:
        """Put back the device-log entry a paired CAD would find on a real hub."""

    def unpair(self, eui64: str) -> None:
        """The supplier removes the CAD from the hub's device log (it goes to the historic log)."""


@dataclass
class HanAccess:
    display_ieee: str
    install_code: bytes
    pair: Callable[[str, float], Awaitable[PairingOutcome]]
    links: Callable[[], dict[MeterKey, MeterLink]]
    hub_ieee: Callable[[], str | None] = lambda: None
    """The hub heard on the HAN (None until it is found)."""
    demo: PairingDemo | None = None
    find_hub_s: float = 20.0
    """How long to look for a listening hub before saying it is not listening."""

    async def pair_with_passkey(self, passkey: str) -> PairingOutcome:
        return await self.pair(passkey, self.find_hub_s)


def session_access(
    session: HanSession | Callable[[], HanSession | None],
    display_ieee: str,
    demo: PairingDemo | None = None,
    install_code: bytes | None = None,
) -> HanAccess:
    """HAN access through a session, or through whichever is current (the host's connection
    replaces its session when the source comes back after a loss). ``install_code``: the one the
    installer gave this display (None: the code on its label)."""
    current = session if callable(session) else lambda: session

    async def pair(passkey: str, find_hub_s: float) -> PairingOutcome:
        live = current()
        if live is None:
            return PairingOutcome.NO_ANSWER
        return await pair_with_passkey(live.application, passkey, find_hub_s=find_hub_s)

    def links() -> dict[MeterKey, MeterLink]:
        live = current()
        return live.links if live is not None else {}

    def hub_ieee() -> str | None:
        live = current()
        return live.hub.ieee if live is not None and live.hub is not None else None

    return HanAccess(
        display_ieee=display_ieee,
        install_code=install_code or install_code_for(display_ieee),
        pair=pair,
        links=links,
        hub_ieee=hub_ieee,
        demo=demo,
    )
