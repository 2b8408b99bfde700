"""The IHD's prepayment alarm – Qt-free: when a prepayment meter's credit goes low, emergency credit
starts, or the supply goes off for want of credit, say so once (or beep, as the sound setting asks).

The IHD cannot top up (that is the PPMID's), but a person who cannot see its Prepayment screen must
still hear that their credit is running out. Each step for the worse is said once; credit that
recovers and falls again is said again. It is an alarm, not a cue: it is said while the screen
sleeps too. With sound off it is only shown (and announced to a screen reader by the shell).
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from app.host.context import SoundCues
from app.settings.display_settings import DisplaySettings, SoundMode
from app.wording import PLAIN_ENGLISH, Wording
from han.model import Field, Fuel, HomeModel, Meter, ModelChange


class CreditState(enum.IntEnum):
    """How bad it is, worst last."""

    OK = 0
    LOW = 1
    EMERGENCY = 2
    OFF = 3


def credit_state(meter: Meter) -> CreditState:
    credit = meter.credit
    if credit.disconnected_for_credit or credit.exhausted:
        return CreditState.OFF
    if credit.emergency_credit_in_use:
        return CreditState.EMERGENCY
    if credit.low:
        return CreditState.LOW
    return CreditState.OK


class CreditAlarm:
    def __init__(
        self,
        model: HomeModel,
        settings: DisplaySettings,
        sound: SoundCues,
        wording: Wording = PLAIN_ENGLISH,
        on_alarm: Callable[[str], None] | None = None,
    ) -> None:
        """``on_alarm``: told the words of each alarm (the shell announces them)."""
        self._model = model
        self._settings = settings
        self._sound = sound
        self._wording = wording
        self._on_alarm = on_alarm
        self._states: dict[Fuel, CreditState] = {}
        self._unsubscribe = model.subscribe(self._changed)
        self._check()  # credit already low at start-up is an alarm too

    def close(self) -> None:
        self._unsubscribe()

    def phrase(self, fuel: Fuel, state: CreditState) -> str:
        w = self._wording
        gas = fuel is Fuel.GAS
        if state is CreditState.OFF:
            return (
                w.translate("CreditAlarm", "Gas credit has run out: the supply is off.")
                if gas
                else w.translate(
                    "CreditAlarm", "Electricity credit has run out: the supply is off."
                )
            )
        if state is CreditState.EMERGENCY:
            return (
                w.translate("CreditAlarm", "Gas is now using emergency credit. Please top up soon.")
                if gas
                else w.translate(
                    "CreditAlarm", "Electricity is now using emergency credit. Please top up soon."
                )
            )
        return (
            w.translate("CreditAlarm", "Gas credit is low. Please top up soon.")
            if gas
            else w.translate("CreditAlarm", "Electricity credit is low. Please top up soon.")
        )

    def _changed(self, change: ModelChange) -> None:
        if Field.CREDIT in change.fields or Field.LINK in change.fields:
            self._check()

    def _check(self) -> None:
        for meter in self._model.meters.values():
            if not meter.credit.in_prepayment or meter.is_generation:
                continue
            state = credit_state(meter)
            before = self._states.get(meter.fuel, CreditState.OK)
            self._states[meter.fuel] = state
            if state > before:
                self._sound_alarm(self.phrase(meter.fuel, state))

    def _sound_alarm(self, words: str) -> None:
        mode = self._settings.sound
        if mode is SoundMode.SPEAK:
            self._sound.speak(words, self._wording.language)
        elif mode is SoundMode.BEEP:
            self._sound.beep()
        if self._on_alarm is not None:
            self._on_alarm(words)
