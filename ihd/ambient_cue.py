"""Audible cues for the ambient level – Qt-free: when electricity use moves between low, medium and
high, say so (speech), or beep, as the display's sound setting asks. Off by default.

The first level heard after start-up is not a change and is not announced.
"""

from __future__ import annotations

from app.host.context import SoundCues
from app.settings.display_settings import DisplaySettings, SoundMode
from app.wording import PLAIN_ENGLISH, Wording
from han.model import AmbientLevel, HomeModel, ModelChange


class AmbientCue:
    def __init__(
        self,
        model: HomeModel,
        settings: DisplaySettings,
        sound: SoundCues,
        wording: Wording = PLAIN_ENGLISH,
    ) -> None:
        self._model = model
        self._settings = settings
        self._sound = sound
        self._wording = wording
        self._level: AmbientLevel | None = None
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

    def _changed(self, change: ModelChange) -> None:
        if "ambient" not in change.fields:
            return
        meter = self._model.electricity_import_meter()
        if meter is None or meter.key != change.meter or meter.ambient is None:
            return
        previous, self._level = self._level, meter.ambient.value
        if previous is None or previous is self._level:
            return
        mode = self._settings.sound
        if mode is SoundMode.SPEAK:
            self._sound.speak(self.phrase(self._level), self._wording.language)
        elif mode is SoundMode.BEEP:
            self._sound.beep()
