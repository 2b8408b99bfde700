"""The IHD as a kiosk: a long touch anywhere but a control is the repeat key (a longer one turns
speech on or off), on the device or on the resting ambient view; and nothing is said unasked while
the screen is blank for the night – except an alarm (tests/app/kiosk/test_alarm_at_night.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.kiosk.input_filter import SPEECH_REPEAT_S, SPEECH_TOGGLE_S
from app.kiosk.kiosk import Kiosk
from app.kiosk.presence import Rest
from app.kiosk.speaking import SpeakingDisplay
from app.settings.display_settings import DisplaySettings, SoundMode
from han.model import AmbientLevel, Field, HomeModel, Measured, ModelChange
from ihd.shell import IhdShell
from tests.held_kiosk import DAY, NIGHT, KioskClock, kiosk_around
from tests.ihd.conftest import ESME, NOW, dual_fuel_home, paired
from tests.kept_voice import KeptVoice


@dataclasses.dataclass
class IhdKiosk:
    kiosk: Kiosk
    shell: IhdShell
    model: HomeModel
    settings: DisplaySettings
    voice: KeptVoice
    clock: KioskClock
    touchscreen: QPointingDevice

    def touch(self, widget: QWidget, held_s: float, at: QPoint | None = None) -> None:
        """A finger on ``widget`` (at its middle) for ``held_s`` seconds of the kiosk's clock."""
        window = self.kiosk.window
        point = widget.mapTo(window, at if at is not None else widget.rect().center())
        QTest.touchEvent(window, self.touchscreen).press(0, point, window).commit()
        self.clock.seconds += held_s
        QTest.touchEvent(window, self.touchscreen).release(0, point, window).commit()


@pytest.fixture
def ihd_kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[IhdKiosk]:
    model, voice, clock = dual_fuel_home(), KeptVoice(), KioskClock()
    settings = DisplaySettings(sound=SoundMode.SPEAK)
    context = ExperienceContext(
        model, now=lambda: NOW, devices=paired, settings=settings, sound=voice
    )
    shell = IhdShell(context)
    assert isinstance(shell, SpeakingDisplay)  # as the app finds it
    with kiosk_around(
        shell, "In-Home Display", model, settings, qtbot=qtbot, folder=tmp_path, clock=clock
    ) as kiosk:
        qtbot.waitExposed(kiosk.window)
        yield IhdKiosk(kiosk, shell, model, settings, voice, clock, QTest.createTouchDevice())


def _words(shell: IhdShell) -> QLabel:
    """A label on the Now screen, away from every control."""
    labels = [
        label
        for label in shell.screen_for("now").findChildren(QLabel)
        if label.isVisible() and label.text() and label.width() > 40
    ]
    return labels[0]


def test_a_long_touch_on_words_says_the_readings_and_another_cuts_them_short(
    ihd_kiosk: IhdKiosk,
) -> None:
    k = ihd_kiosk
    k.touch(_words(k.shell), SPEECH_REPEAT_S + 0.2)
    assert k.voice.said[-1].startswith("Electricity now ")
    k.voice.speaking = True
    k.touch(_words(k.shell), SPEECH_REPEAT_S + 0.2)
    assert k.voice.said[-1] == "(stopped)"


def test_a_tap_says_nothing_and_a_long_touch_on_a_button_is_the_buttons(
    ihd_kiosk: IhdKiosk,
) -> None:
    k = ihd_kiosk
    k.touch(_words(k.shell), 0.2)
    k.touch(k.shell.nav.buttons["settings"], SPEECH_REPEAT_S + 0.5)
    assert k.voice.said == []
    assert k.shell.current_key() == "settings"  # the button's own press, nothing more


def test_a_longer_touch_turns_speech_off_and_on(ihd_kiosk: IhdKiosk) -> None:
    k = ihd_kiosk
    k.touch(_words(k.shell), SPEECH_TOGGLE_S + 0.5)
    off = k.settings.sound  # names: asserting the attribute would fix it for mypy
    k.touch(_words(k.shell), SPEECH_TOGGLE_S + 0.5)
    on = k.settings.sound
    assert (off, on) == (SoundMode.OFF, SoundMode.SPEAK)
    assert k.voice.said == ["Speech off", "Speech on"]
    assert 'sound = "speak"' in (Path(str(k.kiosk._settings_path))).read_text()


def test_a_sliding_finger_is_a_scroll_not_a_long_touch(ihd_kiosk: IhdKiosk) -> None:
    k = ihd_kiosk
    window = k.kiosk.window
    start = _words(k.shell).mapTo(window, QPoint(5, 5))
    QTest.touchEvent(window, k.touchscreen).press(0, start, window).commit()
    QTest.touchEvent(window, k.touchscreen).move(0, start + QPoint(0, 120), window).commit()
    k.clock.seconds += SPEECH_REPEAT_S + 1
    QTest.touchEvent(window, k.touchscreen).release(0, start + QPoint(0, 120), window).commit()
    assert k.voice.said == []


def test_a_long_touch_on_the_resting_ambient_view_wakes_it_and_repeats(
    ihd_kiosk: IhdKiosk,
) -> None:
    k = ihd_kiosk
    k.kiosk.rest_now()
    resting = k.kiosk.presence.state
    k.touch(k.kiosk.ambient, SPEECH_REPEAT_S + 0.2)
    assert (resting, k.kiosk.presence.state) == (Rest.AMBIENT, Rest.AWAKE)
    assert k.voice.said[-1].startswith("Electricity now ")


def _use(model: HomeModel, level: AmbientLevel) -> None:
    meter = model.meter(ESME)
    meter.ambient = Measured(level, NOW)
    meter.demand_kw = Measured(Decimal("4.2" if level is AmbientLevel.HIGH else "0.3"), NOW)
    model.announce(ModelChange(ESME, frozenset({Field.AMBIENT})))


def test_a_load_change_is_not_said_while_the_screen_sleeps_but_once_it_wakes(
    ihd_kiosk: IhdKiosk, qtbot: QtBot
) -> None:
    k = ihd_kiosk
    _use(k.model, AmbientLevel.LOW)  # the first level is not news
    k.clock.local, k.clock.seconds = NIGHT, k.clock.seconds + 120
    k.kiosk._tick()
    night = k.kiosk.presence.state
    _use(k.model, AmbientLevel.HIGH)
    qtbot.wait(1500)  # the shell's cue ticks each second: nothing held back comes out either
    assert k.voice.said == []
    k.clock.local = DAY  # morning: the ambient view, awake enough to speak
    k.kiosk._tick()
    assert (night, k.kiosk.presence.state) == (Rest.NIGHT, Rest.AMBIENT)
    qtbot.waitUntil(lambda: k.voice.said == ["Electricity use is now high."], timeout=3000)


def test_while_awake_a_load_change_is_said_at_once(ihd_kiosk: IhdKiosk) -> None:
    k = ihd_kiosk
    _use(k.model, AmbientLevel.LOW)
    _use(k.model, AmbientLevel.HIGH)
    assert k.voice.said == ["Electricity use is now high."]
