"""The display survives its source going away: a served home stopped and started again.

The real app (window, session, history store) attaches to ``python -m home_emulator serve`` in its
own process; the process is stopped, the window says "Reconnecting…" over readings marked out of
date, the process is started again on the same port, and live readings come back by themselves.
"""

from __future__ import annotations

import asyncio
import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.connection.han_connection import Backoff, ConnectionState
from app.history.store import Channel
from app.host.running import RunningApp
from app.settings.options import Options
from han.model import LinkState
from ihd.shell import IhdShell

START_TIMEOUT_S = 60.0


class ServedHome:
    """``python -m home_emulator serve`` on a given port, stopped the way a supervisor stops it."""

    def __init__(self, port: int) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "home_emulator", "serve", "--scenario", "family-dual-fuel",
                "--history-days", "2", "--listen", f"127.0.0.1:{port}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        assert self.process.stdout is not None
        os.set_blocking(self.process.stdout.fileno(), False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.process.stdout, selectors.EVENT_READ)
        self._output = b""

    def listening(self) -> bool:
        """Whether it has said it is listening (reads what it printed, without blocking)."""
        assert self.process.stdout is not None
        if self._selector.select(0):
            self._output += self.process.stdout.read() or b""
        if self.process.poll() is not None and b"on tcp://" not in self._output:
            raise AssertionError(f"serve ended: {self._output.decode()}")
        return re.search(rb"on tcp://", self._output) is not None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._selector.close()
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture
def served_home() -> Iterator[Callable[[int], ServedHome]]:
    started: list[ServedHome] = []

    def start(port: int) -> ServedHome:
        home = ServedHome(port)
        started.append(home)
        return home

    yield start
    for home in started:
        home.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _until(condition: Callable[[], bool], timeout_s: float = START_TIMEOUT_S) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on another process and on the screen
            await asyncio.sleep(0.02)


@pytest.mark.logs_warning(
    r"^lost the emulated home: ", r"^Lost the HAN source: ", r"^HAN source back after "
)
async def test_the_display_reconnects_by_itself_when_the_served_home_comes_back(
    served_home: Callable[[int], ServedHome], qtbot: QtBot
) -> None:
    port = _free_port()
    home = served_home(port)
    await _until(home.listening)
    app = RunningApp(Options(source=f"tcp://127.0.0.1:{port}", size=(800, 480)))
    app.connection.backoff = Backoff(first_s=0.2, longest_s=1.0)
    window = await app.start()
    try:
        shell = window.view
        assert isinstance(shell, IhdShell)
        demand = shell.screen_for("now").demand  # type: ignore[attr-defined]

        def live_demand_since(moment: float) -> bool:
            meter = app.model.electricity_import_meter()
            return (
                meter is not None
                and meter.demand_kw is not None
                and meter.demand_kw.updated_at >= moment
                and demand.value.text() not in ("", "–")
                and not demand.is_stale
            )

        await _until(lambda: live_demand_since(0))
        assert not window.is_reconnecting
        await app.history_opened()
        store = app.history.store if app.history is not None else None
        assert store is not None
        meter_key = str(app.model.electricity_import_meter().key)  # type: ignore[union-attr]

        async def logged() -> int:
            _, count = await store.sum_half_hours(meter_key, Channel.IMPORT, 0, 2**40)
            return count

        await _until(lambda: bool(app.connection.links))
        async with asyncio.timeout(START_TIMEOUT_S):
            while await logged() == 0:  # noqa: ASYNC110 - the back-fill has no event
                await asyncio.sleep(0.1)
        logged_before = await logged()

        home.stop()
        await _until(lambda: window.is_reconnecting, 20)
        state = app.connection.state  # a name: asserting the attribute would fix it for mypy
        assert state is ConnectionState.RECONNECTING
        link = app.model.link  # a name, for the same reason
        assert link is LinkState.LOST
        assert window.reconnecting.heading.text() == "Reconnecting…"
        assert "out of date" in window.reconnecting.detail.text()
        await _until(lambda: demand.is_stale, 5)  # the old figure stays, marked out of date
        assert app.session is None
        assert await logged() == logged_before  # nothing logged is lost

        restarted_at = time.time()
        again = served_home(port)
        await _until(again.listening)
        await _until(lambda: live_demand_since(restarted_at))
        reconnecting = window.is_reconnecting  # a name, for the same reason
        assert not reconnecting
        assert app.connection.state is ConnectionState.LIVE
        assert app.model.link is LinkState.CONNECTED
        assert await logged() >= logged_before
    finally:
        await app.stop()


@pytest.mark.logs_warning(r"^HAN source not there yet: ", r"^HAN source back after ")
async def test_a_kiosk_waits_for_a_served_home_that_is_not_there_yet(
    served_home: Callable[[int], ServedHome], qtbot: QtBot
) -> None:
    from app.kiosk.kiosk_settings import KioskSettings
    from app.kiosk.pin import hash_pin

    port = _free_port()
    kiosk = KioskSettings(source=f"tcp://127.0.0.1:{port}", pin_hash=hash_pin("1234"))
    app = RunningApp(Options(source=kiosk.source, kiosk=kiosk))
    app.connection.backoff = Backoff(first_s=0.2, longest_s=0.5)
    window = await app.start()  # a desktop run would have said "cannot attach" and ended
    try:
        assert window.is_reconnecting
        assert "cannot reach the meters" in window.reconnecting.detail.text()
        assert window.isFullScreen()
        home = served_home(port)
        await _until(home.listening)
        await _until(
            lambda: (
                (meter := app.model.electricity_import_meter()) is not None
                and meter.demand_kw is not None
            )
        )
        await _until(lambda: not window.is_reconnecting, 5)
        assert app.connection.state is ConnectionState.LIVE
    finally:
        await app.stop()
