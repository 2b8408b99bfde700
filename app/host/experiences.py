"""The experience registry: devices the host can show, found by entry point.

The host never imports ``ihd``, ``ppmid`` or ``cad``; each registers an ``Experience`` under the
``smets.experiences`` entry-point group, so a fourth device can be added without touching the host.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.host.context import ExperienceContext, HeadlessOrders, HeadlessService

ENTRY_POINT_GROUP: Final = "smets.experiences"


@dataclass(frozen=True)
class Experience:
    name: str
    title: str
    create_view: Callable[[ExperienceContext], QWidget]
    pairs_itself: bool = False
    """A CAD: starts outside the hub's device log and pairs (``ExperienceContext.han_access``)."""
    keeps_own_log: bool = False
    """A CAD: logs the meters into its own file, so the host starts no history recorder (which
    would read every profile from the meters a second time); ``ExperienceContext.history`` is None."""
    create_service: Callable[[ExperienceContext, HeadlessOrders], HeadlessService] | None = None
    """Its work with no window (``python -m app --headless``): a CAD logs and publishes its feed
    on a home server; None for a device that is nothing without its screen."""
    firmware_image_type: int | None = None
    """The OTA image type this device's firmware has: the hub may update it over the air (the
    session runs an OTA client for it); None for a device that takes no firmware from the HAN."""


class UnknownExperience(LookupError):
    pass


def available() -> dict[str, Experience]:
    found = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        experience = entry.load()
        if not isinstance(experience, Experience):
            raise TypeError(f"entry point {entry.name!r} does not name an Experience")
        found[experience.name] = experience
    return found


def load(name: str) -> Experience:
    experiences = available()
    if name not in experiences:
        known = ", ".join(sorted(experiences)) or "none installed"
        raise UnknownExperience(f"no experience called {name!r} (available: {known})")
    return experiences[name]
