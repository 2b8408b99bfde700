"""The GBCS UTRN: the 20-digit prepayment top-up code a consumer types into a meter, IHD or PPMID.

A UTRN (GBCS §14) carries a 64-bit PTUT made decimal-friendly: PPTD = PTUT + a fixed offset gives 19
digits, and a Verhoeff-style check digit catches typing slips before any cryptography runs. The PTUT
packs an anti-replay counter fragment, the amount and a 32-bit MAC, so a code is bound to one
supplier (originator), one meter (target) and one originator counter:

    bits 63–57  zero (token class 5, subclass 0)
    bits 56–47  bits 41–32 of the supplier's originator counter
    bits 46–45  value class: 00 pennies, 01 whole pounds
    bits 44–32  value, 0–8191
    bits 31–0   last 4 bytes of an AES-128-GCM tag over the header (empty plaintext)

The supplier computes the MAC key from its prepayment key-agreement private key and the meter's
key-agreement public key; the meter gets the same key from its own private key and the supplier's
public key (ECDH on P-256). This module is pure: keys and text come in, digits or verdicts go out.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PPTD_OFFSET = 7_394_156_990_786_306_048
"""Moves the PTUT into the decimal space of token class 5, clear of STS vend codes (classes 0–3)."""

UTRN_DIGITS = 20
MAX_VALUE = (1 << 13) - 1
COUNTER_STEP = 1 << 32
"""UTRNs count in the top 32 bits of the originator counter; a meter rebuilds bits 31–0 as 0."""

_PTUT_LIMIT = 1 << 57  # bits 63–57 must be zero
_TRUNCATED_COUNTER_BITS = 10
_KDF_ALGORITHM_ID = bytes.fromhex("60857406080300")  # OtherInfo AlgorithmID (GBCS key derivation)

# Check-digit tables of GBCS §14.8: the dihedral group D5, its position permutations, and an
# inverse table that differs from textbook Verhoeff (so the textbook algorithm gives wrong digits).
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
_VERHOEFF_INV = (1, 2, 6, 7, 5, 8, 3, 0, 9, 4)
_VERHOEFF_FIRST_ROW = 4


class InvalidUtrn(ValueError):
    """The code cannot be accepted. Consumers see one message ("Invalid code") for every cause."""


class MalformedUtrn(InvalidUtrn):
    """Not 20 digits, or digits that cannot be a GBCS top-up token."""


class CheckDigitMismatch(InvalidUtrn):
    """A typing slip: the 20th digit does not match the first 19."""


class MacMismatch(InvalidUtrn):
    """Well-formed, but not issued by this supplier for this meter and this counter."""


@dataclass(frozen=True)
class TopUpValue:
    amount: int
    unit: Literal["pennies", "pounds"]

    @property
    def pennies(self) -> int:
        return self.amount * 100 if self.unit == "pounds" else self.amount


@dataclass(frozen=True)
class ParsedUtrn:
    """What a UTRN says before its MAC is checked; nothing here is trustworthy yet."""

    utrn: str
    ptut: int
    truncated_counter: int
    value: TopUpValue
    mac: bytes


@dataclass(frozen=True)
class AuthenticatedTopUp:
    """A UTRN whose MAC verified: the credit to add and the counter to record against replay."""

    utrn: str
    value: TopUpValue
    counter: int


def check_digit(digits19: str) -> int:
    """The 20th digit of a UTRN, computed from the 19-digit PPTD (GBCS §14.8 tables)."""
    if len(digits19) != UTRN_DIGITS - 1 or not digits19.isascii() or not digits19.isdigit():
        raise ValueError(f"a check digit needs exactly 19 digits, got {digits19!r}")
    row, accumulator = _VERHOEFF_FIRST_ROW, 0
    for digit in digits19:
        accumulator = _VERHOEFF_D[accumulator][_VERHOEFF_P[row][int(digit)]]
        row = (row + 1) % len(_VERHOEFF_P)
    return _VERHOEFF_INV[accumulator]


def encode_utrn(
    *,
    supplier_private_key: ec.EllipticCurvePrivateKey,
    meter_public_key: ec.EllipticCurvePublicKey,
    originator: bytes,
    target: bytes,
    counter: int,
    pennies: int | None = None,
    pounds: int | None = None,
) -> str:
    """Vend a top-up: give exactly one of `pennies` or `pounds` (each 0–8191)."""
    value = _top_up_value(pennies, pounds)
    _check_identity("originator", originator)
    _check_identity("target", target)
    if not 0 <= counter < 1 << 64 or counter % COUNTER_STEP:
        raise ValueError(
            f"counter must be a multiple of 2**32 below 2**64 (a meter rebuilds it that way), "
            f"got {counter:#x}"
        )
    value_class = 1 if value.unit == "pounds" else 0
    truncated = (counter >> 32) & ((1 << _TRUNCATED_COUNTER_BITS) - 1)
    header = (truncated << 15) | (value_class << 13) | value.amount
    key = _mac_key(supplier_private_key, meter_public_key, originator, target, counter)
    mac = _mac(key, originator, target, counter, header)
    pptd = str(((header << 32) | int.from_bytes(mac, "big")) + PPTD_OFFSET)
    return pptd + str(check_digit(pptd))


def parse_utrn(text: str) -> ParsedUtrn:
    """Read a typed code; spaces and dashes (as printed on receipts) are ignored."""
    utrn = "".join(character for character in text if character not in " -")
    if len(utrn) != UTRN_DIGITS or not utrn.isascii() or not utrn.isdigit():
        raise MalformedUtrn(f"a top-up code has {UTRN_DIGITS} digits, got {text!r}")
    pptd, given_check = utrn[:-1], int(utrn[-1])
    if check_digit(pptd) != given_check:
        raise CheckDigitMismatch(f"top-up code {utrn} has a wrong check digit")
    ptut = int(pptd) - PPTD_OFFSET
    if not 0 <= ptut < _PTUT_LIMIT:
        raise MalformedUtrn(f"{utrn} is not a GBCS prepayment top-up code")
    header = ptut >> 32
    value_class = (header >> 13) & 0b11
    if value_class > 1:
        raise MalformedUtrn(f"{utrn} has an unknown value class {value_class}")
    return ParsedUtrn(
        utrn=utrn,
        ptut=ptut,
        truncated_counter=header >> 15,
        value=TopUpValue(header & MAX_VALUE, "pounds" if value_class else "pennies"),
        mac=(ptut & 0xFFFF_FFFF).to_bytes(4, "big"),
    )


def verify_utrn(
    parsed: ParsedUtrn,
    *,
    meter_private_key: ec.EllipticCurvePrivateKey,
    supplier_public_key: ec.EllipticCurvePublicKey,
    originator: bytes,
    target: bytes,
    counter: int,
) -> bool:
    """Meter side: is the MAC right for this full counter? (Replay checks belong to the caller.)"""
    _check_identity("originator", originator)
    _check_identity("target", target)
    if (counter >> 32) & ((1 << _TRUNCATED_COUNTER_BITS) - 1) != parsed.truncated_counter:
        return False
    key = _mac_key(meter_private_key, supplier_public_key, originator, target, counter)
    expected = _mac(key, originator, target, counter, parsed.ptut >> 32)
    return hmac.compare_digest(expected, parsed.mac)  # no timing hints for someone guessing codes


def reconstruct_counter(truncated_bits: int, highest_seen: int) -> int:
    """The full originator counter a UTRN claims, from its 10 bits and the meter's counter cache.

    GBCS (worked example "Derivation of the UTRN Counter from the PTUT Truncated UTRN Counter")
    picks the counter whose bits 41–32 match and which lies within ±512 steps of 2**32 of the
    highest counter in the cache, not merely the next one above it: codes vended together may be
    typed in any order, and re-typing an accepted code rebuilds the same counter, so the caller's
    cache can answer "credit already used" instead of "invalid code". Bits 31–0 are rebuilt as zero.
    A fresh meter (highest_seen 0) has nothing below 0, so it takes the bits as they are.
    """
    window = 1 << _TRUNCATED_COUNTER_BITS
    if not 0 <= truncated_bits < window:
        raise ValueError(f"truncated counter must be 0–{window - 1}, got {truncated_bits}")
    if not 0 <= highest_seen < 1 << 64:
        raise ValueError(f"highest counter seen must be a 64-bit counter, got {highest_seen:#x}")
    highest_step = highest_seen >> 32
    candidate = highest_step - highest_step % window + truncated_bits
    if candidate < highest_step - window // 2:
        candidate += window
    elif candidate > highest_step + window // 2:
        candidate -= window
    if candidate < 0:
        candidate += window
    elif candidate >= COUNTER_STEP:
        candidate -= window
    return candidate << 32


def authenticate_utrn(
    text: str,
    *,
    meter_private_key: ec.EllipticCurvePrivateKey,
    supplier_public_key: ec.EllipticCurvePublicKey,
    originator: bytes,
    target: bytes,
    highest_seen: int,
) -> AuthenticatedTopUp:
    """The whole meter-side check in one call; any failure raises an `InvalidUtrn` subclass."""
    parsed = parse_utrn(text)
    counter = reconstruct_counter(parsed.truncated_counter, highest_seen)
    if not verify_utrn(
        parsed,
        meter_private_key=meter_private_key,
        supplier_public_key=supplier_public_key,
        originator=originator,
        target=target,
        counter=counter,
    ):
        raise MacMismatch(f"top-up code {parsed.utrn} is not valid for this meter")
    return AuthenticatedTopUp(parsed.utrn, parsed.value, counter)


def load_private_key(path: Path | str) -> ec.EllipticCurvePrivateKey:
    """A P-256 private key: PEM or DER (PKCS#8 or SEC1), or the bare 32-byte scalar in hex."""
    data = Path(path).read_bytes()
    try:
        if b"-----BEGIN" in data:
            key: object = serialization.load_pem_private_key(data, password=None)
        elif _is_hex(data):
            scalar = int(data.decode("ascii").strip(), 16)
            key = ec.derive_private_key(scalar, ec.SECP256R1())
        else:
            key = serialization.load_der_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise ValueError(f"{path}: not a readable unencrypted private key ({error})") from error
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise ValueError(f"{path}: not a P-256 (secp256r1) private key")
    return key


def load_public_key(path: Path | str) -> ec.EllipticCurvePublicKey:
    """A P-256 public key from an X.509 certificate or a public key, PEM or DER, or a hex point.

    Certificate validity and chains are not checked: that is the trust anchors' job, and the DCC
    test certificates used for trials have expired.
    """
    data = Path(path).read_bytes()
    try:
        key: object
        if b"-----BEGIN CERTIFICATE-----" in data:
            from cryptography import x509  # certificates only: not on every start

            key = x509.load_pem_x509_certificate(data).public_key()
        elif b"-----BEGIN" in data:
            key = serialization.load_pem_public_key(data)
        elif _is_hex(data):
            point = bytes.fromhex(data.decode("ascii").strip())
            key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
        else:
            key = _load_der_public_key_or_certificate(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise ValueError(f"{path}: not a readable public key or certificate ({error})") from error
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
        raise ValueError(f"{path}: not a P-256 (secp256r1) public key")
    return key


def _load_der_public_key_or_certificate(data: bytes) -> object:
    from cryptography import x509  # certificates only: not on every start

    try:
        return x509.load_der_x509_certificate(data).public_key()
    except ValueError:
        return serialization.load_der_public_key(data)


def _is_hex(data: bytes) -> bool:
    text = data.strip()
    return bool(text) and all(byte in b"0123456789abcdefABCDEF" for byte in text)


def _top_up_value(pennies: int | None, pounds: int | None) -> TopUpValue:
    if pennies is not None and pounds is None:
        value = TopUpValue(pennies, "pennies")
    elif pounds is not None and pennies is None:
        value = TopUpValue(pounds, "pounds")
    else:
        raise ValueError("give the top-up amount either in pennies or in pounds, not both")
    if not 0 <= value.amount <= MAX_VALUE:
        raise ValueError(
            f"a UTRN carries 0–{MAX_VALUE} {value.unit}; {value.amount} {value.unit} does not fit"
        )
    return value


def _check_identity(name: str, identity: bytes) -> None:
    if len(identity) != 8:
        raise ValueError(f"{name} must be an 8-byte EUI-64, got {len(identity)} bytes")


def _mac_key(
    own_private_key: ec.EllipticCurvePrivateKey,
    peer_public_key: ec.EllipticCurvePublicKey,
    originator: bytes,
    target: bytes,
    counter: int,
) -> bytes:
    # One-step KDF (NIST SP 800-56A, SHA-256, a single round) with the counter in OtherInfo, so
    # every code gets a fresh AES key even though the ECDH pair never changes.
    shared_secret = own_private_key.exchange(ec.ECDH(), peer_public_key)
    other_info = _KDF_ALGORITHM_ID + originator + b"\x09\x01" + counter.to_bytes(8, "big") + target
    return hashlib.sha256(b"\x00\x00\x00\x01" + shared_secret + other_info).digest()[:16]


def _mac(key: bytes, originator: bytes, target: bytes, counter: int, header: int) -> bytes:
    # GMAC (GCM with no plaintext) over the GBCS security header and the PTUT's top 32 bits;
    # only the tag's last 4 bytes fit in the code.
    initialisation_vector = originator + bytes(4)
    associated_data = (
        b"\x11"
        + bytes(5)
        + originator
        + target
        + b"\x01"
        + counter.to_bytes(8, "big")
        + header.to_bytes(4, "big")
    )
    tag = AESGCM(key).encrypt(initialisation_vector, b"", associated_data)
    return tag[-4:]
