"""Scenarios: the TOML files a home starts from and their scripted events, read and checked
without building a home (see ``resources/scenarios/README.md``)."""

from __future__ import annotations

from home_emulator.scenario.events import (
    Action,
    EventContext,
    Fuel,
    Kettle,
    LowCredit,
    Message,
    Outage,
    PriceChange,
    Rearm,
    TopUp,
    read_events,
)
from home_emulator.scenario.model import (
    Scenario,
    ScenarioError,
    ScriptedEvent,
    TariffType,
    open_scenario,
    parse_scenario,
    read_prepayment,
    read_tariff,
)
from home_emulator.scenario.toml_reader import TomlSource, TomlTable, syntax_error

__all__ = [
    "Action",
    "EventContext",
    "Fuel",
    "Kettle",
    "LowCredit",
    "Message",
    "Outage",
    "PriceChange",
    "Rearm",
    "Scenario",
    "ScenarioError",
    "ScriptedEvent",
    "TariffType",
    "TomlSource",
    "TomlTable",
    "TopUp",
    "open_scenario",
    "parse_scenario",
    "read_events",
    "read_prepayment",
    "read_tariff",
    "syntax_error",
]
