"""The HAN sources a display can be given, by name, and their one check.

The command line and the kiosk's settings both check a source with :func:`check_source`, before
any window or radio is touched. Light on purpose: standard library only (with the emulator's
names and the Glow feed's address, which are too), and the radio libraries only when a radio is
named.
"""

from __future__ import annotations

from typing import Final

from app.connection.glow_address import FORM as GLOW_SOURCE
from app.connection.glow_address import is_glow, parse_glow
from home_emulator.api.names import SCHEME, parse_address

EMULATOR: Final = "emulator"
SOURCES: Final = (EMULATOR,)
REMOTE_SOURCE: Final = f"{SCHEME}://HOST:PORT"
"""Besides SOURCES: a home served by ``python -m home_emulator serve``."""
AUTO: Final = "auto"
RADIO_SOURCES: Final = ("RADIO:PATH", AUTO)
"""A real coordinator: RADIO one of ezsp, znp, deconz, xbee, zigate; or ``auto`` to find it."""
FEED_SOURCES: Final = (GLOW_SOURCE,)
"""A Glow display's or CAD's local MQTT feed (``glow_address``: TLS as ``glows://``)."""


def is_remote(name: str) -> bool:
    """A served home, reached over TCP."""
    return name.startswith(f"{SCHEME}://")


def is_radio(name: str) -> bool:
    """A real coordinator (``RADIO:PATH``), or ``auto`` to find one among the USB serial ports."""
    return name == AUTO or (":" in name and not is_remote(name) and not is_glow(name))


def check_source(text: str) -> str:
    """A HAN source as the command line and the kiosk's settings take it; ValueError with a
    one-line reason if not."""
    if text in SOURCES:
        return text
    if is_remote(text):
        parse_address(text)
        return text
    if is_glow(text):
        parse_glow(text)
        return text
    if text == AUTO:
        return text
    if ":" in text:
        from han.radio.libraries import RadioError, parse_radio  # only when asked: it loads zigpy

        try:
            parse_radio(text)
        except RadioError as error:
            raise ValueError(str(error)) from None
        return text
    choices = ", ".join([*SOURCES, REMOTE_SOURCE, *RADIO_SOURCES, *FEED_SOURCES])
    raise ValueError(f"invalid choice: {text!r} (choose from {choices})")
