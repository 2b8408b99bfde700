"""The kiosk's PIN: a few digits typed on the keypad, stored only as a salted scrypt hash.

A PIN of 4 to 8 digits is weak against someone holding the settings file, so the hash is slow on
purpose (scrypt, 16 MiB of memory per try) and the file is written for its owner only; on the
screen, wrong tries are limited by the PIN dialog.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

MIN_DIGITS: Final = 4
MAX_DIGITS: Final = 8
_N, _R, _P, _LENGTH = 2**14, 8, 1, 32
_SCHEME: Final = "scrypt"


class PinError(ValueError):
    """A PIN (or a stored hash) that cannot be used; the message says why."""


def check_pin(pin: str) -> str:
    if not pin.isascii() or not pin.isdigit():
        raise PinError("the PIN must be digits only (it is typed on a number keypad)")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinError(f"the PIN must have {MIN_DIGITS} to {MAX_DIGITS} digits")
    return pin


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=_LENGTH, maxmem=64 << 20)


def hash_pin(pin: str) -> str:
    """``scrypt$N$r$p$salt$hash`` (hex) for a valid PIN."""
    salt = secrets.token_bytes(16)
    digest = _derive(check_pin(pin), salt, _N, _R, _P)
    return f"{_SCHEME}${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_hash(stored: str) -> str:
    """The stored form, if it is one ``verify_pin`` can use; PinError otherwise."""
    parts = stored.split("$")
    try:
        scheme, n, r, p, salt, digest = parts
        numbers = int(n), int(r), int(p)
        bytes.fromhex(salt), bytes.fromhex(digest)
    except ValueError:
        raise PinError("not a PIN hash written by python -m app kiosk-pin") from None
    if scheme != _SCHEME or not all(0 < number <= 2**20 for number in numbers):
        raise PinError("not a PIN hash written by python -m app kiosk-pin")
    return stored


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one hashed into ``stored`` (compared in constant time)."""
    _scheme, n, r, p, salt, digest = check_hash(stored).split("$")
    if not pin.isdigit():
        return False
    attempt = _derive(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    return hmac.compare_digest(attempt, bytes.fromhex(digest))
