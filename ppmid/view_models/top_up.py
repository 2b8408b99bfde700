"""Top-up code entry and the meter's answer, in words – Qt-free.

A code whose check digit is wrong is refused here, without troubling the meter; a whole code goes
to the meter over the HAN (``ExperienceContext.commands``) and its answer is put into plain words.

With both fuels on prepayment the person says which meter the code is for, but a code is made for
one meter only (its MAC binds the meter's identity, which a display cannot check): when the chosen
meter answers that the code is not for it, the code goes to the other meter, and the answer says
where the credit went. (The first meter counts that as a wrong code towards its keypad lock-out, as
it would count a code typed on its own keypad.)
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.host.context import CommandFailed, HanCommands
from app.wording import PLAIN_ENGLISH, Wording, fill
from han.domain.credit import TopUpAnswer, TopUpOutcome
from han.model import Fuel, HomeModel, MeterKey
from ppmid.view_models.code_entry import CodeEntry
from ppmid.view_models.credit import prepayment_meters

KEYPAD_LOCK_S = 3600.0
"""How long a meter locks its keypad after too many wrong codes (one real meter's figure)."""


class Tone(enum.Enum):
    """How a result reads: good news, a problem to fix, or news in progress."""

    NONE = "none"
    GOOD = "good"
    PROBLEM = "problem"
    BUSY = "busy"


@dataclass(frozen=True)
class TopUpResult:
    words: str | Callable[[], str]
    """The result in words; a callable puts them into the language in use each time they are
    read, so a result on show follows a person's switch of language."""
    tone: Tone

    @property
    def text(self) -> str:
        return self.words() if callable(self.words) else self.words


NO_RESULT = TopUpResult("", Tone.NONE)


class TopUpViewModel:
    def __init__(
        self,
        model: HomeModel,
        commands: HanCommands,
        wording: Wording = PLAIN_ENGLISH,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._model = model
        self._commands = commands
        self._wording = wording
        self._now = now
        self.entry = CodeEntry()
        self.result = NO_RESULT
        self.sending = False
        self.meter: MeterKey | None = None
        """The meter chosen for the code (None: the first meter in prepayment)."""
        self.on_change: Callable[[], None] | None = None
        """Told when the result changes while a code is on its way (to show "Sending…")."""

    def choices(self) -> list[MeterKey]:
        """The meters a code may be for (electricity first)."""
        return [meter.key for meter in prepayment_meters(self._model)]

    def target(self) -> MeterKey | None:
        choices = self.choices()
        if self.meter in choices:
            return self.meter
        return choices[0] if choices else None

    def choose(self, meter: MeterKey) -> None:
        self.meter = meter
        self.result = NO_RESULT

    def fuel_name(self, meter: MeterKey | None) -> str:
        """ "electricity" or "gas", for sentences ("added to your gas")."""
        w = self._wording
        found = self._model.meters.get(meter) if meter is not None else None
        if found is not None and found.fuel is Fuel.GAS:
            return w.translate("TopUpScreen", "gas")
        return w.translate("TopUpScreen", "electricity")

    def fuel_title(self, meter: MeterKey) -> str:
        w = self._wording
        found = self._model.meters.get(meter)
        if found is not None and found.fuel is Fuel.GAS:
            return w.translate("TopUpScreen", "Gas")
        return w.translate("TopUpScreen", "Electricity")

    # Typing ---------------------------------------------------------------------------------

    def press(self, digit: str) -> None:
        """A digit typed after a code was turned away starts the code again: the person is
        typing it afresh (Backspace still corrects the digits that are there)."""
        if self.entry.complete and self.result.tone is Tone.PROBLEM and digit.isdigit():
            self.entry.clear()
        if self.entry.press(digit):
            self.result = NO_RESULT

    def delete(self) -> None:
        self.entry.delete()
        self.result = NO_RESULT

    def clear(self) -> None:
        self.entry.clear()
        self.result = NO_RESULT

    def paste(self, text: str) -> None:
        if self.entry.paste(text):
            self.result = NO_RESULT

    def progress(self) -> str:
        return fill(
            self._wording.translate("TopUpScreen", "%1 of 20 digits"),
            str(len(self.entry.digits)),
        )

    @property
    def can_send(self) -> bool:
        return self.entry.complete and not self.sending

    # Sending --------------------------------------------------------------------------------

    async def send(self) -> TopUpResult:
        """Check the code, send it, and word the meter's answer (also kept in ``result``)."""
        w = self._wording
        if not self.entry.complete:
            self.result = TopUpResult(
                lambda: w.translate("TopUpScreen", "Please enter all 20 digits of your code"),
                Tone.PROBLEM,
            )
            return self.result
        if not self.entry.valid:
            self.result = TopUpResult(
                lambda: w.translate(
                    "TopUpScreen", "That code isn't right – please check the digits"
                ),
                Tone.PROBLEM,
            )
            return self.result
        meter = self.target()
        if meter is None:
            self.result = TopUpResult(
                lambda: w.translate("TopUpScreen", "No prepayment meter has been found yet"),
                Tone.PROBLEM,
            )
            return self.result
        self.sending = True
        self.result = TopUpResult(
            lambda: w.translate("TopUpScreen", "Sending your code…"), Tone.BUSY
        )
        if self.on_change is not None:
            self.on_change()
        try:
            answered_by, answer = await self._send_to(meter)
        except CommandFailed:
            self.result = TopUpResult(
                lambda: w.translate("TopUpScreen", "The meter did not answer – please try again"),
                Tone.PROBLEM,
            )
            return self.result
        finally:
            self.sending = False
        self.result = self.explain(answer, answered_by if answered_by != meter else None)
        if answered_by != meter:
            self.meter = answered_by  # the next code is most likely for the same meter
        if answer.outcome in (TopUpOutcome.ACCEPTED, TopUpOutcome.ALREADY_USED):
            self.entry.clear()
        return self.result

    async def _send_to(self, meter: MeterKey) -> tuple[MeterKey, TopUpAnswer]:
        """Send to the chosen meter; a code it does not recognise goes on to the other meter(s)."""
        first = await self._commands.top_up(meter, self.entry.digits)
        if first.outcome not in (TopUpOutcome.INVALID, TopUpOutcome.KEYPAD_LOCKED):
            return meter, first
        for other in self.choices():
            if other == meter:
                continue
            answer = await self._commands.top_up(other, self.entry.digits)
            if answer.outcome is not TopUpOutcome.INVALID:
                return other, answer
        return meter, first

    def explain(self, answer: TopUpAnswer, went_to: MeterKey | None = None) -> TopUpResult:
        """The meter's answer in words; ``went_to`` names the other meter a code went on to."""
        both = len(self.choices()) > 1
        target = went_to or self.target()
        until = answer.locked_until_han_s
        if until is None and answer.outcome is TopUpOutcome.KEYPAD_LOCKED:
            until = self._model.han_now(self._now()) + KEYPAD_LOCK_S
        tone = Tone.GOOD if answer.outcome is TopUpOutcome.ACCEPTED else Tone.PROBLEM
        return TopUpResult(
            lambda: self._answer_words(answer, went_to, target, both=both, until=until), tone
        )

    def _answer_words(
        self,
        answer: TopUpAnswer,
        went_to: MeterKey | None,
        target: MeterKey | None,
        *,
        both: bool,
        until: float | None,
    ) -> str:
        w = self._wording
        outcome = answer.outcome
        if outcome is TopUpOutcome.ACCEPTED:
            if answer.balance_gbp is None:
                text = fill(w.translate("TopUpScreen", "%1 added"), w.money(answer.added_gbp))
            elif both:
                text = fill(
                    w.translate("TopUpScreen", "%1 added to your %2 – new %2 balance %3"),
                    w.money(answer.added_gbp),
                    self.fuel_name(target),
                    w.money(answer.balance_gbp),
                )
            else:
                text = fill(
                    w.translate("TopUpScreen", "%1 added – new balance %2"),
                    w.money(answer.added_gbp),
                    w.money(answer.balance_gbp),
                )
            if went_to is not None:
                text = (
                    fill(
                        w.translate(
                            "TopUpScreen", "This code was for your %1 meter, so it was sent there."
                        ),
                        self.fuel_name(went_to),
                    )
                    + " "
                    + text
                )
            return text
        if outcome is TopUpOutcome.INVALID and both:
            return w.translate("TopUpScreen", "This code is not for your electricity or gas meter")
        if outcome is TopUpOutcome.ALREADY_USED:
            return w.translate("TopUpScreen", "This code has already been used")
        if outcome is TopUpOutcome.INVALID:
            return w.translate("TopUpScreen", "This code is not for this meter")
        if outcome is TopUpOutcome.KEYPAD_LOCKED:
            return fill(
                w.translate("TopUpScreen", "Too many wrong codes – try again at about %1"),
                w.clock(until or 0.0),
            )
        if outcome is TopUpOutcome.TOO_LARGE:
            return w.translate("TopUpScreen", "That is more than one top-up can add")
        if outcome is TopUpOutcome.MAX_CREDIT_REACHED:
            return w.translate("TopUpScreen", "That would take your credit over the limit")
        if outcome is TopUpOutcome.NOT_WHOLE_POUNDS:
            return w.translate("TopUpScreen", "This meter only accepts whole pounds")
        return w.translate("TopUpScreen", "The meter could not use this code – please try again")
