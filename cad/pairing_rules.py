"""When the CAD is paired, one set of rules for the windowed CAD (``shell``) and the headless one
(``headless``).

Paired when remembered, when pairing succeeds or when readings arrive (the hub already admits it);
back to unpaired when the hub heard is not the one paired with. While paired, the CAD logs the
meters, learns their site ids and publishes the feed. Qt-free: each CAD acts on the rules' answer
its own way (the shell on its next pass of the Qt loop, the headless CAD in an asyncio task).
"""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path

from app.host.context import ExperienceContext
from cad.feed.control import FeedControl
from cad.feed.han_facts import SiteIds, signal_from
from cad.log.logger import CadLogger
from cad.meters import electricity_meter
from cad.pairing_memory import PairingMemory
from cad.view_models.pairing import PairingFlow
from han.model import ModelChange


class Turn(Enum):
    """What a change in the model means for the pairing."""

    NONE = auto()
    PAIRED = auto()
    """Readings arrive though the CAD is not paired: the hub already has it in its device log."""
    HUB_REPLACED = auto()
    """The hub heard is not the one paired with: the pairing is forgotten, the CAD unpaired."""


class CadPairing:
    """The pairing flow and what follows a pairing: the feed and its meters' site ids."""

    def __init__(self, context: ExperienceContext, memory: PairingMemory | None = None) -> None:
        self.context = context
        self.flow = PairingFlow(context, memory, now=context.now)
        self.site_ids = SiteIds()
        self.feed_control = FeedControl(
            context.model,
            lambda: self.flow.display_ieee.replace(":", "").upper(),
            now=context.now,
            signal=signal_from(context.devices),
            site_ids=self.site_ids,
        )

    def turn(self, change: ModelChange, *, paired: bool) -> Turn:
        """Called on every model change, ``paired`` as the CAD is now."""
        if paired:
            if self.context.han_access is not None:
                self.site_ids.learn(self.context.han_access.links())
            return Turn.HUB_REPLACED if self.flow.check_hub() else Turn.NONE
        if (
            change.meter is not None
            and self.flow.notice is None
            and electricity_meter(self.context.model) is not None
        ):
            # Readings arrive: the hub already has this CAD in its device log (an installer or
            # the supplier put it there), so it is paired. (Not after an unpairing or a hub
            # swap: then the person pairs again, explicitly.)
            self.flow.installed()
            return Turn.PAIRED
        return Turn.NONE

    def logger(self, db_path: Path) -> CadLogger | None:
        """The log a paired CAD keeps (not started); None with no HAN to read the meters on."""
        access = self.context.han_access
        if access is None:
            return None
        return CadLogger(db_path, self.context.model, access.links, now=self.context.now)

    def now_paired(self) -> None:
        """Paired, its logger under way: the feed starts and the hub heard is checked."""
        self.feed_control.start()
        self.flow.check_hub()

    def now_unpaired(self) -> None:
        self.feed_control.stop()

    def close(self) -> None:
        """The feed says ``offline``; the site ids are asked for no more."""
        self.feed_control.stop()
        self.site_ids.cancel()
