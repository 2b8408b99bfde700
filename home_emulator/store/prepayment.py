"""The home store's prepayment section: each meter's credit, debts, emergency credit and the top-up
gate's memory (used counters, wrong-code lockout), so a restart never loses or repeats credit.

The electricity meter and the gas meter each keep their own (their own keys, their own counters)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, time
from decimal import Decimal
from typing import Any

from han.clusters.prepayment import PrepaymentAlarm
from home_emulator.devices.prepayment_server import PrepaymentServer
from home_emulator.home import EmulatedHome
from home_emulator.metering.credit_engine import (
    CreditEngine,
    CreditSettings,
    EmergencyCredit,
    FriendlyHours,
)
from home_emulator.metering.supply_switch import SupplySwitch
from home_emulator.metering.top_up_gate import Lockout
from home_emulator.store.snapshot import PREPAYMENT_SECTION, register_extension


class PrepaymentSection:
    section = PREPAYMENT_SECTION

    def capture(self, home: EmulatedHome) -> Any:
        gas = home.gas
        return {
            "electricity": self._capture(home.esme.prepay, home.esme.switch),
            "gas": self._capture(gas.prepay, gas.credit.valve) if gas is not None else None,
        }

    def restore(self, home: EmulatedHome, state: Any) -> None:
        if "gate" in state:  # a store written before the gas meter had its own credit
            state = {"electricity": state, "gas": None}
            home.esme.switch.status = int(home.esme.metering.get("supply_status"))
        self._restore(home, home.esme.prepay, home.esme.switch, state["electricity"])
        if home.gas is not None and state.get("gas") is not None:
            self._restore(home, home.gas.prepay, home.gas.credit.valve, state["gas"])
            home.gas.credit.sync()

    @staticmethod
    def _capture(prepay: PrepaymentServer, switch: SupplySwitch) -> Any:
        gate = prepay.gate
        state: dict[str, Any] = {
            "gate": {
                "counters": list(gate.counters),
                "invalid_at": list(gate.invalid_at),
                "locked_until_s": gate.locked_until_s,
                "smets1": gate.smets1,
                "lockout": asdict(gate.lockout),
            },
            "alarms": int(prepay.alarms),
            "supply_status": switch.status,
            "engine": None,
        }
        engine = prepay.engine
        if engine is not None:
            settings = asdict(engine.settings)
            friendly = engine.settings.friendly_hours
            settings["payment_debt_share"] = str(engine.settings.payment_debt_share)
            settings["friendly_hours"] = {
                "evening_from": friendly.evening_from.isoformat(),
                "morning_until": friendly.morning_until.isoformat(),
                "weekends": friendly.weekends,
                "holidays": sorted(day.isoformat() for day in friendly.holidays),
            }
            state["engine"] = {
                "settings": settings,
                "balance": engine.balance,
                "emergency_credit_remaining": engine.emergency_credit_remaining,
                "emergency_credit": engine.emergency_credit.name,
                "accumulated_debt": engine.accumulated_debt,
                "time_debt": engine.time_debt,
                "payment_debt": engine.payment_debt,
                "total_credit_added": engine.total_credit_added,
                "disconnected": engine.disconnected,
                "in_friendly_credit": engine.in_friendly_credit,
            }
        return state

    @staticmethod
    def _restore(
        home: EmulatedHome, prepay: PrepaymentServer, switch: SupplySwitch, state: Any
    ) -> None:
        if "supply_status" in state:
            switch.status = int(state["supply_status"])
        gate = prepay.gate
        stored_gate = state["gate"]
        gate.counters.clear()
        gate.counters.extend(int(c) for c in stored_gate["counters"])
        gate.invalid_at.clear()
        gate.invalid_at.extend(float(t) for t in stored_gate["invalid_at"])
        gate.locked_until_s = stored_gate["locked_until_s"]
        gate.smets1 = bool(stored_gate["smets1"])
        gate.lockout = Lockout(**stored_gate["lockout"])
        stored = state["engine"]
        engine = None
        if stored is not None:
            engine = CreditEngine(
                _settings(stored["settings"]), balance=stored["balance"], zone=home.hub.zone
            )
            engine.emergency_credit_remaining = stored["emergency_credit_remaining"]
            engine.emergency_credit = EmergencyCredit[stored["emergency_credit"]]
            engine.accumulated_debt = stored["accumulated_debt"]
            engine.time_debt = stored["time_debt"]
            engine.payment_debt = stored["payment_debt"]
            engine.total_credit_added = stored["total_credit_added"]
            engine.disconnected = stored["disconnected"]
            engine.in_friendly_credit = stored["in_friendly_credit"]
        prepay.engine = engine
        prepay.alarms = PrepaymentAlarm(int(state["alarms"]))
        prepay.publish()


def _settings(stored: dict[str, Any]) -> CreditSettings:
    friendly = stored.pop("friendly_hours")
    return CreditSettings(
        **{**stored, "payment_debt_share": Decimal(stored["payment_debt_share"])},
        friendly_hours=FriendlyHours(
            evening_from=time.fromisoformat(friendly["evening_from"]),
            morning_until=time.fromisoformat(friendly["morning_until"]),
            weekends=friendly["weekends"],
            holidays=frozenset(date.fromisoformat(day) for day in friendly["holidays"]),
        ),
    )


register_extension(PrepaymentSection())
