"""The CAD as a person meets it: not in the hub's device log, it pairs by the hub's passkey or
through the supplier's CIN, then shows live demand, remembers the pairing across a restart, and
cannot write to a meter."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from zigpy.zcl import foundation as f

from app.connection.sources import home_of
from app.history import runtime as history_runtime
from app.host.running import RunningApp
from app.settings.options import Options
from cad.pairing_memory import PairingMemory
from cad.shell import CadShell


async def _until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on what a person would see
            await asyncio.sleep(0.005)


def _type(widget: QLineEdit, text: str) -> None:
    widget.clear()
    QTest.keyClicks(widget, text)


async def _started() -> tuple[RunningApp, CadShell]:
    app = RunningApp(Options(mode="cad", speed=20))
    window = await app.start()
    shell = window.view
    assert isinstance(shell, CadShell)
    return app, shell


async def test_pairing_by_passkey_wrong_key_not_listening_then_live_demand() -> None:
    app, shell = await _started()
    try:
        home = home_of(app.source)
        access = shell.flow.access
        assert access is not None
        access.find_hub_s = 0.5
        screen = shell.pairing
        assert not shell.is_paired

        _type(screen.passkey, "123")
        QTest.mouseClick(screen.pair_button, Qt.MouseButton.LeftButton)
        await _until(lambda: "ten digits (you typed 3)" in screen.outcome.text())

        _type(screen.passkey, home.pairing.passkey)
        QTest.mouseClick(screen.pair_button, Qt.MouseButton.LeftButton)
        await _until(lambda: "not listening" in screen.outcome.text())
        assert not shell.is_paired

        QTest.mouseClick(screen.press_button, Qt.MouseButton.LeftButton)
        assert home.pairing.listening
        _type(screen.passkey, "0000 000 000")
        QTest.mouseClick(screen.pair_button, Qt.MouseButton.LeftButton)
        await _until(lambda: "did not accept that passkey" in screen.outcome.text())
        assert not shell.is_paired

        _type(screen.passkey, home.pairing.passkey)
        QTest.keyClick(screen.passkey, Qt.Key.Key_Return)
        await _until(lambda: shell.is_paired)
        assert screen.outcome.text().startswith("Paired")
        await _until(lambda: shell.live.demand.unit.text() == "kW")
        assert shell.live.demand.value.text() not in ("", "…", "–")
        remembered = PairingMemory().load()
        assert remembered is not None
        assert remembered.method == "passkey"
        assert remembered.display_ieee == access.display_ieee
        # One log, the CAD's own: the host records no second history of the same meters.
        assert shell.logger is not None
        assert app.history is None
        assert not history_runtime.default_path().exists()

        # Read-only: a write from this CAD's own session is refused by the meter and logged.
        session = app.session
        assert session is not None
        await _until(lambda: bool(session.links))
        link = next(iter(session.links.values()))
        (records,) = await link.metering.write_attributes({"current_summ_delivered": 0})
        # (zigpy reads the meter's Default Response – NOT_AUTHORIZED – as a failed record.)
        assert all(record.status != f.Status.SUCCESS for record in records)
        refusals = [event for event in home.hub.events if event.kind == "refused"]
        assert refusals
        assert "cluster 0x0702" in refusals[-1].detail
    finally:
        await app.stop()


async def test_pairing_remotely_with_the_cin_and_remembering_it_across_a_restart() -> None:
    app, shell = await _started()
    try:
        home = home_of(app.source)
        screen = shell.pairing
        screen.tabs.setCurrentIndex(1)
        access = shell.flow.access
        assert access is not None
        assert screen.eui64.text() == "00:0d:6f:ff:fe:00:0c:ad"
        assert len(screen.install_code.text().replace(" ", "")) == 36  # 16 bytes and a CRC

        assert screen.cin_shown.isHidden()
        QTest.mouseClick(screen.cin_button, Qt.MouseButton.LeftButton)
        # The household's IHD is not on screen: the emulated home's panel shows what it shows,
        # and the person reads the CIN from there, as they would from their IHD.
        assert not screen.cin_shown.isHidden()
        shown = screen.cin_shown.text()
        assert shown.startswith("The in-home display shows: CIN ")
        cin = shown.rsplit(" ", 1)[-1]
        assert cin == home.portal.cin_on_display
        wrong = "00000000" if cin != "00000000" else "11111111"
        _type(screen.cin, wrong)
        QTest.mouseClick(screen.call_button, Qt.MouseButton.LeftButton)
        assert "CIN does not match" in screen.outcome.text()
        assert not shell.is_paired

        _type(screen.cin, f"{cin[:4]} {cin[4:]}")
        QTest.mouseClick(screen.call_button, Qt.MouseButton.LeftButton)
        await _until(lambda: shell.is_paired)
        await _until(lambda: shell.live.demand.unit.text() == "kW")
    finally:
        await app.stop()

    again, shell = await _started()  # a new run: the CAD remembers, the hub keeps its device log
    try:
        await _until(lambda: shell.is_paired)
        await _until(lambda: shell.live.demand.unit.text() == "kW")
    finally:
        await again.stop()
