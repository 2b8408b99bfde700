"""Audible cues: a change of ambient level is spoken or beeped as the setting asks, never the first
level heard, and nothing at all while sound is off (the default)."""

from __future__ import annotations

from decimal import Decimal

from app.settings.display_settings import DisplaySettings, SoundMode
from app.wording import PlainWording
from han.model import AmbientLevel, Field, HomeModel, Measured, MeterKey, ModelChange
from ihd.ambient_cue import AmbientCue
from tests.kept_voice import KeptVoice

ESME = MeterKey("0d:6f:00:00:00:00:00:01", 1)


class MinuteApart:
    """A clock on which each reading comes a minute after the last: every change is news."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 60.0
        return self.now


def _report(model: HomeModel, level: AmbientLevel) -> None:
    meter = model.meter(ESME)
    meter.demand_kw = Measured(Decimal("1"), 0.0)
    meter.ambient = Measured(level, 0.0)
    model.announce(ModelChange(ESME, frozenset({Field.AMBIENT})))


def test_sound_is_off_by_default() -> None:
    model, sound = HomeModel(), KeptVoice()
    AmbientCue(model, DisplaySettings(), sound, now=MinuteApart())
    for level in (AmbientLevel.LOW, AmbientLevel.HIGH, AmbientLevel.LOW):
        _report(model, level)
    assert sound.said_in == []


def test_changes_are_spoken_once_each_and_the_first_level_is_not_a_change() -> None:
    model, sound = HomeModel(), KeptVoice()
    AmbientCue(model, DisplaySettings(sound=SoundMode.SPEAK), sound, now=MinuteApart())
    for level in (AmbientLevel.LOW, AmbientLevel.LOW, AmbientLevel.HIGH, AmbientLevel.MEDIUM):
        _report(model, level)
    assert sound.said_in == [
        ("Electricity use is now high.", "en"),
        ("Electricity use is now medium.", "en"),
    ]


def test_beep_mode_beeps_and_closing_stops_listening() -> None:
    model, sound = HomeModel(), KeptVoice()
    cue = AmbientCue(model, DisplaySettings(sound=SoundMode.BEEP), sound, now=MinuteApart())
    _report(model, AmbientLevel.LOW)
    _report(model, AmbientLevel.HIGH)
    cue.close()
    _report(model, AmbientLevel.LOW)
    assert sound.said_in == [("beep", "")]


def test_speech_is_in_the_displays_language() -> None:
    class Welsh(PlainWording):
        language = "cy"

        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return {"Electricity use is now high.": "Mae defnydd trydan yn uchel nawr."}[source]

    model, sound = HomeModel(), KeptVoice()
    AmbientCue(model, DisplaySettings(sound=SoundMode.SPEAK), sound, Welsh(), now=MinuteApart())
    _report(model, AmbientLevel.LOW)
    _report(model, AmbientLevel.HIGH)
    assert sound.said_in == [("Mae defnydd trydan yn uchel nawr.", "cy")]
