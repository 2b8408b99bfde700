"""The low-credit alarm – Qt-free: when a prepayment meter's credit runs low, sound once (speech
when the display speaks, else a beep) and keep the warning on screen until the credit is no longer
low. Silence stops the sound for this episode; the warning stays.

It sounds even when the display's cues are off: it is an alarm the person can silence.
"""

from __future__ import annotations

from collections.abc import Callable

from app.host.context import SoundCues
from app.settings.display_settings import DisplaySettings, SoundMode
from app.wording import PLAIN_ENGLISH, Wording
from han.model import Field, Fuel, HomeModel, ModelChange
from ppmid.view_models.credit import is_low, prepayment_meters


class LowCreditAlarm:
    def __init__(
        self,
        model: HomeModel,
        settings: DisplaySettings,
        sound: SoundCues,
        wording: Wording = PLAIN_ENGLISH,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._model = model
        self._settings = settings
        self._sound = sound
        self._wording = wording
        self._on_change: Callable[[], None] | None = None
        self.low = False
        self.low_fuels: tuple[Fuel, ...] = ()
        """Which fuels are low, when both are on prepayment (empty with one meter)."""
        self.silenced = False
        self._unsubscribe = model.subscribe(self._changed)
        self._check()  # credit already low at start-up sounds too
        self._on_change = on_change

    def close(self) -> None:
        self._unsubscribe()

    @property
    def sounding(self) -> bool:
        """Low and not silenced: the Silence button is offered."""
        return self.low and not self.silenced

    def phrase(self) -> str:
        return self._wording.translate("LowCreditAlarm", "Your credit is low. Please top up soon.")

    def silence(self) -> None:
        if not self.silenced:
            self.silenced = True
            if self._on_change is not None:
                self._on_change()

    def _changed(self, change: ModelChange) -> None:
        if Field.CREDIT in change.fields or Field.LINK in change.fields:
            self._check()

    def _check(self) -> None:
        meters = prepayment_meters(self._model)
        low_meters = [meter for meter in meters if is_low(meter.credit)]
        low = bool(low_meters)
        fuels = tuple(meter.fuel for meter in low_meters) if len(meters) > 1 else ()
        if low == self.low and fuels == self.low_fuels:
            return
        self.low_fuels = fuels
        if low == self.low:  # another fuel low too: the words change, the alarm has sounded
            if self._on_change is not None:
                self._on_change()
            return
        self.low = low
        if low:
            self.silenced = False
            if self._settings.sound is SoundMode.SPEAK:
                self._sound.speak(self.phrase(), self._wording.language)
            else:
                self._sound.beep()
        if self._on_change is not None:
            self._on_change()
