"""Reading a device's EUI-64 and install code as a person types them from its label.

Labels print them in many ways – with colons, dashes or spaces, upper or lower case – so those
separators are ignored; what is left must be hex digits of the right number and, for an install
code, the right check (the CRC-16 in its last two bytes). Errors say which and why, for the person.
"""

from __future__ import annotations

import hashlib
import string
from typing import Final

import zigpy.types as t
from crccheck.crc import CrcX25
from zigpy.util import convert_install_code

INSTALL_CODE_LENGTHS: Final = (8, 10, 14, 18)
"""Bytes, CRC included: 6-, 8-, 12- and 16-byte codes."""


def install_code_with_check(code: bytes) -> bytes:
    """The code followed by its check: CRC-16/X-25, low byte first – the form a label prints and
    ``zigpy.util.convert_install_code`` checks (with the same CRC class, so the two cannot drift)."""
    crc = CrcX25()
    crc.process(code)
    check: bytes = crc.finalbytes(byteorder="little")
    return code + check


class LabelError(ValueError):
    """Text that is not an EUI-64 or install code; ``field`` is "eui64" or "install_code",
    ``problem`` "length" (with ``digits``, how many hex digits there were) or "check" (the CRC), so
    a display can say it in its own language."""

    def __init__(self, field: str, problem: str, message: str, *, digits: int = 0) -> None:
        super().__init__(message)
        self.field = field
        self.problem = problem
        self.digits = digits


def _label_digits(text: str) -> tuple[str, bool]:
    """The hex digits typed, and whether nothing else was (besides spaces, ':' and '-')."""
    kept = "".join(ch for ch in text if not ch.isspace() and ch not in ":-")
    digits = "".join(ch for ch in kept if ch in string.hexdigits)
    return digits, digits == kept


def parse_eui64(text: str) -> t.EUI64:
    digits, clean = _label_digits(text)
    if not clean or len(digits) != 16:
        raise LabelError(
            "eui64",
            "length",
            f"an EUI-64 has 16 hex digits (this has {len(digits)})",
            digits=len(digits),
        )
    return t.EUI64.convert(":".join(digits[i : i + 2] for i in range(0, 16, 2)))


def parse_install_code(text: str) -> tuple[bytes, t.KeyData]:
    """The code's bytes and the link key it hashes to."""
    digits, clean = _label_digits(text)
    if not clean or len(digits) // 2 not in INSTALL_CODE_LENGTHS or len(digits) % 2:
        lengths = ", ".join(str(2 * n) for n in INSTALL_CODE_LENGTHS)
        raise LabelError(
            "install_code",
            "length",
            f"an install code has {lengths} hex digits (this has {len(digits)})",
            digits=len(digits),
        )
    code = bytes.fromhex(digits)
    try:
        return code, convert_install_code(code)
    except ValueError:
        raise LabelError(
            "install_code",
            "check",
            "the install code's check digits do not match: is a character mistyped?",
        ) from None


def printed_install_code(ieee: str) -> bytes:
    """The install code printed on an emulated display's label: 16 bytes and their CRC, stable for
    its EUI-64 (the display proves its identity with it; an installer types it into the hub)."""
    return install_code_with_check(hashlib.sha256(f"install code {ieee}".encode()).digest()[:16])
