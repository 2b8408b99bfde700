"""Audible cues for the ambient level – Qt-free: when electricity use moves between low, medium and
high, say so (speech), or beep, as the display's sound setting asks. Off by default.

When to speak is ``LoadSpeechPolicy``'s rule (a change at most once a minute, a high load again
after a minute and then every ten minutes); ``tick()`` is called every second or so for the held
changes and the repeats. Nothing is said while the screen sleeps. The last thing said can be said
again, or cut short, by the repeat key (``repeat_or_interrupt``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from app.host.context import SoundCues
from app.settings.display_settings import DisplaySettings, SoundMode
from app.wording import PLAIN_ENGLISH, Wording
from han.model import AmbientLevel, Field, HomeModel, ModelChange
from ihd.speech_policy import LoadSpeechPolicy


@runtime_checkable
class Interruptible(Protocol):
    """A voice that can be cut short (``app.host.sound.SystemSound``)."""

    @property
    def speaking(self) -> bool: ...

    def stop(self) -> None: ...


class AmbientCue:
    def __init__(
        self,
        model: HomeModel,
        settings: DisplaySettings,
        sound: SoundCues,
        wording: Wording = PLAIN_ENGLISH,
        *,
        now: Callable[[], float],
    ) -> None:
        self._model = model
        self._settings = settings
        self._sound = sound
        self._wording = wording
        self._now = now
        self._policy = LoadSpeechPolicy(settings.speech.high_load_repeat_s)
        self.asleep = False
        """The screen sleeps: cues wait (an alarm is not a cue and is said regardless)."""
        self.last_said = ""
        self._unsubscribe = model.subscribe(self._changed)

    def close(self) -> None:
        self._unsubscribe()

    def phrase(self, level: AmbientLevel) -> str:
        w = self._wording
        if level is AmbientLevel.HIGH:
            return w.translate("AmbientCue", "Electricity use is now high.")
        if level is AmbientLevel.MEDIUM:
            return w.translate("AmbientCue", "Electricity use is now medium.")
        return w.translate("AmbientCue", "Electricity use is now low.")

    def tick(self) -> None:
        """Every second or so: a change held back by the one-minute rule, or a high load again."""
        self._policy.high_repeat_s = self._settings.speech.high_load_repeat_s  # chosen at any time
        if not self.asleep:
            self._say(self._policy.due(self._now()))

    def repeat_or_interrupt(self, otherwise: str = "") -> None:
        """The repeat key: cut short what is being said, else say the last thing again (or
        ``otherwise``, the screen's readings, when nothing has been said yet)."""
        if isinstance(self._sound, Interruptible) and self._sound.speaking:
            self._sound.stop()
            return
        text = self.last_said or otherwise
        if text:
            self._sound.speak(text, self._wording.language)

    def _changed(self, change: ModelChange) -> None:
        if Field.AMBIENT not in change.fields:
            return
        meter = self._model.electricity_import_meter()
        if meter is None or meter.key != change.meter or meter.ambient is None:
            return
        self._say(self._policy.heard(meter.ambient.value, self._now(), may_speak=not self.asleep))

    def _say(self, level: AmbientLevel | None) -> None:
        if level is None:
            return
        mode = self._settings.sound
        if mode is SoundMode.SPEAK:
            self.last_said = self.phrase(level)
            self._sound.speak(self.last_said, self._wording.language)
        elif mode is SoundMode.BEEP:
            self._sound.beep()
