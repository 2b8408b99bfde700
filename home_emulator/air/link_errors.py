"""How a display's link to a served home fails. Apart from the link itself, so the virtual radio
can tell these failures without loading the served air's protocol, which a display on an air in
its own process (every start of the app on the embedded home) never speaks."""

from __future__ import annotations


class LinkRefused(PermissionError):
    """The home would not take this display (not in the device log, EUI-64 already attached…)."""


class LinkLost(ConnectionError):
    """The connection to the served home has gone."""
