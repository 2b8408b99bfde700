"""The IHD's own prepayment alarm: low credit, emergency credit and a supply off for want of credit
are each said once as they come (in Welsh too) and announced to a screen reader. That it is said
while a kiosk's screen is blank for the night: tests/app/kiosk/test_alarm_at_night.py."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.settings.display_settings import DisplaySettings, SoundMode
from app.ui import i18n
from han.clusters.prepayment import CreditStatus, PrepaymentAlarm
from han.domain.credit import PaymentMode
from han.model import Field, HomeModel, Measured, ModelChange
from ihd.credit_alarm import CreditAlarm
from ihd.shell import IhdShell
from tests.ihd.conftest import ESME, NOW
from tests.kept_voice import KeptVoice


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
    model, ears = _prepay_home(), KeptVoice()
    alarm = CreditAlarm(model, DisplaySettings(sound=SoundMode.SPEAK), ears)
    _credit(model, CreditStatus.LOW_CREDIT)
    _credit(model, CreditStatus.LOW_CREDIT)  # still low: not news
    _credit(model, CreditStatus.LOW_CREDIT | CreditStatus.EMERGENCY_CREDIT_IN_USE)
    _credit(model, CreditStatus.CREDIT_EXHAUSTED)
    _credit(model, CreditStatus.CREDIT_OK)  # topped up …
    _credit(model, CreditStatus.LOW_CREDIT)  # … and low again: said again
    alarm.close()
    assert ears.said == [
        "Electricity credit is low. Please top up soon.",
        "Electricity is now using emergency credit. Please top up soon.",
        "Electricity credit has run out: the supply is off.",
        "Electricity credit is low. Please top up soon.",
    ]


@pytest.mark.parametrize(("mode", "heard"), [(SoundMode.BEEP, ["beep"]), (SoundMode.OFF, [])])
def test_without_speech_it_beeps_or_is_only_shown(mode: SoundMode, heard: list[str]) -> None:
    model, ears = _prepay_home(), KeptVoice()
    alarm = CreditAlarm(model, DisplaySettings(sound=mode), ears)
    _credit(model, CreditStatus.LOW_CREDIT)
    alarm.close()
    assert ears.said == heard


def test_the_shell_says_it_in_welsh_and_announces_it(qtbot: QtBot) -> None:
    model, ears = _prepay_home(), KeptVoice()
    settings = DisplaySettings(sound=SoundMode.SPEAK, language="cy")
    i18n.use_language("cy")
    shell = IhdShell(ExperienceContext(model, now=lambda: NOW, settings=settings, sound=ears))
    qtbot.addWidget(shell)
    announced: list[str] = []
    shell.credit_alarm._on_alarm = announced.append
    _credit(model, CreditStatus.LOW_CREDIT)
    assert ears.said == ["Mae credyd trydan yn isel. Ychwanegwch gredyd yn fuan."]
    assert announced == ears.said
    shell.close()
