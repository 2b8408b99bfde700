"""A participant display's commands to the HAN, recorded for the trial as they are answered.

Wraps the display's ``HanCommands``: every command goes through unchanged and its answer (never a
top-up code's digits) is written to the trial record, so "the meter refused the code" is in the
record whatever the screen made of it.
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Protocol

from app.host.context import CommandFailed, HanCommands
from han.domain.credit import SupplyAnswer, TopUpAnswer
from han.model import MeterKey


class Recorder(Protocol):
    def __call__(self, kind: str, target: str = "", detail: str = "") -> None: ...


class RecordingCommands:
    def __init__(self, commands: HanCommands, record: Recorder) -> None:
        self._commands = commands
        self._record = record

    async def confirm_message(self, message_id: int) -> None:
        try:
            await self._commands.confirm_message(message_id)
        except CommandFailed as error:
            self._record("command", "confirm_message", f"failed: {error}")
            raise
        self._record("command", "confirm_message", f"message {message_id} confirmed")

    async def top_up(self, meter: MeterKey, code: str) -> TopUpAnswer:
        try:
            answer = await self._commands.top_up(meter, code)
        except CommandFailed as error:
            self._record("command", "top_up", f"failed: {error}")
            raise
        added = f", £{answer.added_gbp} added" if answer.added_gbp else ""
        self._record("command", "top_up", f"meter answered {answer.outcome.name.lower()}{added}")
        return answer

    async def activate_emergency_credit(self, meter: MeterKey) -> bool:
        return await self._yes_no(
            "activate_emergency_credit", self._commands.activate_emergency_credit(meter)
        )

    async def enable_supply(self, meter: MeterKey) -> SupplyAnswer:
        try:
            answer = await self._commands.enable_supply(meter)
        except CommandFailed as error:
            self._record("command", "enable_supply", f"failed: {error}")
            raise
        self._record("command", "enable_supply", f"meter answered {answer.value}")
        return answer

    async def _yes_no(self, name: str, answer: Awaitable[bool]) -> bool:
        try:
            done = bool(await answer)
        except CommandFailed as error:
            self._record("command", name, f"failed: {error}")
            raise
        self._record("command", name, "done" if done else "refused by the meter")
        return done
