"""An alarm is said even while the kiosk's screen is blank for the night, on each display that
sounds one: the IHD's emergency credit, the PPMID's low credit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.kiosk.presence import Rest
from app.settings.display_settings import DisplaySettings, SoundMode
from han.clusters.prepayment import CreditStatus
from han.model import Field, Measured, ModelChange
from ihd.shell import IhdShell
from ppmid.shell import PpmidShell
from tests.held_kiosk import KioskClock, kiosk_around, night_falls
from tests.kept_voice import KeptVoice
from tests.ppmid.conftest import ESME, NOW, prepay_model


@dataclass(frozen=True)
class Device:
    title: str
    mode: str
    shell: Callable[[ExperienceContext], QWidget]
    flags: CreditStatus
    said: str


DEVICES = {
    "ihd": Device(
        "In-Home Display",
        "ihd",
        IhdShell,
        CreditStatus.EMERGENCY_CREDIT_IN_USE,
        "Electricity is now using emergency credit. Please top up soon.",
    ),
    "ppmid": Device(
        "PPMID",
        "ppmid",
        PpmidShell,
        CreditStatus.LOW_CREDIT,
        "Your credit is low. Please top up soon.",
    ),
}


@pytest.mark.parametrize("device", DEVICES.values(), ids=DEVICES.keys())
def test_an_alarm_is_said_at_night_on_a_blank_screen(
    device: Device, qtbot: QtBot, tmp_path: Path
) -> None:
    model, voice, clock = prepay_model("6.00"), KeptVoice(), KioskClock()
    settings = DisplaySettings(sound=SoundMode.SPEAK)
    shell = device.shell(ExperienceContext(model, now=lambda: NOW, settings=settings, sound=voice))
    with kiosk_around(
        shell,
        device.title,
        model,
        settings,
        qtbot=qtbot,
        folder=tmp_path,
        clock=clock,
        mode=device.mode,
    ) as kiosk:
        night_falls(kiosk, clock)
        assert kiosk.presence.state is Rest.NIGHT
        credit = model.meter(ESME).credit
        credit.flags = Measured(device.flags, NOW)
        credit.balance_gbp = Measured(Decimal("1.20"), NOW)
        model.announce(ModelChange(ESME, frozenset({Field.CREDIT})))
        assert voice.said == [device.said]
