"""`python -m home_emulator swap-ppmid` replaces a stored home's PPMID in the hub's device log."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import zigpy.types as t

from home_emulator.air.virtual_radio import COORDINATOR_IEEE
from home_emulator.commands.cli import main
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.scenario.model import load_named
from home_emulator.store.home_store import HomeStore, build_storable_home

OLD = "00:0d:6f:ff:fe:00:00:05"
NEW = "00:0d:6f:ff:fe:00:00:06"


def test_the_new_ppmid_is_logged_and_the_old_one_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gc.collect()  # earlier tests' Qt garbage, here rather than on the store's worker thread
    path = tmp_path / "homes.sqlite"
    home = build_storable_home(load_named("dual-fuel-prepay"), history_days=2)
    home.hub.device_log.add(t.EUI64.convert(OLD), new_install_code(), DeviceType.PPMID)
    with HomeStore(path) as store:
        store.save(home, "trial")
    home.close()
    code = new_install_code().hex()
    swap = ["swap-ppmid", "--store", str(path), "--name", "trial"]
    assert main([*swap, "--old", OLD, "--new", NEW, "--install-code", code]) == 0
    assert capsys.readouterr().out.startswith(f"{OLD} removed; {NEW} added")
    with HomeStore(path) as store:
        again = store.load("trial")
    log = again.hub.device_log
    assert t.EUI64.convert(OLD) not in log.entries
    assert log.entries[t.EUI64.convert(NEW)].device_type is DeviceType.PPMID
    assert log.entries[t.EUI64.convert(NEW)].install_code.hex() == code
    assert log.historic[0].eui64 == t.EUI64.convert(OLD)
    again.close()

    assert main([*swap, "--old", OLD, "--new", NEW]) == 2  # the old one is gone already
    assert "is not a PPMID in the device log" in capsys.readouterr().err
    assert main([*swap, "--old", str(COORDINATOR_IEEE), "--new", OLD]) == 2  # an IHD
    assert "is not a PPMID" in capsys.readouterr().err
    assert main([*swap, "--old", NEW, "--new", OLD, "--install-code", "zz"]) == 2
    assert "--install-code must be hex" in capsys.readouterr().err
    assert main(["swap-ppmid", "--store", str(tmp_path / "none"), "--name", "x", "--old", OLD,
                 "--new", NEW]) == 2  # fmt: skip
    assert "no home store" in capsys.readouterr().err
