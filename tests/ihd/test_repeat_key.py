"""The repeat key, as on the best-known accessible IHD: a press says the readings (or the last thing
said) again, or cuts speech short; a long press turns speech on or off."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from app.settings.display_settings import DisplaySettings, SoundMode
from ihd import shell as ihd_shell
from tests.ihd.conftest import Display
from tests.kept_voice import KeptVoice


def _shell(display: Display, voice: KeptVoice, settings: DisplaySettings) -> ihd_shell.IhdShell:
    context = dataclasses.replace(display.shell.context, sound=voice, settings=settings)
    shell = ihd_shell.IhdShell(context)
    shell.show()
    return shell


def _press_r(
    shell: ihd_shell.IhdShell, qtbot: QtBot, held_s: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(ihd_shell.time, "monotonic", lambda: clock[0])
    key = Qt.Key.Key_R
    press = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "r")
    shell.keyPressEvent(press)
    clock[0] += held_s
    release = QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, "r")
    shell.keyReleaseEvent(release)


def test_a_press_says_the_readings_and_a_second_cuts_them_short(
    display: Display, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    voice = KeptVoice()
    shell = _shell(display, voice, DisplaySettings(sound=SoundMode.SPEAK))
    qtbot.addWidget(shell)
    _press_r(shell, qtbot, 0.1, monkeypatch)
    assert voice.said[-1].startswith("Electricity now ")
    assert "kilowatts" in voice.said[-1]
    voice.speaking = True
    _press_r(shell, qtbot, 0.1, monkeypatch)
    assert voice.said[-1] == "(stopped)"


def test_a_long_press_turns_speech_on_and_off(
    display: Display, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    voice, settings = KeptVoice(), DisplaySettings()
    shell = _shell(display, voice, settings)
    qtbot.addWidget(shell)
    _press_r(shell, qtbot, 2.0, monkeypatch)
    sound = settings.sound  # a name: asserting the attribute would fix it for mypy
    assert sound is SoundMode.SPEAK
    assert voice.said == ["Speech on"]
    _press_r(shell, qtbot, 2.0, monkeypatch)
    assert settings.sound is SoundMode.OFF
    assert voice.said == ["Speech on", "Speech off"]
