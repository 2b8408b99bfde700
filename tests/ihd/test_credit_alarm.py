"""The IHD's own prepayment alarm: low credit, emergency credit and a supply off for want of credit
are each said once as they come (in Welsh too), announced to a screen reader, and said while a
kiosk's screen is blank for the night."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.host.window import HostWindow
from app.kiosk.backlight import Backlight
from app.kiosk.kiosk import Kiosk
from app.kiosk.kiosk_settings import KioskSettings
from app.kiosk.pin import hash_pin
from app.kiosk.presence import Rest
from app.settings.display_settings import DisplaySettings, SoundMode
from app.ui import i18n
from han.clusters.prepayment import CreditStatus, PrepaymentAlarm
from han.domain.credit import PaymentMode
from han.model import Field, HomeModel, Measured, ModelChange
from ihd.credit_alarm import CreditAlarm
from ihd.shell import IhdShell
from tests.ihd.conftest import ESME, NOW


class Ears:
    speech_available = True

    def __init__(self) -> None:
        self.heard: list[str] = []

    def beep(self) -> None:
        self.heard.append("beep")

    def speak(self, text: str, language: str) -> None:
        self.heard.append(text)


def _prepay_home() -> HomeModel:
    model = HomeModel()
    credit = model.meter(ESME).credit
    credit.mode = Measured(PaymentMode.PREPAYMENT, NOW)
    credit.balance_gbp = Measured(Decimal("6.00"), NOW)
    credit.flags = Measured(CreditStatus.CREDIT_OK, NOW)
    credit.alarms = Measured(PrepaymentAlarm(0), NOW)
    model.mark_connected()
    return model


def _credit(model: HomeModel, flags: CreditStatus) -> None:
    model.meter(ESME).credit.flags = Measured(flags, NOW)
    model.announce(ModelChange(ESME, frozenset({Field.CREDIT})))


def test_each_step_for_the_worse_is_said_once() -> None:
    model, ears = _prepay_home(), Ears()
    alarm = CreditAlarm(model, DisplaySettings(sound=SoundMode.SPEAK), ears)
    _credit(model, CreditStatus.LOW_CREDIT)
    _credit(model, CreditStatus.LOW_CREDIT)  # still low: not news
    _credit(model, CreditStatus.LOW_CREDIT | CreditStatus.EMERGENCY_CREDIT_IN_USE)
    _credit(model, CreditStatus.CREDIT_EXHAUSTED)
    _credit(model, CreditStatus.CREDIT_OK)  # topped up …
    _credit(model, CreditStatus.LOW_CREDIT)  # … and low again: said again
    alarm.close()
    assert ears.heard == [
        "Electricity credit is low. Please top up soon.",
        "Electricity is now using emergency credit. Please top up soon.",
        "Electricity credit has run out: the supply is off.",
        "Electricity credit is low. Please top up soon.",
    ]


@pytest.mark.parametrize(("mode", "heard"), [(SoundMode.BEEP, ["beep"]), (SoundMode.OFF, [])])
def test_without_speech_it_beeps_or_is_only_shown(mode: SoundMode, heard: list[str]) -> None:
    model, ears = _prepay_home(), Ears()
    alarm = CreditAlarm(model, DisplaySettings(sound=mode), ears)
    _credit(model, CreditStatus.LOW_CREDIT)
    alarm.close()
    assert ears.heard == heard


def test_the_shell_says_it_in_welsh_and_announces_it(qtbot: QtBot) -> None:
    model, ears = _prepay_home(), Ears()
    settings = DisplaySettings(sound=SoundMode.SPEAK, language="cy")
    i18n.use_language("cy")
    shell = IhdShell(ExperienceContext(model, now=lambda: NOW, settings=settings, sound=ears))
    qtbot.addWidget(shell)
    announced: list[str] = []
    shell.credit_alarm._on_alarm = announced.append
    _credit(model, CreditStatus.LOW_CREDIT)
    assert ears.heard == ["Mae credyd trydan yn isel. Ychwanegwch gredyd yn fuan."]
    assert announced == ears.heard
    shell.close()


def test_it_is_said_at_night_on_a_blank_screen(qtbot: QtBot, tmp_path: Path) -> None:
    model, ears = _prepay_home(), Ears()
    settings = DisplaySettings(sound=SoundMode.SPEAK)
    shell = IhdShell(ExperienceContext(model, now=lambda: NOW, settings=settings, sound=ears))
    window = HostWindow("In-Home Display", shell, (800, 480), settings)
    qtbot.addWidget(window)
    seconds = [1000.0]
    kiosk = Kiosk(
        window,
        model,
        settings,
        KioskSettings(pin_hash=hash_pin("4711"), dim_after_s=60),
        backlight=Backlight(tmp_path / "no-backlight"),
        monotonic=lambda: seconds[0],
        local_now=lambda: datetime(2026, 11, 21, 2, 0),
        settings_path=tmp_path / "settings.toml",
        speaking=shell,
    )
    kiosk.start()
    try:
        seconds[0] += 120
        kiosk._tick()
        assert kiosk.presence.state is Rest.NIGHT
        _credit(model, CreditStatus.EMERGENCY_CREDIT_IN_USE)
        assert ears.heard == ["Electricity is now using emergency credit. Please top up soon."]
    finally:
        kiosk.leaving = True
        kiosk.stop()
        shell.close()
        window.close()
