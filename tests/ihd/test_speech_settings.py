"""Speech as a person sets it on the IHD's Settings screen – volume, rate, voice and how often a high
load is said again – heard at once, passed to espeak-ng, and kept by a kiosk across a restart."""

from __future__ import annotations

import dataclasses
import shutil
import stat
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.host.sound import ESPEAK, SystemSound, Voice
from app.settings import store as settings_store
from app.settings.display_settings import DisplaySettings, SoundMode, SpeechSettings
from app.settings.store import StoredSettings
from han.model import AmbientLevel
from ihd.pages.settings import SettingsScreen
from ihd.speech_policy import LoadSpeechPolicy
from tests.ihd.conftest import Display
from tests.kept_voice import KeptVoice


def _settings_screen(display: Display, voice: KeptVoice) -> SettingsScreen:
    display.shell.context = dataclasses.replace(display.shell.context, sound=voice)
    display.shell.go_to("settings")
    screen = display.shell.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    return screen


def test_each_speech_setting_is_a_row_of_choices_and_a_choice_is_heard_at_once(
    display: Display, qtbot: QtBot
) -> None:
    voice = KeptVoice()
    display.settings.set_sound(SoundMode.SPEAK)
    screen = _settings_screen(display, voice)
    assert set(screen.speech) == {"volume", "rate", "voice", "high_load_repeat"}
    loud = screen.speech["volume"].buttons["loud"]
    assert loud.accessibleDescription() == "Speech volume: Loud"
    QTest.mouseClick(loud, Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.speech["rate"].buttons["slow"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.speech["voice"].buttons["higher"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.speech["high_load_repeat"].buttons["never"], Qt.MouseButton.LeftButton)
    assert display.settings.speech == SpeechSettings("loud", "slow", "higher", "never")
    assert voice.said_in[-1] == ("This is how speech sounds now.", "en")
    assert len(voice.said_in) == 4  # each choice heard
    assert screen.speech["volume"].buttons["loud"].isChecked()
    assert not screen.speech["volume"].buttons["normal"].isChecked()


def test_in_welsh_the_rows_are_welsh(display: Display, qtbot: QtBot) -> None:
    voice = KeptVoice()
    screen = _settings_screen(display, voice)
    display.settings.set_language("cy")
    qtbot.waitUntil(lambda: screen.speech["volume"].caption.text() == "Cryfder y llais")
    assert screen.speech["rate"].buttons["fast"].text() == "Cyflym"


def test_the_speech_settings_become_espeak_ng_arguments() -> None:
    assert Voice.of(SpeechSettings()).arguments("en") == ["-v", "en-gb", "-s", "150", "-a", "100"]
    chosen = Voice.of(SpeechSettings(volume="quiet", rate="fast", voice="higher"))
    assert chosen.arguments("cy") == ["-v", "cy+f3", "-s", "195", "-a", "50"]
    assert Voice.of(SpeechSettings(volume="loud", rate="slow")).arguments("en") == [
        *("-v", "en-gb", "-s", "115", "-a", "170")
    ]


def _fake_espeak(tmp_path: Path) -> tuple[Path, Path]:
    heard = tmp_path / "heard.txt"
    speaker = tmp_path / ESPEAK
    speaker.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{heard}.part" && mv "{heard}.part" "{heard}"\n'
    )
    speaker.chmod(speaker.stat().st_mode | stat.S_IEXEC)
    return speaker, heard


def test_the_voice_speaks_as_the_settings_are_at_each_phrase(qtbot: QtBot, tmp_path: Path) -> None:
    speaker, heard = _fake_espeak(tmp_path)
    settings = DisplaySettings(sound=SoundMode.SPEAK)
    sound = SystemSound(str(speaker), settings=settings)
    settings.set_speech(SpeechSettings(volume="loud", rate="fast", voice="higher"))
    sound.speak("Mae defnydd trydan yn uchel nawr.", "cy")
    qtbot.waitUntil(heard.exists, timeout=10_000)
    qtbot.waitUntil(lambda: not sound.speaking, timeout=10_000)
    assert heard.read_text().splitlines() == [
        *("-v", "cy+f3", "-s", "195", "-a", "170", "--", "Mae defnydd trydan yn uchel nawr.")
    ]


def _wav(path: Path) -> tuple[float, float]:
    """Seconds and loudness (RMS) of a 16-bit WAV."""
    with wave.open(str(path)) as recording:
        frames = recording.readframes(recording.getnframes())
        seconds = recording.getnframes() / recording.getframerate()
    samples = np.frombuffer(frames, dtype=np.int16).astype(np.float64)
    return seconds, float(np.sqrt(np.mean(samples**2)))


@pytest.mark.skipif(shutil.which(ESPEAK) is None, reason="espeak-ng is not installed")
@pytest.mark.parametrize("language", ["en", "cy"])
def test_espeak_ng_itself_speaks_louder_and_slower_as_set(tmp_path: Path, language: str) -> None:
    """The arguments as the app passes them, to espeak-ng writing a WAV instead of the speaker."""
    text = "Electricity use is now high." if language == "en" else "Mae defnydd trydan yn uchel."
    recordings = {}
    for name, speech in {
        "quiet-fast": SpeechSettings(volume="quiet", rate="fast"),
        "loud-slow": SpeechSettings(volume="loud", rate="slow", voice="higher"),
    }.items():
        path = tmp_path / f"{name}.wav"
        arguments = Voice.of(speech).arguments(language)
        subprocess.run([ESPEAK, *arguments, "-w", str(path), "--", text], check=True, timeout=60)
        recordings[name] = _wav(path)
    quiet_s, quiet_rms = recordings["quiet-fast"]
    loud_s, loud_rms = recordings["loud-slow"]
    assert quiet_s > 0.5
    assert quiet_rms > 0
    assert loud_rms > 2 * quiet_rms  # amplitude 170 against 50
    assert loud_s > 1.4 * quiet_s  # 115 words a minute against 195


def test_how_often_a_high_load_is_said_again_is_the_persons_choice() -> None:
    def said(repeat_s: float | None) -> list[float]:
        policy = LoadSpeechPolicy(repeat_s)
        policy.heard(AmbientLevel.LOW, 0.0)
        times = [1000.0] if policy.heard(AmbientLevel.HIGH, 1000.0) else []
        times += [float(t) for t in range(1001, 5000) if policy.due(float(t)) is not None]
        return times

    assert said(SpeechSettings().high_load_repeat_s) == [
        1000.0,
        1060.0,
        1660.0,
        2260.0,
        2860.0,
        3460.0,
        4060.0,
        4660.0,
    ]
    assert said(SpeechSettings(high_load_repeat="30").high_load_repeat_s) == [
        *(1000.0, 1060.0, 2860.0, 4660.0)
    ]
    assert said(SpeechSettings(high_load_repeat="never").high_load_repeat_s) == [1000.0]


def test_speech_settings_are_kept_in_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    kept = StoredSettings(sound="speak", speech=SpeechSettings("quiet", "slow", "higher", "30"))
    settings_store.save(kept, path)
    assert '[speech]\nsound = "speak"\nvolume = "quiet"' in path.read_text()
    assert settings_store.load(path) == settings_store.Loaded(kept)


def test_an_unknown_speech_value_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[speech]\nsound = "speak"\nvolume = "deafening"\nrate = "fast"\n')
    loaded = settings_store.load(path)
    assert "speech" in loaded.problem
    assert loaded.settings.sound == "speak"
    assert loaded.settings.speech == SpeechSettings(rate="fast")
