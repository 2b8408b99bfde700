"""``python -m app kiosk-pin``: set the PIN that leaves kiosk mode (at install, or to change it).

Asks twice without echo, checks it (4 to 8 digits, the keypad has nothing else), and writes only
its salted hash into the display's settings file, atomically, keeping every other setting.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence

from app.kiosk.pin import MAX_DIGITS, MIN_DIGITS, PinError, check_pin, hash_pin
from app.settings import store as settings_store
from han.program_name import program_name

Ask = Callable[[str], str]


def main(argv: Sequence[str], ask: Ask = getpass.getpass) -> int:
    parser = argparse.ArgumentParser(
        prog=f"{program_name('app')} kiosk-pin",
        description=f"Set the PIN ({MIN_DIGITS} to {MAX_DIGITS} digits) that leaves kiosk mode "
        "and opens its settings. Only a salted hash of it is stored, in "
        f"{settings_store.default_path()}.",
    )
    parser.parse_args(argv)
    try:
        first = check_pin(ask(f"New kiosk PIN ({MIN_DIGITS}-{MAX_DIGITS} digits): ").strip())
        again = ask("The same PIN again: ").strip()
    except PinError as error:
        print(f"kiosk-pin: {error}; nothing was changed", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print("\nkiosk-pin: cancelled; nothing was changed", file=sys.stderr)
        return 1
    if again != first:
        print("kiosk-pin: the two PINs differ; nothing was changed", file=sys.stderr)
        return 2
    loaded = settings_store.load()
    if loaded.problem:
        print(f"kiosk-pin: {loaded.problem}", file=sys.stderr)
    try:
        path = settings_store.save(loaded.settings.with_kiosk(pin_hash=hash_pin(first)))
    except OSError as error:
        print(f"kiosk-pin: cannot write the settings: {error}", file=sys.stderr)
        return 1
    print(f"kiosk-pin: the PIN is set (its hash is in {path}). Start with python -m app --kiosk")
    return 0
