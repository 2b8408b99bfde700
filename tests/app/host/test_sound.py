"""Speech through espeak-ng when it is installed, a beep when it is not; never installed by tests."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.host.sound import ESPEAK, SystemSound


def test_without_espeak_ng_speech_is_not_available_and_a_beep_stands_in(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no espeak-ng on PATH
    beeps: list[bool] = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(True))
    sound = SystemSound()
    assert not sound.speech_available
    sound.speak("Electricity use is now high.", "en")
    assert beeps == [True]


def test_speech_runs_espeak_ng_with_the_languages_voice(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    heard = tmp_path / "heard.txt"
    speaker = tmp_path / ESPEAK
    speaker.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{heard}.part" && mv "{heard}.part" "{heard}"\n'
    )
    speaker.chmod(speaker.stat().st_mode | stat.S_IEXEC)
    sound = SystemSound(str(speaker))
    assert sound.speech_available
    sound.speak("Mae defnydd trydan yn uchel nawr.", "cy")
    qtbot.waitUntil(heard.exists, timeout=10_000)
    arguments = heard.read_text().splitlines()
    assert arguments[:2] == ["-v", "cy"]
    assert arguments[-1] == "Mae defnydd trydan yn uchel nawr."
