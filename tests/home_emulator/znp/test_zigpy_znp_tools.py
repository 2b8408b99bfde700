"""zigpy-znp's own command-line tools against ``python -m home_emulator serve --znp``.

Each tool runs as a user runs it, in its own process, on the emulated stick over TCP: NVRAM read,
reset and write-back (the stick forms again after a reset), then network restore and backup.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BACKUP: dict[str, Any] = {
    "metadata": {
        "format": "zigpy/open-coordinator-backup",
        "version": 1,
        "source": "zigpy-znp@0.13.0",
        "internal": {},
    },
    "coordinator_ieee": "00124b00fffe0001",
    "pan_id": "bdc7",
    "extended_pan_id": "dd00000000000bdc",
    "nwk_update_id": 0,
    "security_level": 5,
    "channel": 15,
    "channel_mask": [15],
    "network_key": {
        "key": "0102030405060708090a0b0c0d0e0f10",
        "sequence_number": 0,
        "frame_counter": 1000,
    },
    "devices": [],
    "stack_specific": {"zstack": {"tclk_seed": "00" * 16}},
}


@pytest.fixture(scope="module")
def stick() -> Iterator[str]:
    """The served home's emulated coordinator, as a ``socket://`` path the tools open."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "home_emulator",
            "serve",
            "--scenario",
            "electricity-only",
            "--history-days",
            "1",
            "--listen",
            "127.0.0.1:0",
            "--znp",
            "tcp://127.0.0.1:0",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        for line in server.stdout:
            found = re.search(r"ZNP coordinator \S+ on tcp://(\S+)", line)
            if found:
                yield f"socket://{found.group(1)}"
                break
        else:
            pytest.fail("serve stopped before offering its coordinator")
    finally:
        server.terminate()
        server.communicate(timeout=30)  # also closes its pipe


def tool(name: str, stick: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", f"zigpy_znp.tools.{name}", stick, *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


def test_nvram_read_reset_write_then_restore_and_back_up_a_network(
    stick: str, tmp_path: Path
) -> None:
    nvram = tmp_path / "nvram.json"
    tool("nvram_read", stick, "-o", str(nvram))
    items = json.loads(nvram.read_text())["LEGACY"]
    assert "POLL_RATE_OLD16" in items  # Z-Stack answers it from the 32-bit poll rate
    assert items["LOGICAL_TYPE"] == "00"  # a coordinator

    tool("nvram_reset", stick)
    tool("nvram_write", stick, "-i", str(nvram))

    backup_in, backup_out = tmp_path / "in.json", tmp_path / "out.json"
    backup_in.write_text(json.dumps(BACKUP))
    tool("network_restore", stick, "-i", str(backup_in))  # forms the network it describes
    tool("network_backup", stick, "-o", str(backup_out))
    backup = json.loads(backup_out.read_text())
    for key in ("coordinator_ieee", "pan_id", "extended_pan_id", "channel"):
        assert backup[key] == BACKUP[key], key
    assert backup["network_key"]["key"] == BACKUP["network_key"]["key"]

    # Wiped again, the stick still forms: its boot recreates what Z-Stack needs.
    tool("nvram_reset", stick)
    tool("network_restore", stick, "-i", str(backup_in))
    tool("network_backup", stick, "-o", str(backup_out))
    assert json.loads(backup_out.read_text())["pan_id"] == "bdc7"


def test_an_energy_scan_hears_wifi_and_the_han_channel_by_channel(
    stick: str, tmp_path: Path
) -> None:
    _restore(stick, tmp_path)
    scanned = tool("energy_scan", stick, "-n", "1").stdout
    energy = {
        int(found.group(1)): float(found.group(2))
        for found in re.finditer(r"^ - (\d\d)\*?\s+([\d.]+)%", scanned, re.MULTILINE)
    }
    assert sorted(energy) == list(range(11, 27))
    # Under the home's Wi-Fi router (Wi-Fi 6 is ZigBee 16–19) the band is loud; between Wi-Fi
    # channels (ZigBee 20, 25, 26) it is quiet; the HAN's own channel (15) carries its traffic.
    assert min(energy[17], energy[18]) > 2 * max(energy[25], energy[26])
    assert energy[15] > energy[26]
    assert len(set(energy.values())) > 8


async def test_a_network_scan_hears_the_homes_routers_and_next_door(
    stick: str, tmp_path: Path
) -> None:
    from zigpy_znp.zigbee.application import ControllerApplication

    _restore(stick, tmp_path)
    # Started by zigpy, as a display starts it (a restore alone does not start a network), with a
    # permit to join and a soft reset on the way: the HAN is on the restored network after it.
    app = await ControllerApplication.new({"device": {"path": stick}}, auto_form=False)
    try:
        await app.permit(30)
        assert app.state.network_info.pan_id == int(BACKUP["pan_id"], 16)
    finally:
        await app.shutdown()
    scanned = (await asyncio.to_thread(tool, "network_scan", stick, "-n", "1")).stdout
    beacons = re.findall(r"PID: 0x([0-9A-F]{4}), from: 0x([0-9A-F]{4})\]: Channel=(\d+)", scanned)
    # The home's routers answer on the network they are on: the one the stick ran.
    home = [(source, int(channel)) for pan, source, channel in beacons if pan == "BDC7"]
    assert len(home) >= 1, scanned
    assert {channel for _, channel in home} == {BACKUP["channel"]}
    assert ("4C2E", "0000", "20") in beacons  # next door's hub, on its own channel


def _restore(stick: str, tmp_path: Path) -> None:
    """Put the module's network back on the stick, as its own tool does."""
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(BACKUP))
    tool("network_restore", stick, "-i", str(backup))
