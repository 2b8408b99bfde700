"""Unpairing and a replaced hub, as a person meets them: unpairing asks first, takes the CAD out
of the hub's device log (to the historic log, which a re-pairing reuses) and keeps the log of
readings; a CAD whose hub was replaced says so and asks to be paired with the new one."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import zigpy.types as t
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.connection.han_access import CAD_IEEE
from app.connection.sources import home_of
from app.host.running import RunningApp
from app.settings.options import Options
from cad.pairing_memory import Pairing, PairingMemory
from cad.shell import CadShell

OLD_HUB = "0d:6f:00:00:00:00:00:99"


async def _until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on what a person would see
            await asyncio.sleep(0.005)


async def _started() -> tuple[RunningApp, CadShell]:
    # Slow enough that the hub's three-minute pairing window outlasts a loaded machine's passkey
    # exchange, fast enough for readings to arrive.
    app = RunningApp(Options(mode="cad", speed=5))
    window = await app.start()
    assert isinstance(window.view, CadShell)
    return app, window.view


async def _pair_by_passkey(app: RunningApp, shell: CadShell) -> None:
    home = home_of(app.source)
    home.pairing.press()
    screen = shell.pairing
    screen.passkey.setText(home.pairing.passkey)
    QTest.mouseClick(screen.pair_button, Qt.MouseButton.LeftButton)
    try:
        await _until(lambda: shell.is_paired, 40)
    except TimeoutError:
        raise AssertionError(f"not paired; the screen says {screen.outcome.text()!r}") from None


async def test_unpairing_asks_first_leaves_the_device_log_and_pairing_again_reuses_the_entry() -> (
    None
):
    app, shell = await _started()
    try:
        home = home_of(app.source)
        log = home.hub.device_log
        cad = t.EUI64.convert(CAD_IEEE)
        await _pair_by_passkey(app, shell)
        await _until(lambda: shell.live.demand.unit.text() == "kW")
        hub = home.hub.ieee
        await _until(lambda: (PairingMemory().load() or Pairing("", None, "", 0)).hub_ieee == hub)
        shell.tabs.setCurrentWidget(shell.device)
        shell.device.refresh()
        assert shell.device.values[1].text() == hub
        assert shell.device.values[2].text() == "with the hub's passkey"

        device = shell.device
        QTest.mouseClick(device.unpair, Qt.MouseButton.LeftButton)
        assert device.confirm.isVisibleTo(device)
        assert log.admits(cad)  # nothing happens before the second press
        QTest.mouseClick(device.cancel, Qt.MouseButton.LeftButton)
        assert not device.confirm.isVisibleTo(device)
        # Read into a name: an assert on the property itself would fix its type for mypy, and the
        # unpairing below changes it.
        still_paired = shell.is_paired
        assert still_paired

        QTest.mouseClick(device.unpair, Qt.MouseButton.LeftButton)
        QTest.mouseClick(device.confirm, Qt.MouseButton.LeftButton)
        assert not shell.is_paired
        assert "Unpaired" in shell.pairing.outcome.text()
        assert not log.admits(cad)
        assert log.historic[0].eui64 == cad
        assert PairingMemory().load() is None
        await _until(lambda: shell.logger is None and not shell.logger_ref.tasks)
        assert any("removed from the device log" in event.detail for event in home.hub.events)

        await asyncio.sleep(0.5)  # readings no longer reach it: it does not pair itself again
        assert not shell.is_paired

        await _pair_by_passkey(app, shell)
        assert log.admits(cad)
        assert all(entry.eui64 != cad for entry in log.historic)  # the returning entry reused
        await _until(lambda: shell.logger is not None)
    finally:
        await app.stop()


async def test_a_replaced_hub_is_noticed_and_the_cad_asks_to_be_paired_again() -> None:
    PairingMemory().save(Pairing(CAD_IEEE, OLD_HUB, "passkey", 1_700_000_000))
    app, shell = await _started()
    try:
        await asyncio.sleep(0.5)
        assert not shell.is_paired
        assert "hub has been replaced" in shell.pairing.outcome.text()
        assert PairingMemory().load() is None
        home = home_of(app.source)
        assert not home.hub.device_log.admits(t.EUI64.convert(CAD_IEEE))

        await _pair_by_passkey(app, shell)
        await _until(
            lambda: (PairingMemory().load() or Pairing("", None, "", 0)).hub_ieee == home.hub.ieee
        )
    finally:
        await app.stop()
