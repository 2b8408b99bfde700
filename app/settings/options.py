"""What the user asked for on the command line, validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from app.kiosk.kiosk_settings import KioskSettings
from app.settings.display_settings import LANGUAGE_CODES, THEME_NAMES, SoundMode, SpeechSettings

MODES: Final = ("ihd", "ppmid", "cad")
OPERATOR_MODE: Final = "operator"
"""The usability-trial console (``app/trial_ui/``), not a device."""
DEFAULT_SCENARIOS: Final = {"ppmid": "pensioner-prepay"}
"""A PPMID has nothing to show on a credit-mode home: by default it gets a prepayment one."""
THEMES: Final = THEME_NAMES
LANGUAGES: Final = LANGUAGE_CODES


@dataclass(frozen=True)
class Options:
    mode: str = "ihd"
    source: str = "emulator"
    speed: float = 1.0
    seed: int = 1
    screenshot: Path | None = None
    quit_after_s: float | None = None
    size: tuple[int, int] = (800, 480)
    verbose: bool = False
    theme: str = "standard"
    language: str = "en"
    sound: SoundMode = SoundMode.OFF
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    """How the display speaks: a kiosk's kept settings, else the defaults."""
    baudrate: int | None = None
    flow_control: str | None = None
    scenario: str | None = None
    """The emulated home's scenario (name or .toml); None: the mode's usual home."""
    display_ieee: str | None = None
    """This display's EUI-64 on a served home (None: the one the home's device log starts with)."""
    install_code: bytes | None = None
    """The install code this display proves its identity with to a served home (None: the code
    printed on its label)."""
    kiosk: KioskSettings | None = None
    """Run as an appliance with these settings (fullscreen, no way out but the corner press and
    the PIN); None on a desktop."""
    trial_db: Path | None = None
    """A usability trial's record this display writes to (with ``participant``), or None."""
    participant: str | None = None
    study: str | None = None
    """``--mode operator``: the study file the console runs."""
    headless: bool = False
    """Run the experience's service with no window (a CAD on a home server), until SIGTERM."""
    pair: str | None = None
    """``--headless``: how a device that pairs itself pairs if it is not paired yet:
    ``passkey:DIGITS`` or ``supplier``; None: it waits to be admitted."""
    status_file: Path | None = None
    """``--headless``: where the service writes its status (None: the experience's own place)."""
