"""Test-wide set-up: headless Qt, PySide6 chosen explicitly, asyncio tests on a qasync loop."""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from app.host import qt_gc


def _qasync_loop() -> qasync.QEventLoop:
    application = QApplication.instance() or QApplication([])
    return qasync.QEventLoop(application)


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_qt_thread() -> None:
    """As the app does (``app/host/qt_gc.py``): no collection on a worker thread mid-test."""
    QApplication.instance() or QApplication([])
    qt_gc.collect_on_qt_thread()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    """A test that never runs the Qt loop leaves its cycles for the next; collect them here."""
    yield
    qt_gc.collect_due()


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> dict[str, Callable[[], Any]]:
    """Every async test runs on the loop the app itself uses: asyncio driven by Qt."""
    return {"qasync": _qasync_loop}


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run: what it holds (an embedded home's rendered past) is
    the same for every test of a day, and writing it anew for each test would cost time and disk."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, _shared_cache: Path
) -> None:
    """Keep every test away from the real user's settings and data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(_shared_cache))


@pytest.fixture
def emulated_han() -> Callable[..., Any]:
    """Opens an emulated home on the virtual radio, with a HAN session keeping a model current.

    Use as ``async with emulated_han() as han:`` inside the test. (An async fixture would leave
    frames in flight between pytest's set-up and call phases, where pytest-qt pumps Qt events with
    no asyncio loop running.) The home's clock is not started: tests step it, so values are exact.
    """
    return _open_emulated_han


@contextlib.asynccontextmanager
async def _open_emulated_han(
    *,
    power_on: bool = True,
    poll_interval_s: float = 30.0,
    firmware: int | None = None,
    **spec: Any,
) -> AsyncIterator[EmulatedHan]:
    from han.model import HomeModel
    from han.session import HanSession
    from home_emulator.air.virtual_radio import VirtualRadio
    from home_emulator.home import EmulatedHome, HomeSpec

    home = EmulatedHome(
        HomeSpec(**{"seed": 7, "start_epoch_s": 1_780_000_000, "history_days": 40, **spec})
    )
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air))
    model = HomeModel()
    session = HanSession(
        radio, model, poll_interval_s=poll_interval_s, firmware_image_type=firmware
    )
    session.start()
    if power_on:
        home.power_on()
    try:
        yield EmulatedHan(home, radio, model, session)
    finally:
        await session.stop()
        await radio.shutdown()
        home.close()
        for _ in range(3):  # let callbacks already queued run while the loop is still ours
            await asyncio.sleep(0)


class EmulatedHan:
    def __init__(self, home: Any, radio: Any, model: Any, session: Any) -> None:
        self.home = home
        self.radio = radio
        self.model = model
        self.session = session

    async def until(self, condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
        """Let the loop run until ``condition`` holds (frames are delivered asynchronously)."""
        async with asyncio.timeout(timeout_s):
            while not condition():  # noqa: ASYNC110 - zigpy state has no event to wait on
                await asyncio.sleep(0.001)

    async def meter_ready(self) -> None:
        """Until the session has attached to the meter: reporting set up, values and price read."""
        await self.until(lambda: bool(self.session.links))
        await asyncio.wait_for(
            asyncio.gather(*(link.attached.wait() for link in self.session.links.values())), 5
        )
