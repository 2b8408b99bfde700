"""What the researcher can do to the hosted home: vend codes, and put it into situations.

Injections are the scenario event kinds the home already understands (``scenario_events.py``),
executed at once through the same code a scenario's ``[[events]]`` use, so an injected low credit
or re-arm is exactly what a scripted one is.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from enum import StrEnum

from han.formats.utrn import encode_utrn
from home_emulator.api.from_scenario import scripted_action
from home_emulator.api.home import (
    SUPPLIER_ORIGINATOR,
    EmulatedHome,
    SupplierWan,
    supplier_key,
)
from home_emulator.api.scenarios import (
    Action,
    Fuel,
    Kettle,
    LowCredit,
    Message,
    Outage,
    PriceChange,
    Rearm,
    Scenario,
    ScriptedEvent,
    TariffType,
    TopUp,
)


class Injection(StrEnum):
    KETTLE = "kettle"
    LOW_CREDIT = "low_credit"
    NO_CREDIT = "no_credit"
    """Credit below the emergency-credit threshold: emergency credit is offered."""
    PRICE_RISE = "price_rise"
    MESSAGE = "message"
    OUTAGE = "outage"
    DISCONNECT = "disconnect"
    REARM = "rearm"


class HomeControls:
    def __init__(self, home: EmulatedHome, scenario: Scenario) -> None:
        self.home = home
        self.scenario = scenario
        self._vended_step = 0
        self._price_rises = 0

    # Codes ------------------------------------------------------------------------------------

    def vend(self, pounds: int) -> str:
        """A top-up code for the home's meter, as its supplier would sell: a counter the meter has
        not seen (beyond every one it has), so each code is good exactly once."""
        if not 1 <= pounds <= 8191:
            raise ValueError("a top-up code carries £1 to £8,191")
        seen = max(self.home.esme.prepay.gate.counters, default=0) >> 32
        self._vended_step = max(self._vended_step, seen) + 1
        keys = self.home.esme.keys
        return encode_utrn(
            supplier_private_key=supplier_key(),
            meter_public_key=keys.meter_private_key.public_key(),
            originator=SUPPLIER_ORIGINATOR,
            target=keys.target,
            counter=self._vended_step << 32,
            pounds=pounds,
        )

    # Situations -------------------------------------------------------------------------------

    def run(self, event: ScriptedEvent) -> str:
        """Do a scenario event now (a task's setup); returns what was done, in words."""
        action = event.action
        if isinstance(action, Message):
            # Ids in a study's setup are counted from 1 like a scenario's; the hub numbers these.
            self.home.send_message(
                action.text, confirm=action.confirm, importance=str(action.importance)
            )
        else:
            scripted_action(self.home, dataclasses.replace(event, at_s=int(self.home.now_s)))()
        return _words(action)

    def inject(self, injection: Injection) -> str:
        """One of the console's buttons; returns what was done, in words."""
        if injection is Injection.DISCONNECT:
            SupplierWan(self.home).disable_supply()
            return "supply disconnected by the supplier"
        return self.run(ScriptedEvent(int(self.home.now_s), self._action(injection)))

    def _action(self, injection: Injection) -> Action:
        if injection is Injection.KETTLE:
            return Kettle()
        if injection is Injection.LOW_CREDIT:
            return LowCredit(Fuel.ELECTRICITY, Decimal("1.80"))
        if injection is Injection.NO_CREDIT:
            return LowCredit(Fuel.ELECTRICITY, Decimal("0.60"))
        if injection is Injection.MESSAGE:
            return Message(
                0, "Your supplier: please read this message and confirm it.", confirm=True
            )
        if injection is Injection.OUTAGE:
            return Outage(300)
        if injection is Injection.REARM:
            return Rearm(Fuel.ELECTRICITY)
        return self._price_rise()

    def _price_rise(self) -> PriceChange:
        """Electricity 10 % dearer (a single-rate tariff; others get a new standing charge)."""
        self._price_rises += 1
        tariff = self.scenario.electricity.tariff
        factor = Decimal("1.1") ** self._price_rises
        if tariff.type is TariffType.SINGLE and tariff.unit_price is not None:
            tariff = dataclasses.replace(
                tariff, unit_price=(tariff.unit_price * factor).quantize(Decimal("0.0001"))
            )
        else:
            tariff = dataclasses.replace(
                tariff,
                standing_charge=(tariff.standing_charge * factor).quantize(Decimal("0.0001")),
            )
        return PriceChange(Fuel.ELECTRICITY, tariff)


def _words(action: Action) -> str:
    if isinstance(action, LowCredit):
        return f"{action.fuel} credit set to £{action.credit}"
    if isinstance(action, Message):
        return f"supplier message: {action.text}"
    if isinstance(action, Outage):
        return f"power cut for {action.duration_s // 60} min"
    if isinstance(action, Rearm):
        return f"{action.fuel} supply re-armed"
    if isinstance(action, PriceChange):
        price = action.tariff.unit_price
        return f"{action.fuel} price now £{price}/kWh" if price else f"{action.fuel} prices changed"
    if isinstance(action, Kettle):
        return f"kettle on ({action.watts} W)"
    if isinstance(action, TopUp):
        return f"£{action.pounds} {action.fuel} credit added remotely"
    return str(action.kind)
