"""An alarm is said even while the kiosk's screen is blank for the night: the PPMID's low credit."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.host.window import HostWindow
from app.kiosk.backlight import Backlight
from app.kiosk.kiosk import Kiosk
from app.kiosk.kiosk_settings import KioskSettings
from app.kiosk.pin import hash_pin
from app.kiosk.presence import Rest
from app.kiosk.speaking import SpeakingDisplay
from app.settings.display_settings import DisplaySettings, SoundMode
from han.clusters.prepayment import CreditStatus
from han.model import Field, Measured, ModelChange
from ppmid.shell import PpmidShell
from tests.ppmid.conftest import Kit


class Ears:
    speech_available = True

    def __init__(self) -> None:
        self.heard: list[str] = []

    def beep(self) -> None:
        self.heard.append("beep")

    def speak(self, text: str, language: str) -> None:
        self.heard.append(text)


def test_low_credit_is_said_at_night_on_a_blank_screen(
    qtbot: QtBot, kit: type[Kit], tmp_path: Path
) -> None:
    model, ears = kit.prepay_model("6.00"), Ears()
    settings = DisplaySettings(sound=SoundMode.SPEAK)
    shell = PpmidShell(ExperienceContext(model, settings=settings, sound=ears))
    window = HostWindow("PPMID", shell, (800, 480), settings)
    qtbot.addWidget(window)
    seconds = [1000.0]
    kiosk = Kiosk(
        window,
        model,
        settings,
        KioskSettings(mode="ppmid", pin_hash=hash_pin("4711"), dim_after_s=60),
        backlight=Backlight(tmp_path / "no-backlight"),
        monotonic=lambda: seconds[0],
        local_now=lambda: datetime(2026, 11, 21, 2, 0),
        settings_path=tmp_path / "settings.toml",
        speaking=shell if isinstance(shell, SpeakingDisplay) else None,  # as the app does
    )
    kiosk.start()
    try:
        seconds[0] += 120
        kiosk._tick()
        assert kiosk.presence.state is Rest.NIGHT
        credit = model.meter(kit.ESME).credit
        credit.flags = Measured(CreditStatus.LOW_CREDIT, kit.NOW)
        credit.balance_gbp = Measured(Decimal("1.20"), kit.NOW)
        model.announce(ModelChange(kit.ESME, frozenset({Field.CREDIT})))
        assert ears.heard == ["Your credit is low. Please top up soon."]
    finally:
        kiosk.leaving = True
        kiosk.stop()
        shell.close()
        window.close()
