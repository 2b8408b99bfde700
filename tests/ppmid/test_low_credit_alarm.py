"""The low-credit alarm sounds once when credit runs low, and Silence stops it."""

from __future__ import annotations

from decimal import Decimal

from app.settings.display_settings import DisplaySettings, SoundMode
from han.clusters.prepayment import CreditStatus
from han.model import Field, HomeModel, Measured, ModelChange
from ppmid.low_credit_alarm import LowCreditAlarm
from tests.kept_voice import KeptVoice
from tests.ppmid.conftest import Kit


def _run_low(kit: type[Kit], model: HomeModel) -> None:
    credit = model.meter(kit.ESME).credit
    credit.flags = Measured(CreditStatus.LOW_CREDIT, kit.NOW)
    credit.balance_gbp = Measured(Decimal("1.20"), kit.NOW)
    model.announce(ModelChange(kit.ESME, frozenset({Field.CREDIT})))


def test_the_alarm_sounds_once_and_can_be_silenced(kit: type[Kit]) -> None:
    model = kit.prepay_model("6.00")
    ears = KeptVoice()
    alarm = LowCreditAlarm(model, DisplaySettings(), ears)
    low_at_first = alarm.low  # a name: asserting the attribute would fix it for mypy
    assert not low_at_first
    assert ears.said == []
    _run_low(kit, model)
    assert alarm.low
    sounding = alarm.sounding  # a name, for the same reason: silencing changes it
    assert sounding
    assert ears.said == ["beep"]  # even with cues off: it is an alarm
    model.announce(ModelChange(kit.ESME, frozenset({Field.CREDIT})))
    assert ears.said == ["beep"]
    alarm.silence()
    assert alarm.low
    assert not alarm.sounding
    alarm.close()


def test_the_alarm_speaks_when_the_display_speaks(kit: type[Kit]) -> None:
    model = kit.prepay_model("6.00")
    ears = KeptVoice()
    settings = DisplaySettings()
    settings.set_sound(SoundMode.SPEAK)
    LowCreditAlarm(model, settings, ears)
    _run_low(kit, model)
    assert ears.said == ["Your credit is low. Please top up soon."]
