"""A display proves who it is to a served home the way ZigBee does: by holding the link key that
the hub derives from the display's install code (ZigBee's MMO hash, as zigpy computes it).

The home sends a fresh nonce on every connection; the display answers with an HMAC of the nonce
and its EUI-64 under that key. The key itself never crosses the wire, a proof is good for one
connection only, and a display that claims another's EUI-64 cannot answer for it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import zigpy.types as t
from zigpy.util import convert_install_code

from home_emulator.air.wire import NONCE_BYTES

_CONTEXT = b"SEAIR display proof"


def link_key(install_code: bytes) -> bytes:
    """The pre-configured link key a hub derives from a device's install code (ZigBee 3.0)."""
    return bytes(convert_install_code(install_code))


def new_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


def proof(install_code: bytes, nonce: bytes, ieee: t.EUI64) -> bytes:
    """What the display sends: it holds the install code (so the key), the home knows both."""
    return hmac.new(
        link_key(install_code), _CONTEXT + nonce + ieee.serialize(), hashlib.sha256
    ).digest()


def proves(mac: bytes, install_code: bytes, nonce: bytes, ieee: t.EUI64) -> bool:
    return hmac.compare_digest(mac, proof(install_code, nonce, ieee))
