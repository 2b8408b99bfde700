"""Emergency credit and turning an armed supply back on – Qt-free.

Both are things only the person at home may do, so each is explained and confirmed first; the
command then goes to the meter over the HAN and its answer is put into words.
"""

from __future__ import annotations

from collections.abc import Awaitable

from app.context import CommandFailed, HanCommands
from app.wording import PLAIN_ENGLISH, Wording, fill
from han.credit import SupplyState
from han.model import HomeModel, MeterKey
from ppmid.credit_view_model import prepayment_meters
from ppmid.top_up_view_model import NO_RESULT, Tone, TopUpResult


def _no_answer(w: Wording) -> TopUpResult:
    return TopUpResult(
        w.translate("TopUpScreen", "The meter did not answer – please try again"), Tone.PROBLEM
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

    async def _send(self, command: Awaitable[bool], done: TopUpResult, refused: str) -> TopUpResult:
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

    def _refuse(self, words: str) -> TopUpResult:
        self.result = TopUpResult(words, Tone.PROBLEM)
        return self.result


class EmergencyCreditViewModel(_MeterActionViewModel):
    def offered(self) -> MeterKey | None:
        """The meter whose emergency credit may be used now, if any."""
        for meter in prepayment_meters(self._model):
            credit = meter.credit
            if credit.emergency_credit_available and not credit.emergency_credit_in_use:
                return meter.key
        return None

    def explanation(self) -> str:
        w = self._wording
        key = self.offered()
        if key is None:
            return w.translate("EmergencyScreen", "Emergency credit is not available now.")
        credit = self._model.meter(key).credit
        amount = credit.emergency_credit_gbp.value if credit.emergency_credit_gbp else None
        return fill(
            w.translate(
                "EmergencyScreen",
                "You can use %1 of emergency credit. It is a loan: it will be taken back from "
                "your next top-up.",
            ),
            w.money(amount) if amount is not None else "–",
        )

    async def activate(self) -> TopUpResult:
        w = self._wording
        key = self.offered()
        if key is None:
            return self._refuse(
                w.translate("EmergencyScreen", "Emergency credit is not available now.")
            )
        return await self._send(
            self._commands.activate_emergency_credit(key),
            TopUpResult(
                w.translate(
                    "EmergencyScreen",
                    "Emergency credit is on. It will be repaid from your next top-up.",
                ),
                Tone.GOOD,
            ),
            w.translate("EmergencyScreen", "The meter did not turn emergency credit on."),
        )


class SupplyViewModel(_MeterActionViewModel):
    def armed(self) -> MeterKey | None:
        """The meter whose supply is ready to be turned back on, if any."""
        for meter in prepayment_meters(self._model):
            if meter.supply is not None and meter.supply.value is SupplyState.ARMED:
                return meter.key
        return None

    def safety(self) -> str:
        return self._wording.translate(
            "SupplyScreen",
            "Make sure electric heaters, cookers and irons are switched off before the "
            "supply comes back on.",
        )

    async def enable(self) -> TopUpResult:
        w = self._wording
        key = self.armed()
        if key is None:
            return self._refuse(
                w.translate(
                    "SupplyScreen",
                    "Your supply is not ready to be turned on. After a top-up, your supplier "
                    "makes it ready; then you can turn it on here.",
                )
            )
        self.result = TopUpResult(w.translate("SupplyScreen", "Turning your supply on…"), Tone.BUSY)
        return await self._send(
            self._commands.enable_supply(key),
            TopUpResult(w.translate("SupplyScreen", "Your supply is on."), Tone.GOOD),
            w.translate("SupplyScreen", "The meter did not turn the supply on."),
        )
