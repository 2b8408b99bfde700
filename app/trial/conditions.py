"""Whether a task has succeeded, judged on what the emulated home itself says.

A task's success condition is observable in the home ("credit added £10", "emergency credit in
use", "supply on", "a message confirmed"), or on the participant's display ("showed ihd-history"),
or not observable at all (an answer said aloud: the researcher marks it). The home is read
directly – the console hosts it – and compared with how it was when the task started.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.trial.study import Success, SuccessKind
from home_emulator.api.home import SUPPLY_ON, UNITS_PER_PENNY, EmergencyCredit, EmulatedHome


@dataclass(frozen=True)
class HomeObservation:
    credit_added_pence: int | None
    """Credit added with top-up codes the meter accepted (None: electricity is in credit mode);
    a remote top-up by the supplier (or a task's setup) is not the participant's doing."""
    balance_pence: int | None
    emergency_credit_in_use: bool
    supply_on: bool
    messages_confirmed: int
    codes_entered: int
    codes_refused: int


def observe(home: EmulatedHome) -> HomeObservation:
    prepay = home.esme.prepay
    engine = prepay.engine
    refused = sum(1 for record in prepay.top_ups if record.answer.result != 0)
    return HomeObservation(
        credit_added_pence=None
        if engine is None
        else sum(record.answer.pennies for record in prepay.top_ups if record.answer.result == 0),
        balance_pence=None if engine is None else engine.balance // UNITS_PER_PENNY,
        emergency_credit_in_use=engine is not None
        and engine.emergency_credit is EmergencyCredit.ACTIVE,
        supply_on=home.esme.supply_status == SUPPLY_ON,
        messages_confirmed=sum(
            1 for message in home.hub.messages.values() if message.confirmed_at_s is not None
        ),
        codes_entered=len(prepay.top_ups),
        codes_refused=refused,
    )


def is_met(
    success: Success,
    before: HomeObservation,
    now: HomeObservation,
    screens_shown: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``success`` holds now, for a task that started when the home was ``before``.
    A researcher-judged task is never met by itself."""
    kind = success.kind
    if kind is SuccessKind.CREDIT_ADDED:
        if before.credit_added_pence is None or now.credit_added_pence is None:
            return False
        wanted = int((success.pounds or Decimal(0)) * 100)
        return now.credit_added_pence - before.credit_added_pence >= wanted
    if kind is SuccessKind.EMERGENCY_CREDIT_ACTIVE:
        return now.emergency_credit_in_use
    if kind is SuccessKind.SUPPLY_ON:
        return now.supply_on
    if kind is SuccessKind.MESSAGE_CONFIRMED:
        return now.messages_confirmed > before.messages_confirmed
    if kind is SuccessKind.SCREEN_SHOWN:
        return success.screen in screens_shown
    return False


def describe(success: Success) -> str:
    """The condition in words, for the console (English: the researcher's tool)."""
    kind = success.kind
    if kind is SuccessKind.CREDIT_ADDED:
        return f"credit added ≥ £{success.pounds}"
    if kind is SuccessKind.EMERGENCY_CREDIT_ACTIVE:
        return "emergency credit in use"
    if kind is SuccessKind.SUPPLY_ON:
        return "electricity supply on"
    if kind is SuccessKind.MESSAGE_CONFIRMED:
        return "a supplier message confirmed"
    if kind is SuccessKind.SCREEN_SHOWN:
        return f"display showed {success.screen}"
    expected = f" (expected: {success.expected})" if success.expected else ""
    return "researcher judges" + expected
