"""Whether a meter accepts a top-up code: the meter-side UTRN rules of GBCS.

The code must be genuine for this meter (check digit and MAC – both reported only as "invalid", so a
guesser learns nothing, and a code vended for another meter is "invalid", never "already used"),
not already used (a cache of the last 100 counters; once the cache is full, a counter not above its
lowest is refused too, since it may have been used and forgotten – docs/prepayment-rules.md), within
the largest single top-up and the maximum credit, and in whole pounds on a SMETS1-mode meter. After 5 invalid
codes within 10 minutes the keypad locks for an hour (one real meter's figures; configurable).
"""

from __future__ import annotations

import enum
import hashlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the key-agreement library and the UTRN codec load with the first code
    from cryptography.hazmat.primitives.asymmetric import ec

COUNTER_CACHE = 100


class TopUpResult(enum.IntEnum):
    """ConsumerTopUpResponse result types (ZSE)."""

    ACCEPTED = 0x00
    INVALID = 0x01
    DUPLICATE = 0x02
    ERROR = 0x03
    MAX_CREDIT_REACHED = 0x04
    KEYPAD_LOCKED = 0x05
    TOO_LARGE = 0x06
    NOT_WHOLE_POUNDS = 0x07
    """SMETS1-mode meters take only whole pounds (GB-specific; ZSE has no code for it)."""


@dataclass(frozen=True)
class MeterKeys:
    """What a meter needs to check codes: its own key-agreement key and its supplier's."""

    meter_private_key: ec.EllipticCurvePrivateKey
    supplier_public_key: ec.EllipticCurvePublicKey
    originator: bytes
    """The supplier's 8-byte identity (GBCS originator)."""
    target: bytes
    """The meter's EUI-64 (GBCS target)."""


def derived_key(*parts: str) -> ec.EllipticCurvePrivateKey:
    """A P-256 key derived from names: an emulated home gets the same keys every time it is built,
    so a vending tool can sign codes for it without a key store."""
    from cryptography.hazmat.primitives.asymmetric import ec

    seed = hashlib.sha256("/".join(parts).encode()).digest()
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    return ec.derive_private_key(int.from_bytes(seed, "big") % (order - 1) + 1, ec.SECP256R1())


@dataclass(frozen=True)
class Lockout:
    invalid_codes: int = 5
    within_s: float = 600
    locked_for_s: float = 3600


@dataclass(frozen=True)
class GateAnswer:
    result: TopUpResult
    pennies: int = 0
    locked_until_s: float | None = None


class TopUpGate:
    """A meter's keypad gate. Its keys are asked for when the first code is checked: a meter that
    is only read (every start of a display) never loads the key-agreement library for them."""

    def __init__(
        self,
        keys: Callable[[], MeterKeys],
        *,
        lockout: Lockout | None = None,
        smets1: bool = False,
    ) -> None:
        self._keys = keys
        self.lockout = lockout or Lockout()
        self.smets1 = smets1
        self.counters: deque[int] = deque(maxlen=COUNTER_CACHE)
        self.invalid_at: deque[float] = deque()
        self.locked_until_s: float | None = None

    def check(self, code: str, now_s: float, *, room: int, max_per_top_up: int) -> GateAnswer:
        """Judge a code; ``room`` is how much more credit the meter can hold (pence)."""
        if self.locked_until_s is not None:
            if now_s < self.locked_until_s:
                return GateAnswer(TopUpResult.KEYPAD_LOCKED, locked_until_s=self.locked_until_s)
            self.locked_until_s = None
        from han.formats.utrn import InvalidUtrn, authenticate_utrn

        keys = self._keys()
        try:
            top_up = authenticate_utrn(
                code,
                meter_private_key=keys.meter_private_key,
                supplier_public_key=keys.supplier_public_key,
                originator=keys.originator,
                target=keys.target,
                highest_seen=max(self.counters, default=0),
            )
        except InvalidUtrn:
            return self._invalid(now_s)
        # Only after the MAC: a code for another meter is "invalid", whatever its counter.
        if top_up.counter in self.counters or self._older_than_the_cache(top_up.counter):
            return GateAnswer(TopUpResult.DUPLICATE)
        pennies = top_up.value.pennies
        if self.smets1 and top_up.value.unit != "pounds" and pennies % 100:
            return GateAnswer(TopUpResult.NOT_WHOLE_POUNDS)
        if pennies > max_per_top_up:
            return GateAnswer(TopUpResult.TOO_LARGE)
        if pennies > room:
            return GateAnswer(TopUpResult.MAX_CREDIT_REACHED)
        self.counters.append(top_up.counter)
        return GateAnswer(TopUpResult.ACCEPTED, pennies)

    def _older_than_the_cache(self, counter: int) -> bool:
        """A full cache has forgotten counters below its lowest: such a code may have been used,
        so it is refused (else a code is credited again once 100 newer ones were used)."""
        return len(self.counters) == COUNTER_CACHE and counter <= min(self.counters)

    def _invalid(self, now_s: float) -> GateAnswer:
        self.invalid_at.append(now_s)
        while self.invalid_at and self.invalid_at[0] <= now_s - self.lockout.within_s:
            self.invalid_at.popleft()
        if len(self.invalid_at) >= self.lockout.invalid_codes:
            self.invalid_at.clear()
            self.locked_until_s = now_s + self.lockout.locked_for_s
            return GateAnswer(TopUpResult.INVALID, locked_until_s=self.locked_until_s)
        return GateAnswer(TopUpResult.INVALID)
