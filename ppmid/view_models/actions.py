"""Emergency credit and turning an armed supply back on, for each fuel – Qt-free.

Both are things only the person at home may do, so each is explained and confirmed first; the
command then goes to the chosen meter over the HAN and its answer is put into words. A gas meter
refuses to be turned on from a display (a person must be at the gas meter), and the PPMID says so.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from app.host.context import CommandFailed, HanCommands
from app.wording import PLAIN_ENGLISH, Wording, fill
from han.domain.credit import SupplyAnswer, SupplyState
from han.model import Fuel, HomeModel, MeterKey
from ppmid.view_models.credit import prepayment_meters
from ppmid.view_models.top_up import NO_RESULT, Tone, TopUpResult

Words = Callable[[], str]
"""A sentence put into the language in use when it is read."""


def _no_answer(w: Wording) -> TopUpResult:
    return TopUpResult(
        lambda: w.translate("TopUpScreen", "The meter did not answer – please try again"),
        Tone.PROBLEM,
    )


class _MeterActionViewModel:
    """One confirmed command to one meter: ``sending`` while it is out, ``result`` once answered."""

    def __init__(
        self, model: HomeModel, commands: HanCommands, wording: Wording = PLAIN_ENGLISH
    ) -> None:
        self._model = model
        self._commands = commands
        self._wording = wording
        self.result = NO_RESULT
        self.sending = False
        self.meter: MeterKey | None = None
        """The meter the person chose (from its card); None: the first one that fits."""

    def _choose(self, fits: list[MeterKey]) -> MeterKey | None:
        if self.meter in fits:
            return self.meter
        return fits[0] if fits else None

    def is_gas(self, key: MeterKey | None) -> bool:
        meter = self._model.meters.get(key) if key is not None else None
        return meter is not None and meter.fuel is Fuel.GAS

    async def _send(
        self, command: Awaitable[bool], done: TopUpResult, refused: Words
    ) -> TopUpResult:
        self.sending = True
        try:
            accepted = await command
        except CommandFailed:
            self.result = _no_answer(self._wording)
            return self.result
        finally:
            self.sending = False
        self.result = done if accepted else TopUpResult(refused, Tone.PROBLEM)
        return self.result

    def _refuse(self, words: Words) -> TopUpResult:
        self.result = TopUpResult(words, Tone.PROBLEM)
        return self.result


class EmergencyCreditViewModel(_MeterActionViewModel):
    def offered(self) -> MeterKey | None:
        """The meter whose emergency credit may be used now (the chosen one first), if any."""
        return self._choose(
            [
                meter.key
                for meter in prepayment_meters(self._model)
                if meter.credit.emergency_credit_available
                and not meter.credit.emergency_credit_in_use
            ]
        )

    def explanation(self) -> str:
        w = self._wording
        key = self.offered()
        if key is None:
            return w.translate("EmergencyScreen", "Emergency credit is not available now.")
        credit = self._model.meter(key).credit
        amount = credit.emergency_credit_gbp.value if credit.emergency_credit_gbp else None
        words = (
            w.translate(
                "EmergencyScreen",
                "You can use %1 of emergency credit for your gas. It is a loan: it will be taken "
                "back from your next gas top-up.",
            )
            if self.is_gas(key)
            else w.translate(
                "EmergencyScreen",
                "You can use %1 of emergency credit. It is a loan: it will be taken back from "
                "your next top-up.",
            )
        )
        return fill(words, w.money(amount) if amount is not None else "–")

    async def activate(self) -> TopUpResult:
        w = self._wording
        key = self.offered()
        if key is None:
            return self._refuse(
                lambda: w.translate("EmergencyScreen", "Emergency credit is not available now.")
            )
        return await self._send(
            self._commands.activate_emergency_credit(key),
            TopUpResult(
                lambda: w.translate(
                    "EmergencyScreen",
                    "Emergency credit is on. It will be repaid from your next top-up.",
                ),
                Tone.GOOD,
            ),
            lambda: w.translate("EmergencyScreen", "The meter did not turn emergency credit on."),
        )


class SupplyViewModel(_MeterActionViewModel):
    def armed(self) -> MeterKey | None:
        """The meter whose supply is ready to be turned back on (the chosen one first), if any."""
        return self._choose(
            [
                meter.key
                for meter in prepayment_meters(self._model)
                if meter.supply is not None and meter.supply.value is SupplyState.ARMED
            ]
        )

    def safety(self) -> str:
        w = self._wording
        if self.is_gas(self.armed()):
            return w.translate(
                "SupplyScreen",
                "Make sure the gas cooker, fire and any other gas appliances are switched off. "
                "Gas comes back on only at the gas meter: after this, press its button.",
            )
        return w.translate(
            "SupplyScreen",
            "Make sure electric heaters, cookers and irons are switched off before the "
            "supply comes back on.",
        )

    def heading(self) -> str:
        w = self._wording
        if self.is_gas(self.armed()):
            return w.translate("SupplyScreen", "Turn your gas back on")
        return w.translate("SupplyScreen", "Turn your electricity back on")

    async def enable(self) -> TopUpResult:
        w = self._wording
        key = self.armed()
        if key is None:
            return self._refuse(
                lambda: w.translate(
                    "SupplyScreen",
                    "Your supply is not ready to be turned on. After a top-up, your supplier "
                    "makes it ready; then you can turn it on here.",
                )
            )
        gas = self.is_gas(key)
        self.result = TopUpResult(
            lambda: w.translate("SupplyScreen", "Turning your supply on…"), Tone.BUSY
        )
        self.sending = True
        try:
            answer = await self._commands.enable_supply(key)
        except CommandFailed:
            self.result = _no_answer(w)
            return self.result
        finally:
            self.sending = False
        if answer is SupplyAnswer.ON:
            self.result = TopUpResult(
                (lambda: w.translate("SupplyScreen", "Your gas is on."))
                if gas
                else (lambda: w.translate("SupplyScreen", "Your supply is on.")),
                Tone.GOOD,
            )
        elif answer is SupplyAnswer.ONLY_AT_METER:
            self.result = TopUpResult(
                lambda: w.translate(
                    "SupplyScreen",
                    "Gas can only be turned back on at the gas meter – press its button.",
                ),
                Tone.PROBLEM,
            )
        elif answer is SupplyAnswer.NOT_ARMED:
            self.result = TopUpResult(
                lambda: w.translate(
                    "SupplyScreen",
                    "The meter is not ready to turn the supply on yet. Your supplier makes it "
                    "ready after a top-up.",
                ),
                Tone.PROBLEM,
            )
        else:
            self.result = TopUpResult(
                lambda: w.translate("SupplyScreen", "The meter did not turn the supply on."),
                Tone.PROBLEM,
            )
        return self.result
