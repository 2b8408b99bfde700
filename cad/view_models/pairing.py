"""Pairing the CAD, the two ways, in words a person can act on. Qt-free.

Option 1 – passkey: the person presses the pairing button on the hub, then types the hub's ten-digit
passkey here; the CAD presents it to the hub over the HAN. Option 2 – remote: the person reads the
CIN the supplier puts on their IHD and calls the supplier, quoting this CAD's EUI-64 and install code;
the supplier pairs it over the WAN. Either way, success is remembered across restarts.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.connection.han_access import HanAccess, format_install_code
from app.host.context import ExperienceContext
from app.wording import QT_TRANSLATE_NOOP
from cad.pairing_memory import Pairing, PairingMemory
from han.links.pairing import PairingOutcome

CONTEXT = "CadPairing"

MESSAGES = {
    PairingOutcome.PAIRED: QT_TRANSLATE_NOOP(
        "CadPairing", "Paired. This CAD can now read your meters."
    ),
    PairingOutcome.WRONG_PASSKEY: QT_TRANSLATE_NOOP(
        "CadPairing",
        "The hub did not accept that passkey. Check the ten digits on your hub's label and try again.",
    ),
    PairingOutcome.NOT_LISTENING: QT_TRANSLATE_NOOP(
        "CadPairing",
        "The hub is not listening. Press the pairing button on your hub, then try again within 3 minutes.",
    ),
    PairingOutcome.NO_ANSWER: QT_TRANSLATE_NOOP(
        "CadPairing", "The hub did not answer. Move the CAD closer to the hub and try again."
    ),
}
NOT_TEN_DIGITS = QT_TRANSLATE_NOOP("CadPairing", "The passkey has ten digits (you typed %1).")
NO_RADIO = QT_TRANSLATE_NOOP("CadPairing", "This display cannot pair: it has no HAN radio.")
HUB_REPLACED = QT_TRANSLATE_NOOP(
    "CadPairing",
    "Your smart meter hub has been replaced. Pair this CAD with the new hub; "
    "its log of your readings is kept.",
)
UNPAIRED = QT_TRANSLATE_NOOP(
    "CadPairing",
    "Unpaired: the hub no longer lets this CAD read your meters. Its log is kept; pair again "
    "whenever you like.",
)


def passkey_digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


@dataclass(frozen=True)
class Attempt:
    paired: bool
    message: str
    """English source text (translated by the screen, context ``CadPairing``); may hold %1."""
    argument: str = ""


class PairingFlow:
    def __init__(
        self,
        context: ExperienceContext,
        memory: PairingMemory | None = None,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.access: HanAccess | None = context.han_access
        self.model = context.model
        self.memory = memory or PairingMemory()
        self._now = now
        self.busy = False
        self._hub_checked: str | None = None
        """The hub last found to be the one paired with (no need to read the pairing again)."""
        self.notice: str | None = None
        """Why the pairing screen is showing again (HUB_REPLACED, UNPAIRED), for the screen."""

    @property
    def display_ieee(self) -> str:
        return self.access.display_ieee if self.access else ""

    @property
    def install_code_text(self) -> str:
        return format_install_code(self.access.install_code) if self.access else ""

    def remembered(self) -> Pairing | None:
        pairing = self.memory.load()
        if pairing is None or pairing.display_ieee != self.display_ieee:
            return None
        return pairing

    def restore(self) -> bool:
        """At start: paired before (remembered), or already admitted by the hub (installed)."""
        pairing = self.remembered()
        access = self.access
        if pairing is not None and access is not None and access.demo is not None:
            if pairing.hub_ieee is not None and pairing.hub_ieee != access.demo.hub_ieee:
                self._hub_replaced()
                return False
            access.demo.remember(self.display_ieee, access.install_code)
        return pairing is not None

    def check_hub(self) -> bool:
        """Compare the hub heard on the HAN with the one paired with: True if it was replaced
        (the pairing is then forgotten). The first hub heard after pairing is remembered.
        Called on every model change: the pairing file is read only when the hub heard changes."""
        heard = self.access.hub_ieee() if self.access is not None else None
        if heard is None or heard == self._hub_checked:
            return False
        pairing = self.remembered()
        if pairing is None:
            return False
        self._hub_checked = heard
        if pairing.hub_ieee is None:
            self.memory.save(dataclasses.replace(pairing, hub_ieee=heard))
            return False
        if pairing.hub_ieee != heard:
            self._hub_replaced()
            return True
        return False

    def unpair(self) -> None:
        """Ask for this CAD to be removed from the hub's device log, and forget the pairing.
        (A real CAD asks its provider, who asks the supplier; the demo's supplier does it.)"""
        demo = self.access.demo if self.access is not None else None
        if demo is not None:
            demo.unpair(self.display_ieee)
        self.memory.forget()
        self.notice = UNPAIRED

    def _hub_replaced(self) -> None:
        self._hub_checked = None
        self.memory.forget()
        self.notice = HUB_REPLACED

    async def by_passkey(self, text: str) -> Attempt:
        digits = passkey_digits(text)
        if len(digits) != 10:
            return Attempt(False, NOT_TEN_DIGITS, str(len(digits)))
        if self.access is None:
            return Attempt(False, NO_RADIO)
        self.busy = True
        try:
            outcome = await self.access.pair_with_passkey(digits)
        finally:
            self.busy = False
        if outcome is PairingOutcome.PAIRED:
            self._remember("passkey")
        return Attempt(outcome is PairingOutcome.PAIRED, MESSAGES[outcome])

    def paired_remotely(self) -> Attempt:
        """The supplier says the CAD is paired (in the demo: the portal answered)."""
        self._remember("remote")
        return Attempt(True, MESSAGES[PairingOutcome.PAIRED])

    def installed(self) -> None:
        """Readings arrive before any pairing here: the hub's device log already holds this CAD."""
        if self.remembered() is None:
            self._remember("installed")

    def _remember(self, method: str) -> None:
        hub = self.access.hub_ieee() if self.access is not None else None
        paired_at = self.model.han_now(self._now())
        self.memory.save(Pairing(self.display_ieee, hub, method, paired_at))
        self.notice = None

    def forget(self) -> None:
        self.memory.forget()
