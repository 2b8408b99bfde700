"""The CAD's screenshots: pairing, its views, the feed and unpairing."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from shots_common import SMALL, save, settle, until

from app.connection.sources import home_of
from app.host.running import RunningApp
from app.settings.options import Options


async def cad_screens() -> None:
    """The CAD: pairing (both ways) and, once paired, its views – in a throw-away user folder, so
    the person's own pairing and log are untouched."""
    import tempfile

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.history.store import Channel
    from cad.shell import CadShell

    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")
        app = RunningApp(Options(mode="cad", speed=60, seed=3, size=SMALL))
        window = await app.start()
        shell = window.view
        assert isinstance(shell, CadShell)
        home = home_of(app.source)
        pairing = shell.pairing

        def file(screen: str) -> str:
            return f"cad-{screen}-en-standard-{SMALL[0]}x{SMALL[1]}.png"

        await settle()
        await save(window, file("pairing"))
        app.settings.set_language("cy")
        await settle()
        await save(window, file("pairing").replace("-en-", "-cy-"))
        app.settings.set_language("en")
        await settle()
        QTest.mouseClick(pairing.press_button, Qt.MouseButton.LeftButton)
        QTest.keyClicks(pairing.passkey, "0000000000")
        QTest.mouseClick(pairing.pair_button, Qt.MouseButton.LeftButton)
        await until(lambda: "did not accept" in pairing.outcome.text())
        await settle()
        await save(window, file("pairing-wrong-passkey"))
        pairing.tabs.setCurrentIndex(1)
        QTest.mouseClick(pairing.cin_button, Qt.MouseButton.LeftButton)
        await settle()
        await save(window, file("pairing-remote"))
        pairing.tabs.setCurrentIndex(0)
        # Pressed again: the hub listens for three of its minutes, and a tour that lingers at
        # each stop (the layout audit) has let them pass.
        QTest.mouseClick(pairing.press_button, Qt.MouseButton.LeftButton)
        pairing.passkey.clear()
        QTest.keyClicks(pairing.passkey, home.pairing.passkey)
        QTest.mouseClick(pairing.pair_button, Qt.MouseButton.LeftButton)
        await until(lambda: shell.is_paired)
        await until(lambda: shell.live.cost_per_hour.value.text().startswith("£"), 60)
        await settle()
        await save(window, file("live"))
        logger = shell.logger
        key = shell.logger_ref.electricity_meter()
        assert logger is not None, "a paired CAD logs"
        assert key is not None, "the logger knows the electricity meter"

        async def week_logged() -> bool:
            _, count = await logger.store.sum_half_hours(key, Channel.IMPORT, 0, 2**40)
            return count >= 7 * 48

        async with asyncio.timeout(120):
            while not await week_logged():  # noqa: ASYNC110 - the log has no event
                await asyncio.sleep(0.2)
        shell.tabs.setCurrentWidget(shell.history)
        await shell.history.reload()
        await settle()
        await save(window, file("history"))
        shell.tabs.setCurrentWidget(shell.tariff)
        await settle()
        await save(window, file("tariff"))
        shell.tabs.setCurrentWidget(shell.export)
        await settle()
        await save(window, file("export"))
        feed = shell.feed
        shell.tabs.setCurrentWidget(feed)
        feed.host.setText("192.168.1.20")
        feed.prefix.setText("glow/#")
        feed.save.click()  # refused: the prefix is named and nothing is saved
        await settle()
        await save(window, file("feed-bad-prefix"))
        device = shell.device
        shell.tabs.setCurrentWidget(device)
        device.refresh()
        device.unpair.click()
        await settle()
        await save(window, file("unpair-confirm"))
        await app.stop()
