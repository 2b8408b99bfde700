"""A running home's state as plain data: what the home store writes, and rebuilds a home from.

A snapshot is taken on the thread that steps the home (the event loop's) and is a *copy*: the store
writes it on its own thread while the home carries on. Everything that a restart must not lose is
here – registers with their half-hourly readings, tier and demand registers, what the meters serve
on the air, the hub's device log, messages and events, the mains, and the home's agenda (which
scripted events are still to come, when the power comes back).

Scheduled actions are closures, which cannot be stored; so the agenda entries a store can keep are
ones it can name: scenario events scheduled through :func:`schedule_scenario_events` (wrapped in a
:class:`ScriptedAction` that knows its event's index) and the mains coming back after a power cut.
"""

from __future__ import annotations

import dataclasses
import logging
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from home_emulator.devices.comms_hub import HubEvent, SupplierMessage
from home_emulator.devices.device_log import DeviceLogEntry
from home_emulator.devices.esme import METER_ENDPOINT, Esme
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.fuel_registers import FuelRegisters, MaximumDemand
from home_emulator.metering.registers import CumulativeRegister
from home_emulator.scenario.home_builder import scripted_action
from home_emulator.scenario.model import Scenario, parse_scenario
from home_emulator.zigbee.zcl_server import ServerCluster

LOGGER = logging.getLogger(__name__)

ELECTRICITY = "electricity"
GENERATION = "generation"
"""The microgeneration ESME of a home that generates."""
GAS = "gas"
ServedValue = int | bytes | str
"""What an emulated cluster holds as an attribute value (ZCL types are applied when served)."""


# The scenario a home came from ----------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioOrigin:
    """The scenario a home was built from, with its TOML text: the home can be rebuilt, and its
    remaining events scheduled, even if the file has since been edited or moved."""

    scenario: Scenario
    text: str

    @classmethod
    def of(cls, scenario: Scenario, text: str | None = None) -> ScenarioOrigin:
        if text is None:
            try:
                text = Path(scenario.source).read_text(encoding="utf-8")
            except OSError as error:
                raise ValueError(
                    f"scenario {scenario.name!r}: {scenario.source} cannot be read again to be "
                    f"kept with the home ({error.strerror}); pass its text"
                ) from error
        if parse_scenario(text, scenario.source) != scenario:
            raise ValueError(f"scenario file {scenario.source} changed since it was loaded")
        return cls(scenario, text)


_ORIGINS: weakref.WeakKeyDictionary[EmulatedHome, ScenarioOrigin] = weakref.WeakKeyDictionary()


def remember_origin(home: EmulatedHome, origin: ScenarioOrigin) -> None:
    _ORIGINS[home] = origin


def origin_of(home: EmulatedHome) -> ScenarioOrigin | None:
    return _ORIGINS.get(home)


class ScriptedAction:
    """A scenario event on a home's agenda that remembers which event it is."""

    def __init__(self, index: int, run: Callable[[], None]) -> None:
        self.index = index
        self._run = run

    def __call__(self) -> None:
        self._run()


class MainsRestoration:
    """The mains coming back at the end of a power cut that was under way when the home was saved."""

    def __init__(self, home: EmulatedHome) -> None:
        self._home = home

    def __call__(self) -> None:
        self._home._set_mains(True)  # hook wanted: a public EmulatedHome.restore_mains()


def schedule_scenario_events(
    home: EmulatedHome, origin: ScenarioOrigin, indices: Iterable[int]
) -> None:
    events = origin.scenario.events
    for index in indices:
        event = events[index]
        home.schedule(event.at_s, ScriptedAction(index, scripted_action(home, event)))


def _is_mains_restoration(action: object) -> bool:
    # EmulatedHome.power_cut schedules a lambda; recognised by where it was defined.
    qualname = getattr(action, "__qualname__", "")
    return isinstance(action, MainsRestoration) or qualname.endswith("power_cut.<locals>.<lambda>")


# The snapshot -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterState:
    scale: int
    accumulator: int
    first_boundary_s: int
    readings: list[int]
    """The reading recorded at every half-hour boundary from ``first_boundary_s`` on."""

    @classmethod
    def of(cls, register: CumulativeRegister) -> RegisterState:
        return cls(
            register.scale, register.accumulator, register.first_boundary_s, list(register.readings)
        )


@dataclass(frozen=True)
class MeterState:
    time_s: int
    mains_on: bool
    tariff: Any
    """The tariff in force (a tariff object; the schema stores its settings)."""
    registers: dict[str, RegisterState]
    """"imported", "exported", "cost" – and "volume" for gas (whose "imported" is energy)."""
    tier_joules: dict[int, int]
    demand: dict[str, MaximumDemand]
    """"import" and "export" maximum-demand registers."""
    half_hour_so_far_j: tuple[int, int]
    block_period_joules: int | None
    served: dict[int, dict[int, ServedValue]]
    """Attribute values the meter serves, by cluster id and attribute id."""
    synced_s: int | None = None
    """Gas only: when the meter last pushed its registers to the hub's mirror."""
    extra_loads: list[tuple[int, int, int]] = field(default_factory=list)
    """Electricity only: appliances a scenario switched on, (start, end, watts)."""


@dataclass(frozen=True)
class PendingAction:
    at_s: int
    action: str
    """"scenario_event" or "mains_restored"."""
    event_index: int | None = None


@dataclass(frozen=True)
class HubState:
    device_log: list[DeviceLogEntry]
    historic_log: list[DeviceLogEntry]
    messages: list[SupplierMessage]
    events: list[HubEvent]
    mains_lost_at_s: float | None
    next_message_id: int


@dataclass(frozen=True)
class HomeSnapshot:
    spec: HomeSpec
    now_s: int
    next_step_s: int
    clock_speed: float
    clock_paused: bool
    nodes_powered: bool
    reports_sent: int
    meters: dict[str, MeterState]
    hub: HubState
    origin: ScenarioOrigin | None
    pending: list[PendingAction]
    """The home's agenda, in the order it will run."""
    extensions: dict[str, Any] = field(default_factory=dict)

    def fired_events(self) -> list[bool]:
        """For each of the scenario's events: has it already happened?"""
        if self.origin is None:
            return []
        waiting = {p.event_index for p in self.pending if p.action == "scenario_event"}
        return [index not in waiting for index in range(len(self.origin.scenario.events))]


# Extension point: state kept by later engines (prepayment credit, …) --------------------------


class StateExtension(Protocol):
    """Extra state of a home kept under its own section name (e.g. "prepayment").

    ``capture`` returns JSON-able data (None: nothing to keep for this home) on the home's thread;
    ``restore`` applies it to a home that ``load`` has otherwise finished rebuilding."""

    section: str

    def capture(self, home: EmulatedHome) -> Any: ...

    def restore(self, home: EmulatedHome, state: Any) -> None: ...


STATE_EXTENSIONS: dict[str, StateExtension] = {}
"""Registered extensions by section. The prepayment engine registers PREPAYMENT_SECTION here."""
PREPAYMENT_SECTION = "prepayment"


def register_extension(extension: StateExtension) -> None:
    STATE_EXTENSIONS[extension.section] = extension


# Taking a snapshot ------------------------------------------------------------------------------


def capture_home(home: EmulatedHome) -> HomeSnapshot:
    """A copy of everything the home store keeps, taken between two steps of the home."""
    origin = origin_of(home)
    meters = {ELECTRICITY: _esme_state(home.esme)}
    if home.generation is not None:
        meters[GENERATION] = _esme_state(home.generation)
    if home.gas is not None:
        meters[GAS] = _gas(home)
    extensions = {}
    for section, extension in STATE_EXTENSIONS.items():
        state = extension.capture(home)
        if state is not None:
            extensions[section] = state
    return HomeSnapshot(
        spec=home.spec,
        now_s=_whole_seconds(home.now_s),
        next_step_s=_whole_seconds(home._next_step_s),  # hook wanted: EmulatedHome.next_step_s
        clock_speed=home.clock.speed,
        clock_paused=home.clock.paused,
        nodes_powered=all(node.powered for node in home.nodes),
        reports_sent=home.reports_sent,
        meters=meters,
        hub=_hub(home),
        origin=origin,
        pending=_agenda(home, origin),
        extensions=extensions,
    )


def _esme_state(esme: Esme) -> MeterState:
    return MeterState(
        time_s=esme.time_s,
        mains_on=esme.mains_on,
        extra_loads=list(esme.extra_loads),
        served=_served(esme.node.endpoints[METER_ENDPOINT].servers),
        **_fuel(esme.registers),
    )


def _gas(home: EmulatedHome) -> MeterState:
    gas = home.gas
    assert gas is not None
    fuel = _fuel(gas.registers)
    fuel["registers"]["volume"] = RegisterState.of(gas.volume)
    return MeterState(
        time_s=gas.time_s,
        mains_on=gas.mains_on,
        synced_s=gas.synced_s,
        served=_served(gas.endpoint.servers),
        **fuel,
    )


def _fuel(registers: FuelRegisters) -> dict[str, Any]:
    kept = {"imported": registers.imported, "exported": registers.exported, "cost": registers.cost}
    return {
        "tariff": registers.tariff,
        "registers": {
            name: RegisterState.of(register)
            for name, register in kept.items()
            if register is not None
        },
        "tier_joules": dict(registers.tier_joules),
        "demand": {
            "import": dataclasses.replace(registers.import_demand),
            "export": dataclasses.replace(registers.export_demand),
        },
        "half_hour_so_far_j": registers.half_hour_so_far_j,
        "block_period_joules": registers.block_period_joules,
    }


def _served(servers: dict[int, ServerCluster]) -> dict[int, dict[int, ServedValue]]:
    return {cluster_id: dict(cluster.values) for cluster_id, cluster in servers.items()}


def _hub(home: EmulatedHome) -> HubState:
    hub = home.hub
    log = hub.device_log
    return HubState(
        device_log=[dataclasses.replace(entry) for entry in log.entries.values()],
        historic_log=[dataclasses.replace(entry) for entry in log.historic],
        messages=[dataclasses.replace(message) for message in hub.messages.values()],
        events=list(hub.events),
        mains_lost_at_s=hub.mains_lost_at_s,
        next_message_id=hub.next_message_id,
    )


def _agenda(home: EmulatedHome, origin: ScenarioOrigin | None) -> list[PendingAction]:
    pending = []
    # The agenda is a heap of (time, order, action); sorted, it is the order the actions will run.
    for at_s, _, action in sorted(home._agenda, key=lambda entry: entry[:2]):
        if isinstance(action, ScriptedAction) and origin is not None:
            pending.append(PendingAction(_whole_seconds(at_s), "scenario_event", action.index))
        elif _is_mains_restoration(action):
            pending.append(PendingAction(_whole_seconds(at_s), "mains_restored"))
        else:
            LOGGER.warning(
                "the home store cannot keep %r scheduled at %s: it will not happen after a restart",
                action,
                at_s,
            )
    return pending


def _whole_seconds(epoch_s: float) -> int:
    """Emulated time moves in whole 10-second steps; anything else is a bug worth stopping for."""
    if epoch_s != int(epoch_s):
        raise ValueError(f"emulated time {epoch_s} is not a whole second")
    return int(epoch_s)
