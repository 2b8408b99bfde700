"""Your network, as a person uses it on a display's own coordinator: open it for three minutes
with a countdown, see a device join and be recognised, close it; let a device in by its install
code (a mistyped label is named and nothing is sent; a coordinator that cannot is said so); back
the network up to a private file. On the embedded home the page is not offered at all."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from pathlib import Path

import zigpy.types as t
from pytestqt.qtbot import QtBot
from zigpy.backups import NetworkBackup

from app.connection.own_network import OwnNetwork
from app.host.context import DeviceKind, ExperienceContext, PairedDevice
from ihd.pages.more import MoreScreen
from ihd.pages.network import NetworkScreen
from tests.ihd.conftest import NOW, Display, dual_fuel_home
from tests.ihd.screen_of import screen_of

SENSOR = "0d:6f:00:00:00:00:00:30"
LABEL_CODE = "83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5"  # the ZigBee spec's example


class Coordinator:
    """The slice of a zigpy ControllerApplication the page reaches through ``OwnNetwork``."""

    def __init__(self, *, takes_install_codes: bool = True) -> None:
        self.permits: list[int] = []
        self.keys: list[tuple[t.EUI64, t.KeyData, int]] = []
        self.takes_install_codes = takes_install_codes
        self.backups = self

    async def permit(self, time_s: int) -> None:
        self.permits.append(time_s)

    async def permit_with_link_key(self, node: t.EUI64, link_key: t.KeyData, time_s: int) -> None:
        if not self.takes_install_codes:
            raise NotImplementedError
        self.keys.append((node, link_key, time_s))

    async def create_backup(self, *, load_devices: bool) -> NetworkBackup:
        return NetworkBackup()


async def _settled() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def _own_network(radio: Coordinator | None, tmp_path: Path) -> OwnNetwork:
    return OwnNetwork(lambda: radio, backup_path=tmp_path / "backup.json")


def _screen(
    qtbot: QtBot,
    radio: Coordinator | None,
    devices: list[PairedDevice],
    tmp_path: Path,
    clock: dict[str, float] | None = None,
) -> NetworkScreen:
    now = clock if clock is not None else {"now": NOW}
    context = ExperienceContext(
        dual_fuel_home(),
        now=lambda: now["now"],
        devices=lambda: list(devices),
        network=_own_network(radio, tmp_path),
    )
    screen = NetworkScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    return screen


async def test_opening_counting_down_a_device_joining_and_closing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    radio = Coordinator()
    devices: list[PairedDevice] = []
    clock = {"now": NOW}
    screen = _screen(qtbot, radio, devices, tmp_path, clock)
    assert screen.state.text() == "Closed: no new device can join."
    screen.open_button.click()
    await _settled()
    assert radio.permits == [180]
    assert screen.state.text() == "Open for new devices: 3:00 left"
    assert screen.close_button.isVisible()
    assert not screen.open_button.isVisible()

    clock["now"] += 61
    devices.append(PairedDevice(SENSOR, DeviceKind.OTHER))  # joined, not yet interviewed
    screen.refresh()
    assert screen.state.text() == "Open for new devices: 1:59 left"
    assert screen.joined.text() == f"✓ Joined: a device, {SENSOR}"
    devices[0] = PairedDevice(SENSOR, DeviceKind.POWER_SENSOR)  # now recognised
    screen.refresh()
    assert screen.joined.text() == f"✓ Joined: a power sensor, {SENSOR}"

    screen.close_button.click()
    await _settled()
    assert radio.permits == [180, 0]
    assert screen.state.text() == "Closed: no new device can join."
    clock["now"] += 500
    screen.refresh()
    assert screen.state.text() == "Closed: no new device can join."


async def test_install_codes_are_checked_before_anything_is_sent(
    qtbot: QtBot, tmp_path: Path
) -> None:
    radio = Coordinator()
    screen = _screen(qtbot, radio, [], tmp_path)
    screen.eui64.setText("00:0d:6f:00:0a:0b:0c")  # a byte short
    screen.install_code.setText(LABEL_CODE)
    screen.code_button.click()
    await _settled()
    assert screen.outcome.text() == (
        "⚠ An EUI-64 has 16 hex digits; this one has 14. Nothing was sent."
    )

    screen.eui64.setText("00:0d:6f:00:0a:0b:0c:0d")
    screen.install_code.setText(LABEL_CODE[:-1] + "4")  # a mistyped last digit: the CRC fails
    screen.code_button.click()
    await _settled()
    assert screen.outcome.text() == (
        "⚠ The install code's check digits do not match: is a character mistyped? Nothing was sent."
    )
    assert radio.keys == []

    screen.install_code.setText(LABEL_CODE.lower())
    screen.code_button.click()
    await _settled()
    (node, key, seconds) = radio.keys[0]
    assert str(node) == "00:0d:6f:00:0a:0b:0c:0d"
    assert seconds == 180
    assert key == t.KeyData.convert("66:B6:90:09:81:E1:EE:3C:A4:20:6B:6B:86:1C:02:BB")
    assert screen.outcome.text().startswith("✓ ")
    assert screen.state.text() == "Open for new devices: 3:00 left"


async def test_a_coordinator_without_install_codes_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    screen = _screen(qtbot, Coordinator(takes_install_codes=False), [], tmp_path)
    screen.eui64.setText("000D6F000A0B0C0D")
    screen.install_code.setText(LABEL_CODE)
    screen.code_button.click()
    await _settled()
    assert "cannot admit devices by install code" in screen.outcome.text()


async def test_a_backup_is_written_whole_and_privately(qtbot: QtBot, tmp_path: Path) -> None:
    screen = _screen(qtbot, Coordinator(), [], tmp_path)
    assert screen.backup_state.text() == "Not backed up yet."
    screen.backup_button.click()
    await _settled()
    backup = tmp_path / "backup.json"
    assert json.loads(backup.read_text())["metadata"]["format"] == "zigpy/open-coordinator-backup"
    assert stat.S_IMODE(os.stat(backup).st_mode) & 0o077 == 0  # it holds the network key
    assert str(backup) in screen.backup_state.text()


async def test_a_lost_coordinator_is_said_and_nothing_breaks(qtbot: QtBot, tmp_path: Path) -> None:
    screen = _screen(qtbot, None, [], tmp_path)
    screen.open_button.click()
    await _settled()
    assert "not connected" in screen.outcome.text()
    assert screen.state.text() == "Closed: no new device can join."


def test_the_page_is_offered_only_on_the_displays_own_network(display: Display) -> None:
    display.shell.go_to("more")
    more = screen_of(display.shell, "more", MoreScreen)
    assert not more.buttons["network"].isVisibleTo(more)  # the embedded home: the hub decides


def test_the_page_is_offered_on_a_coordinator(qtbot: QtBot, tmp_path: Path) -> None:
    from ihd.pages.more import MoreScreen
    from ihd.screens import SCREENS

    network = _own_network(Coordinator(), tmp_path)
    context = ExperienceContext(dual_fuel_home(), now=lambda: NOW, network=network)
    more = MoreScreen(context, offered=[d for d in SCREENS if d.under == "more"])
    qtbot.addWidget(more)
    more.show()
    assert more.buttons["network"].isVisible()
