"""The emulated home's state persists: stop, restart, and everything is where it was."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import threading
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import zigpy.types as t

from home_emulator.air.virtual_radio import COORDINATOR_IEEE
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.scenario.model import load_named
from home_emulator.store import rows as home_store_rows
from home_emulator.store.home_store import (
    PREPAYMENT_SECTION,
    HomeStore,
    HomeStoreError,
    autosave,
    build_storable_home,
)
from home_emulator.store.rows import spec_to_json
from home_emulator.store.snapshot import STATE_EXTENSIONS
from home_emulator.tariffs import Block, agile, economy7

LONDON = ZoneInfo("Europe/London")
STEPS_PER_HOUR = 360


def _at(home: EmulatedHome, day: int, hour: int, minute: int = 0) -> None:
    """Step ``home`` until 2026-01-``day`` hour:minute (the outage scenario's week)."""
    until = datetime(2026, 1, day, hour, minute, tzinfo=LONDON).timestamp()
    while home.now_s < until:
        home.step()


def _steps(homes: list[EmulatedHome], count: int) -> None:
    for _ in range(count):
        for home in homes:
            home.step()


def _fuel_state(registers: Any) -> dict[str, Any]:
    kept = {"imported": registers.imported, "exported": registers.exported, "cost": registers.cost}
    return {
        "registers": {
            name: (r.accumulator, r.first_boundary_s, r.readings)
            for name, r in kept.items()
            if r is not None
        },
        "tiers": registers.tier_joules,
        "demand": (registers.import_demand, registers.export_demand),
        "half_hour": registers.half_hour_so_far_j,
        "block": registers.block_period_joules,
        "tariff": repr(registers.tariff),
    }


def state_of(home: EmulatedHome) -> dict[str, Any]:
    """Everything a restart must keep, in comparable form."""
    esme, hub = home.esme, home.hub
    state = {
        "now_s": home.now_s,
        "powered": [node.powered for node in home.nodes],
        "esme": _fuel_state(esme.registers),
        "esme_live": (esme.time_s, esme.mains_on, esme.extra_loads, esme.demand_w),
        "esme_served": {c: dict(s.values) for c, s in esme.node.endpoints[1].servers.items()},
        "device_log": [dataclasses.astuple(e) for e in hub.device_log.entries.values()],
        "historic_log": [dataclasses.astuple(e) for e in hub.device_log.historic],
        "messages": list(hub.messages.values()),
        "events": hub.events,
        "mains_lost_at_s": hub.mains_lost_at_s,
        "next_message_id": hub.next_message_id,
    }
    if home.gas is not None:
        gas = home.gas
        state["gas"] = _fuel_state(gas.registers)
        state["gas_volume"] = (gas.volume.accumulator, gas.volume.readings)
        state["gas_live"] = (gas.time_s, gas.synced_s, gas.mains_on)
        state["gas_served"] = {c: dict(s.values) for c, s in gas.endpoint.servers.items()}
    return state


@pytest.fixture
def store(tmp_path: Path) -> Any:
    # Collect earlier tests' garbage here, on the Qt thread: the cyclic collector runs in whichever
    # thread happens to allocate, and Qt objects (timers) must not be destroyed from the store's.
    gc.collect()
    with HomeStore(tmp_path / "homes.sqlite") as opened:
        yield opened


def _restarted(store: HomeStore, name: str) -> EmulatedHome:
    """Home ``name`` loaded through a second store on the same file, as a restarted process would."""
    with HomeStore(store.path) as reopened:
        return reopened.load(name)


def test_a_restored_home_is_the_home_that_was_saved(store: HomeStore) -> None:
    home = build_storable_home(load_named("outage-and-messages"), history_days=10)
    home.power_on()
    _at(home, 13, 9, 33)  # two messages sent, one to confirm; the power cut under way
    home.hub.messages[2].confirmed_at_s = home.now_s
    log = home.hub.device_log
    log.remove(COORDINATOR_IEEE)  # the display leaves: its entry goes to the historic log
    log.add(t.EUI64.convert("00:0d:6f:00:0a:0b:0c:0d"), new_install_code(), DeviceType.PPMID)
    next(iter(log.entries.values())).joined = True
    store.save(home, "trial")
    restored = _restarted(store, "trial")
    assert state_of(restored) == state_of(home)
    assert restored.esme.metering.values == home.esme.metering.values  # histories on the air
    assert restored.esme.prepayment.values == home.esme.prepayment.values  # cost histories
    assert restored.gas is not None
    assert home.gas is not None
    assert restored.gas.metering.values == home.gas.metering.values
    assert restored.gas.prepayment.values == home.gas.prepayment.values
    assert not restored.esme.mains_on
    assert restored.hub.device_log.historic[0].eui64 == COORDINATOR_IEEE
    assert restored.hub.mains_lost_at_s is not None
    assert spec_to_json(restored.spec) == spec_to_json(home.spec)  # tariffs by their settings
    assert restored.clock.speed == home.clock.speed
    assert restored.clock.now() == pytest.approx(home.now_s, abs=1)


@pytest.mark.parametrize(
    "scenario", ["electricity-only", "ev-agile", "economy7-storage", "solar-home"]
)
def test_a_restored_home_steps_on_exactly_as_the_original(store: HomeStore, scenario: str) -> None:
    """Block, Agile, Economy 7 and export: registers, tiers and histories stay equal, across a
    midnight (new day, new block period) and a scripted tariff switch."""
    home = build_storable_home(load_named(scenario), history_days=3)
    home.power_on()
    _steps([home], 20 * STEPS_PER_HOUR + 123)  # a restart at an odd moment of the evening
    store.save(home, scenario)
    restored = _restarted(store, scenario)
    restored.power_on()
    _steps([home, restored], 30 * STEPS_PER_HOUR)
    assert state_of(restored) == state_of(home)


def test_scripted_events_that_have_fired_do_not_fire_again_and_the_rest_fire_once(
    store: HomeStore,
) -> None:
    scenario = load_named("outage-and-messages")
    home = build_storable_home(scenario, history_days=1)
    home.power_on()
    _at(home, 13, 9, 3)  # message 1 sent; messages 2–4, the outage and a cancel to come
    store.save(home, "trial")
    restored = _restarted(store, "trial")
    restored.power_on()
    last = max(event.at_s for event in scenario.events)
    while restored.now_s < last + 600:
        _steps([home, restored], 1)
    assert sorted(restored.hub.messages) == [1, 2, 3, 4]
    kinds = [event.kind for event in restored.hub.events]
    assert kinds.count("message sent") == 4
    assert kinds.count("mains lost") == kinds.count("mains restored") == 1
    assert restored.hub.messages[3].cancelled
    assert state_of(restored) == state_of(home)


def test_a_power_cut_under_way_ends_on_time_after_a_restart(store: HomeStore) -> None:
    home = build_storable_home(load_named("outage-and-messages"), history_days=1)
    home.power_on()
    _at(home, 13, 9, 32)
    store.save(home, "cut")
    restored = store.load("cut")
    assert not any(node.powered for node in restored.nodes)
    restored.power_on()
    _at(restored, 13, 9, 35)  # five minutes after it began
    assert restored.esme.mains_on
    assert restored.hub.mains_lost_at_s is None
    assert [e.kind for e in restored.hub.events][-2:] == ["power outage alert", "mains restored"]


def test_the_message_id_counter_carries_on(store: HomeStore) -> None:
    home = EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=1))
    home.send_message("one")
    home.send_message("two")
    store.save(home, "plain")
    assert store.load("plain").send_message("three").message_id == 3


def test_a_home_built_from_a_spec_keeps_its_tariffs_and_changes_of_tariff(
    store: HomeStore,
) -> None:
    spec = HomeSpec(
        seed=4,
        start_epoch_s=1_767_225_600,
        history_days=2,
        electricity_tariff=economy7(),
        gas_tariff=Block("Gas blocks", ["5"], ["0.05", "0.08"], "day"),
    )
    home = EmulatedHome(spec)
    _steps([home], 5 * STEPS_PER_HOUR)
    home.esme.change_tariff(agile(7))
    _steps([home], 2 * STEPS_PER_HOUR)
    store.save(home, "spec")
    restored = store.load("spec")
    assert spec_to_json(restored.spec) == spec_to_json(spec)
    assert repr(restored.esme.tariff) == repr(home.esme.tariff) == "Agile(seed=7, Europe/London)"
    _steps([home, restored], 24 * STEPS_PER_HOUR)
    assert state_of(restored) == state_of(home)


def test_today_this_week_and_this_month_count_from_the_restored_readings(
    store: HomeStore,
) -> None:
    """On a Monday the 1st, day, week and month all start today: the histories must count from
    the restored readings, not from those of the history-less home the restore began with."""
    monday_first = datetime(2026, 6, 1, 8, tzinfo=LONDON).timestamp()
    home = EmulatedHome(HomeSpec(start_epoch_s=monday_first, history_days=3))
    _steps([home], STEPS_PER_HOUR)
    store.save(home, "monday")
    restored = store.load("monday")
    _steps([home, restored], 2 * STEPS_PER_HOUR)
    assert state_of(restored) == state_of(home)


class _Credit:
    """A stand-in for the prepayment engine's state extension."""

    section = PREPAYMENT_SECTION

    def __init__(self) -> None:
        self.credit: dict[int, str] = {}  # by id() of the home

    def capture(self, home: EmulatedHome) -> Any:
        return {"credit": self.credit.get(id(home), "10.00")}

    def restore(self, home: EmulatedHome, state: Any) -> None:
        self.credit[id(home)] = state["credit"]


def test_later_engines_keep_their_state_through_the_extension_point(
    store: HomeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    credit = _Credit()
    monkeypatch.setitem(STATE_EXTENSIONS, PREPAYMENT_SECTION, credit)
    home = EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=1))
    credit.credit[id(home)] = "3.21"
    store.save(home, "prepay")
    assert credit.credit[id(store.load("prepay"))] == "3.21"
    monkeypatch.delitem(STATE_EXTENSIONS, PREPAYMENT_SECTION)  # a version without the engine
    with pytest.raises(HomeStoreError, match="cannot restore the home's prepayment state"):
        store.load("prepay")


async def test_autosave_saves_off_the_loop_thread_and_once_more_when_stopped(
    store: HomeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=1))
    writers: list[str] = []
    write_home = home_store_rows.write_home

    def recording(*args: Any) -> None:
        writers.append(threading.current_thread().name)
        write_home(*args)

    monkeypatch.setattr("home_emulator.store.home_store.write_home", recording)
    task = asyncio.create_task(autosave(home, store, "auto", every_s=0.01))
    for _ in range(500):
        if writers:
            break
        await asyncio.sleep(0.01)
    assert writers
    assert "auto" in store
    _steps([home], 100)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert all(name.startswith("home-store") for name in writers)
    assert store.load("auto").now_s == home.now_s  # the last save came with the stop


def test_a_full_24_month_home_saves_and_loads_whole(store: HomeStore) -> None:
    home = build_storable_home(load_named("family-dual-fuel"))  # 731 days of history
    home.power_on()
    _steps([home], STEPS_PER_HOUR)
    store.save(home, "full")
    restored = _restarted(store, "full")
    assert len(restored.esme.registers.imported.readings) > 35_000
    assert state_of(restored) == state_of(home)
