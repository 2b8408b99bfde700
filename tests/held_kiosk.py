"""A display run as a kiosk on a clock the test holds: the seconds it counts idle time by and the
local time of day that tells night from day move only when the test moves them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.host.window import HostWindow
from app.kiosk.backlight import Backlight
from app.kiosk.kiosk import Kiosk
from app.kiosk.kiosk_settings import KioskSettings
from app.kiosk.pin import hash_pin
from app.kiosk.speaking import SpeakingDisplay
from app.settings.display_settings import DisplaySettings
from han.model import HomeModel

NIGHT_START = "23:00"
DAY = datetime(2026, 11, 21, 14, 0)
NIGHT = datetime(2026, 11, 21, 23, 30)
SMALL_HOURS = datetime(2026, 11, 21, 2, 0)
DIM_AFTER_S = 60


@dataclass
class KioskClock:
    seconds: float = 1000.0
    local: datetime = field(default=DAY)


@contextmanager
def kiosk_around(
    shell: QWidget,
    title: str,
    model: HomeModel,
    settings: DisplaySettings,
    *,
    qtbot: QtBot,
    folder: Path,
    clock: KioskClock,
    mode: str = "ihd",
) -> Iterator[Kiosk]:
    """``shell`` in its window, run as a kiosk (started) until the block ends, then closed."""
    window = HostWindow(title, shell, (800, 480), settings)
    qtbot.addWidget(window)
    chosen = KioskSettings(
        mode=mode, pin_hash=hash_pin("4711"), dim_after_s=DIM_AFTER_S, night_start=NIGHT_START
    )
    kiosk = Kiosk(
        window,
        model,
        settings,
        chosen,
        backlight=Backlight(folder / "no-backlight"),
        monotonic=lambda: clock.seconds,
        local_now=lambda: clock.local,
        settings_path=folder / "settings.toml",
        speaking=shell if isinstance(shell, SpeakingDisplay) else None,  # as the app does
    )
    kiosk.start()
    try:
        yield kiosk
    finally:
        kiosk.leaving = True
        kiosk.stop()
        shell.close()
        window.close()


def night_falls(kiosk: Kiosk, clock: KioskClock) -> None:
    """Idle past the dimming, in the small hours: the kiosk's screen goes blank."""
    clock.local, clock.seconds = SMALL_HOURS, clock.seconds + 2 * DIM_AFTER_S
    kiosk._tick()
