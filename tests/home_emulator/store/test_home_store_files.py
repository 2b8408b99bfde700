"""The home store's file: several homes, the format, tariffs by their settings, and failures that
leave the previous save intact."""

from __future__ import annotations

import gc
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import sqlite_utils

from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.scenario.model import load_named
from home_emulator.store.home_store import HomeStore, HomeStoreError, build_storable_home
from home_emulator.store.schema import TABLES
from home_emulator.store.tariffs import tariff_from_json, tariff_to_json
from home_emulator.tariffs import (
    Block,
    Rate,
    SingleRate,
    TimeOfUse,
    agile,
    cost_of,
    economy7,
    tiers_for,
    with_switch_offset,
)

LONDON = ZoneInfo("Europe/London")


def _at(home: EmulatedHome, day: int, hour: int, minute: int = 0) -> None:
    until = datetime(2026, 1, day, hour, minute, tzinfo=LONDON).timestamp()
    while home.now_s < until:
        home.step()


def state_of(home: EmulatedHome) -> tuple[Any, ...]:
    """Enough of a home to tell two saves apart (``test_home_store`` compares everything)."""
    registers = home.esme.registers
    return (
        home.now_s,
        registers.imported.accumulator,
        registers.imported.readings,
        registers.cost.readings,
        list(home.hub.messages.values()),
        home.hub.events,
    )


@pytest.fixture
def store(tmp_path: Path) -> Any:
    gc.collect()  # earlier tests' Qt garbage dies on this thread, not the store's (see test_home_store)
    with HomeStore(tmp_path / "homes.sqlite") as opened:
        yield opened


def _restarted(store: HomeStore, name: str) -> EmulatedHome:
    with HomeStore(store.path) as reopened:
        return reopened.load(name)


@pytest.mark.parametrize(
    "tariff",
    [
        SingleRate("0.2001", "0.5", "Flat", label="Any time"),
        economy7(follows_gmt=False, night_start=time(23), night_end=time(6)),
        TimeOfUse("Peaky", [Rate(1, "Peak", Decimal("0.4")), Rate(2, "Off", Decimal("0.1"))],
                  [(time(0), 2), (time(16), 1), (time(19), 2)], "0.5", [(time(0), 2)]),
        agile(9, cap="0.9"),
        Block("Blocks", ["3.5", "10"], ["0.1", "0.2", "0.3"], "week", "0.4"),
        with_switch_offset(economy7(), 1234),
    ],
    ids=repr,
)  # fmt: skip
def test_tariffs_are_kept_by_their_settings(tariff: Any) -> None:
    rebuilt = tariff_from_json(tariff_to_json(tariff))
    assert tariff_to_json(rebuilt) == tariff_to_json(tariff)
    starts = np.arange(1_767_225_600, 1_767_225_600 + 14 * 86_400, 1800, dtype=np.float64)
    kwh = np.full(starts.shape, 0.4)
    assert (cost_of(rebuilt, starts, kwh) == cost_of(tariff, starts, kwh)).all()
    assert (tiers_for(rebuilt, starts) == tiers_for(tariff, starts)).all()


def test_a_tariff_the_store_cannot_describe_is_refused_before_anything_is_written(
    store: HomeStore,
) -> None:
    class HouseSpecial(SingleRate):
        pass

    home = EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=1))
    home.esme.change_tariff(HouseSpecial())
    with pytest.raises(HomeStoreError, match="cannot keep a tariff of type HouseSpecial"):
        store.save(home, "special")
    assert store.list_homes() == []


def test_one_file_holds_several_homes_and_forgets_one_on_request(store: HomeStore) -> None:
    first = EmulatedHome(HomeSpec(seed=1, start_epoch_s=1_767_225_600, history_days=1))
    second = EmulatedHome(HomeSpec(seed=2, start_epoch_s=1_767_225_600, history_days=1))
    store.save(first, "one")
    store.save(second, "two")
    store.save(second, "two")  # saving again replaces, it does not add
    assert [home.name for home in store.list_homes()] == ["one", "two"]
    assert store.delete("one")
    assert not store.delete("one")
    assert "one" not in store
    assert "two" in store
    assert store.load("two").spec.seed == 2
    with pytest.raises(HomeStoreError, match="no home called 'one'"):
        store.load("one")


def test_the_file_is_wal_strict_versioned_and_keyed_by_home(store: HomeStore) -> None:
    store.save(EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=1)), "one")
    db = sqlite_utils.Database(store.path)
    assert db.journal_mode == "wal"
    assert db.execute("SELECT version FROM schema_version").fetchone() == (1,)
    for name in TABLES:
        table = db.table(name)
        assert table.strict, name
        assert table.pks[0] == "home", name
    db.close()


def test_a_save_that_fails_part_way_leaves_the_previous_save_intact(
    store: HomeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = build_storable_home(load_named("outage-and-messages"), history_days=1)
    home.power_on()
    _at(home, 13, 9, 10)
    store.save(home, "trial")
    before = state_of(store.load("trial"))
    _at(home, 13, 12)
    insert_all = sqlite_utils.db.Table.insert_all

    def crash_at_the_events(table: sqlite_utils.db.Table, *args: Any, **kwargs: Any) -> Any:
        if table.name == "hub_events":
            raise RuntimeError("crash in the middle of a save")
        return insert_all(table, *args, **kwargs)

    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", crash_at_the_events)
    with pytest.raises(RuntimeError, match="crash"):
        store.save(home, "trial")
    monkeypatch.undo()
    assert state_of(_restarted(store, "trial")) == before


@pytest.mark.parametrize(
    ("pragma", "problem"),
    [("max_page_count = {pages}", "full"), ("query_only = 1", "readonly")],
    ids=["disk full", "read only"],
)
def test_a_full_or_read_only_disk_is_a_clear_error_and_the_previous_save_survives(
    store: HomeStore, pragma: str, problem: str
) -> None:
    small = EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=1))
    store.save(small, "small")
    pages = store._on_worker(lambda: store._database().execute("PRAGMA page_count").fetchone()[0])
    # Fault injection on the store's own connection (it lives on the store's worker thread).
    store._on_worker(lambda: store._database().execute(f"PRAGMA {pragma.format(pages=pages)}"))
    large = EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=60))
    with pytest.raises(HomeStoreError, match=f"cannot save home 'large' in .*{problem}"):
        store.save(large, "large")
    assert state_of(_restarted(store, "small")) == state_of(small)
    with HomeStore(store.path) as reopened:
        assert [home.name for home in reopened.list_homes()] == ["small"]


def _make_text_file(path: Path) -> None:
    path.write_text("[home]\nhousehold = 'family_of_four'\n")


def _make_other_database(path: Path) -> None:
    db = sqlite_utils.Database(path)
    db.table("devices").insert({"ieee": "00:11", "nwk": 1})
    db.close()


def _make_damaged_store(path: Path) -> None:
    with HomeStore(path) as store:
        store.save(EmulatedHome(HomeSpec(start_epoch_s=1_767_225_600, history_days=1)), "a")
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # garbage over the second page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_make_text_file, r"not an SQLite database"),
        (_make_other_database, r"another SQLite file: devices"),
        (_make_damaged_store, r"malformed|damaged"),
    ],
    ids=["text", "other database", "damaged"],
)
def test_a_foreign_or_corrupt_file_is_refused_and_left_untouched(
    tmp_path: Path, make: Any, reason: str
) -> None:
    path = tmp_path / "homes.sqlite"
    make(path)
    before = path.read_bytes()
    with pytest.raises(HomeStoreError, match=rf"is not a home store \(.*({reason})"):
        HomeStore(path)
    assert path.read_bytes() == before


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "homes.sqlite"
    HomeStore(path).close()
    db = sqlite_utils.Database(path)
    db.execute("UPDATE schema_version SET version = 99")
    db.conn.commit()
    db.close()
    with pytest.raises(HomeStoreError, match="version 99; this program reads version 1"):
        HomeStore(path)


def test_prepayment_credit_and_the_code_memory_survive_a_restart(tmp_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from han.formats.utrn import encode_utrn
    from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, supplier_key
    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.metering.credit_engine import PrepaymentStart, units
    from home_emulator.metering.top_up_gate import TopUpResult
    from home_emulator.store.home_store import HomeStore

    start = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()
    home = EmulatedHome(
        HomeSpec(
            start_epoch_s=start,
            history_days=1,
            electricity_prepayment=PrepaymentStart(balance=units("3.00")),
        )
    )
    keys = home.esme.keys
    code = encode_utrn(
        supplier_private_key=supplier_key(),
        meter_public_key=keys.meter_private_key.public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=keys.target,
        counter=1 << 32,
        pounds=10,
    )
    assert home.esme.prepay.top_up(code)[0] == TopUpResult.ACCEPTED
    for _ in range(30):
        home.step()
    with HomeStore(tmp_path / "homes.sqlite") as store:
        store.save(home, "prepay")
        restored = store.load("prepay")
    assert restored.esme.prepay.engine is not None
    assert home.esme.prepay.engine is not None
    assert restored.esme.prepay.engine.balance == home.esme.prepay.engine.balance
    assert restored.esme.prepayment.get("credit_remaining") == home.esme.prepayment.get(
        "credit_remaining"
    )
    assert (
        restored.esme.prepay.top_up(code)[0] == TopUpResult.DUPLICATE
    )  # the counter was remembered
    home.close()
    restored.close()


def test_a_solar_homes_generation_meter_survives_a_restart(tmp_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.store.home_store import HomeStore

    start = datetime(2026, 6, 20, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()
    home = EmulatedHome(HomeSpec(profile="solar_home", start_epoch_s=start, history_days=3))
    home.power_on()
    for _ in range(100):
        home.step()
    with HomeStore(tmp_path / "homes.sqlite") as store:
        store.save(home, "solar")
        restored = store.load("solar")
    assert restored.generation is not None
    assert home.generation is not None
    assert (
        restored.generation.registers.imported.readings
        == home.generation.registers.imported.readings
    )
    assert restored.generation.import_joules == home.generation.import_joules
    restored.power_on()
    for _ in range(10):
        home.step()
        restored.step()
    assert restored.generation.import_joules == home.generation.import_joules
    home.close()
    restored.close()


def test_a_home_with_an_auxiliary_switch_is_stored(tmp_path: Path) -> None:
    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.metering.auxiliary_switch import AuxiliarySwitch
    from home_emulator.store.home_store import HomeStore

    switch = AuxiliarySwitch(load_w=1800, offset_s=600)
    home = EmulatedHome(
        HomeSpec(start_epoch_s=1_780_000_000, history_days=1, auxiliary_switch=switch)
    )
    with HomeStore(tmp_path / "homes.sqlite") as store:
        store.save(home, "storage heaters")
        restored = store.load("storage heaters")
    assert restored.esme.auxiliary_switch == switch
    home.close()
    restored.close()
