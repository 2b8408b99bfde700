"""What a kiosk's owner sets: the device and source it shows, the PIN, brightness, when it dims
and when it sleeps at night. Checked as a whole before it is used or written.

Qt-free; kept in ``settings.toml`` by ``app/settings/store.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any, Final

from app.connection.source_names import check_source
from app.kiosk.pin import PinError, check_hash

MODES: Final = ("ihd", "ppmid")
"""The touch devices a kiosk can be (the CAD is a logger, not a wall display)."""
MIN_BRIGHTNESS, MAX_BRIGHTNESS = 10, 100
"""Never fully dark while awake: a person must see that the display is on."""
MIN_DIM_AFTER_S, MAX_DIM_AFTER_S = 15, 3600
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class SettingsError(ValueError):
    """A setting that cannot be used: ``key`` names it, the message says what is wanted."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key} {problem}")
        self.key = key


@dataclass(frozen=True)
class KioskSettings:
    mode: str = "ihd"
    source: str = "emulator"
    """``emulator``, ``tcp://HOST:PORT`` or ``RADIO:PATH``, as on the command line."""
    pin_hash: str = ""
    """Empty until ``python -m app kiosk-pin`` sets one; kiosk mode will not start without it."""
    brightness_percent: int = 100
    dim_after_s: int = 120
    """Inactivity before the ambient view (dimmed) takes over."""
    night_start: str = "23:00"
    night_end: str = "06:00"
    """The screen is blank between these (local time); equal times mean no night at all."""

    def checked(self) -> KioskSettings:
        if self.mode not in MODES:
            raise SettingsError("kiosk.mode", f"must be one of {', '.join(MODES)}")
        _check_source(self.source)
        if self.pin_hash:
            try:
                check_hash(self.pin_hash)
            except PinError as error:
                raise SettingsError("kiosk.pin_hash", f"is {error}") from None
        if not MIN_BRIGHTNESS <= self.brightness_percent <= MAX_BRIGHTNESS:
            raise SettingsError(
                "kiosk.brightness_percent", f"must be {MIN_BRIGHTNESS} to {MAX_BRIGHTNESS}"
            )
        if not MIN_DIM_AFTER_S <= self.dim_after_s <= MAX_DIM_AFTER_S:
            raise SettingsError(
                "kiosk.dim_after_s", f"must be {MIN_DIM_AFTER_S} to {MAX_DIM_AFTER_S} seconds"
            )
        parse_clock(self.night_start, "kiosk.night_start")
        parse_clock(self.night_end, "kiosk.night_end")
        return self

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)

    def as_table(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "source": self.source,
            "pin_hash": self.pin_hash,
            "brightness_percent": self.brightness_percent,
            "dim_after_s": self.dim_after_s,
            "night_start": self.night_start,
            "night_end": self.night_end,
        }


def parse_clock(text: str, key: str = "time") -> time:
    found = _CLOCK.match(text)
    if found is None:
        raise SettingsError(key, f"must be a 24-hour time such as 23:00, not {text!r}")
    return time(int(found.group(1)), int(found.group(2)))


def _check_source(source: str) -> None:
    try:
        check_source(source)  # the command line's own rules, one place
    except ValueError as error:
        raise SettingsError("kiosk.source", str(error)) from None


def kiosk_from_table(table: dict[str, Any]) -> KioskSettings:
    defaults = KioskSettings()
    values: dict[str, Any] = {}
    for key, default in defaults.as_table().items():
        value = table.get(key, default)
        if type(value) is not type(default):
            wanted = "a whole number" if isinstance(default, int) else "text in quotes"
            raise SettingsError(f"kiosk.{key}", f"must be {wanted}")
        values[key] = value
    unknown = sorted(set(table) - set(values))
    if unknown:
        raise SettingsError(f"kiosk.{unknown[0]}", "is not a kiosk setting")
    return KioskSettings(**values).checked()
