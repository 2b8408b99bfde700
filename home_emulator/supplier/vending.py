"""Vending for emulated homes: codes signed with the emulated supplier's key for a home's meter,
numbered from a ledger so every code is new (a meter refuses a counter it has seen).

A home is named by its scenario; every emulated meter – the ESME and the GSME – derives its keys from
its own EUI-64 (see ``esme.default_keys``), and each keeps its own counters, so the ledger numbers
codes per home and meter. The ledger is a small JSON file, rewritten atomically.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import platformdirs

from han.formats.utrn import encode_utrn
from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, default_keys, supplier_key
from home_emulator.home import ESME_IEEE, GSME_IEEE
from home_emulator.scenario.model import available_scenarios, load_named


def default_ledger() -> Path:
    return Path(platformdirs.user_data_dir("smets-consumer-suite")) / "vending-counters.json"


def next_counter_step(ledger: Path, home: str) -> int:
    """The next counter (in steps of 2**32) for ``home``, recorded before the code is printed."""
    counters: dict[str, int] = {}
    if ledger.exists():
        try:
            counters = json.loads(ledger.read_text())
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise ValueError(f"{ledger} is not a vending ledger ({error}); move it aside") from None
    step = int(counters.get(home, 0)) + 1
    counters[home] = step
    ledger.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=ledger.parent, prefix=".vending-")
    with os.fdopen(handle, "w") as file:
        json.dump(counters, file, indent=1, sort_keys=True)
    os.replace(temporary, ledger)
    return step


METERS = {"electricity": ESME_IEEE, "gas": GSME_IEEE}
"""Which emulated meter a fuel's codes are for."""


def vend_for_home(
    home: str,
    *,
    pennies: int | None,
    pounds: int | None,
    ledger: str | Path | None = None,
    fuel: str = "electricity",
) -> str:
    if home not in available_scenarios():
        known = ", ".join(available_scenarios())
        raise ValueError(f"no emulated home called {home!r} (known: {known})")
    if fuel not in METERS:
        raise ValueError(f"--fuel must be electricity or gas, not {fuel!r}")
    if fuel == "gas" and load_named(home).gas is None:
        raise ValueError(f"the home {home!r} has no gas meter")
    keys = default_keys(METERS[fuel])
    # Electricity keeps the ledger entry it always had; gas counts on its own.
    entry = home if fuel == "electricity" else f"{home} ({fuel})"
    step = next_counter_step(Path(ledger) if ledger else default_ledger(), entry)
    return encode_utrn(
        supplier_private_key=supplier_key(),
        meter_public_key=keys.meter_private_key.public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=keys.target,
        counter=step << 32,
        pennies=pennies,
        pounds=pounds,
    )
