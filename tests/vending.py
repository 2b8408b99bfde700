"""Codes the emulated supplier would sell for an emulated home's electricity meter, for tests.

Counter ``step`` << 32, as a supplier's vending counter moves; signed with the emulated supplier's
key, so the meter accepts them as genuine."""

from __future__ import annotations

from han.formats.utrn import encode_utrn
from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, supplier_key
from home_emulator.home import EmulatedHome


def vend(
    home: EmulatedHome, step: int, *, pounds: int | None = None, pennies: int | None = None
) -> str:
    keys = home.esme.keys
    return encode_utrn(
        supplier_private_key=supplier_key(),
        meter_public_key=keys.meter_private_key.public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=keys.target,
        counter=step << 32,
        pounds=pounds,
        pennies=pennies,
    )
