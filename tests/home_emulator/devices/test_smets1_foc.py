"""The shipped `smets1-foc` home behaves as the DCC's 2021 FOC Uplift 2.1 consultation says SMETS1
meters do: whole-pound top-ups, a summer gas day that stops at 23:00, a daily read log that repeats
its 23:00 entry stamped midnight, a PPMID the supplier can swap, and a hub that takes one firmware
update at a time (test_one_update_per_han.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import gc
from pathlib import Path
from zoneinfo import ZoneInfo

import zigpy.types as t

from han.domain.daily_reads import day_uses
from home_emulator.commands.cli import main
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome
from home_emulator.metering import smets1
from home_emulator.metering.top_up_gate import TopUpResult
from home_emulator.scenario.home_builder import build_home
from home_emulator.scenario.model import Meters, load_named
from home_emulator.store.home_store import HomeStore, build_storable_home
from tests.vending import vend

LONDON = ZoneInfo("Europe/London")


def _at(day: dt.date, hour: int, minute: int = 0) -> int:
    return int(dt.datetime.combine(day, dt.time(hour, minute), LONDON).timestamp())


def _home(start_s: int | None = None) -> EmulatedHome:
    scenario = load_named("smets1-foc")
    assert scenario.home.meters is Meters.SMETS1_FOC
    if start_s is not None:
        home = dataclasses.replace(scenario.home, start_epoch_s=start_s)
        scenario = dataclasses.replace(scenario, home=home, events=())
    return build_home(scenario, speed=100_000, history_days=3)


def _run_to(home: EmulatedHome, epoch_s: int) -> None:
    asyncio.run(home.run_flat_out(epoch_s))


def test_top_ups_are_taken_in_whole_pounds_only() -> None:
    home = _home()
    assert home.esme.prepay.top_up(vend(home, 1, pennies=1050))[0] is TopUpResult.NOT_WHOLE_POUNDS
    assert home.esme.prepay.top_up(vend(home, 2, pounds=10)) == (TopUpResult.ACCEPTED, 1000)
    assert home.gas is not None
    assert home.gas.prepay.gate.smets1
    smets2 = build_home(load_named("dual-fuel-prepay"), history_days=2)
    assert not smets2.esme.prepay.gate.smets1


def test_a_summer_gas_day_holds_23_of_its_24_hours_and_says_when_it_froze() -> None:
    day = dt.date(2026, 6, 15)
    home = _home()
    gas = home.gas
    assert gas is not None
    midnight, eleven = _at(day + dt.timedelta(days=1), 0), _at(day, 23)
    _run_to(home, midnight + 600)
    yesterday = gas.metering.get("previousday_consumption_delivered")
    start = _at(day, 0)
    assert yesterday == gas.volume.between(start, eleven)
    last_hour = gas.volume.between(eleven, midnight)
    assert last_hour is not None
    whole = gas.volume.between(start, midnight)
    assert whole is not None
    assert yesterday == whole - last_hour
    assert gas.metering.get("daily_freeze_time") == 0x1700  # 23:00, ZSE DailyFreezeTime
    # The half-hourly profile still has the hour: only the day's snapshot leaves it out.
    assert gas.volume.half_hours(midnight, 2) == [
        gas.volume.between(eleven, eleven + 1800),
        gas.volume.between(eleven + 1800, midnight),
    ]
    # The electricity meter's day is whole.
    esme = home.esme
    assert esme.metering.get("previousday_consumption_delivered") == (
        esme.registers.imported.between(start, midnight)
    )


def test_in_winter_the_gas_day_is_whole() -> None:
    day = dt.date(2026, 1, 12)
    home = _home(_at(day, 21, 30))
    gas = home.gas
    assert gas is not None
    midnight = _at(day + dt.timedelta(days=1), 0)
    _run_to(home, midnight + 600)
    assert gas.metering.get("previousday_consumption_delivered") == (
        gas.volume.between(_at(day, 0), midnight)
    )
    assert gas.metering.get("daily_freeze_time") == 0


def test_the_daily_read_log_repeats_the_2300_entry_stamped_midnight() -> None:
    day = dt.date(2026, 6, 16)
    home = _home(_at(day - dt.timedelta(days=1), 21, 30))
    gas = home.gas
    assert gas is not None
    _run_to(home, _at(day, 22))  # asked before 23:00
    log = gas.daily_read_log(days=2)
    eleven, midnight = _at(day - dt.timedelta(days=1), 23), _at(day, 0)
    assert [entry.stamp_s for entry in log[-2:]] == [eleven, midnight]
    assert log[-1].reading == log[-2].reading == gas.volume.reading_at(eleven)
    _run_to(home, _at(day, 23, 30))  # after today's 23:00, before midnight: no repeat yet
    log = gas.daily_read_log(days=2)
    assert log[-1].stamp_s == _at(day, 23)
    assert log[-2].stamp_s == midnight


def test_the_gas_day_stops_at_2300_only_in_summer_time() -> None:
    assert smets1.snapshot_end(LONDON, _at(dt.date(2026, 6, 16), 0)) == _at(
        dt.date(2026, 6, 15), 23
    )
    assert smets1.snapshot_end(LONDON, _at(dt.date(2026, 1, 13), 0)) == _at(dt.date(2026, 1, 13), 0)
    # The day the clocks go back ends in GMT: whole. The day they go forward ends in BST.
    assert smets1.snapshot_end(LONDON, _at(dt.date(2026, 10, 26), 0)) == _at(
        dt.date(2026, 10, 26), 0
    )
    assert smets1.snapshot_end(LONDON, _at(dt.date(2026, 3, 30), 0)) == _at(
        dt.date(2026, 3, 29), 23
    )


def test_the_supplier_swaps_the_ppmid_and_the_home_stays_smets1(tmp_path: Path) -> None:
    gc.collect()  # earlier tests' Qt garbage, here rather than on the store's worker thread
    old, new = "00:0d:6f:ff:fe:00:00:05", "00:0d:6f:ff:fe:00:00:06"
    path = tmp_path / "homes.sqlite"
    home = build_storable_home(load_named("smets1-foc"), history_days=2)
    home.hub.device_log.add(t.EUI64.convert(old), new_install_code(), DeviceType.PPMID)
    with HomeStore(path) as store:
        store.save(home, "flat")
    home.close()
    assert (
        main(["swap-ppmid", "--store", str(path), "--name", "flat", "--old", old, "--new", new])
        == 0
    )
    with HomeStore(path) as store:
        again = store.load("flat")
    log = again.hub.device_log
    assert t.EUI64.convert(old) not in log.entries
    assert log.entries[t.EUI64.convert(new)].device_type is DeviceType.PPMID
    assert again.spec.smets1_foc
    assert again.esme.prepay.gate.smets1
    assert again.gas is not None
    assert again.gas.smets1_foc
    assert again.hub.ota.one_update_per_han  # S1SR 18.63–18.65 hold after a reload too
    again.close()


def test_a_reader_of_the_log_counts_the_repeated_entry_once() -> None:
    first = dt.date(2026, 6, 15)
    home = _home(_at(first, 21, 30))
    gas = home.gas
    assert gas is not None
    _run_to(home, _at(first + dt.timedelta(days=4), 22))
    log = gas.daily_read_log(days=5)
    assert len(log) == 10  # five summer days end, each with a 23:00 entry and its repeat
    uses = day_uses(log)
    assert [use.day_start_s for use in uses] == [
        _at(first + dt.timedelta(days=n), 0) for n in range(4)
    ]
    assert all(use.hours == 24 for use in uses)  # 23:00 to 23:00, said as such
    assert sum(use.amount for use in uses) == log[-1].reading - log[1].reading
    for use in uses:
        assert use.amount == gas.volume.between(use.from_s, use.to_s)
