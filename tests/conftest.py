"""Test-wide set-up: headless Qt, PySide6 chosen explicitly, asyncio tests on a qasync loop, and
guards that fail a test which leaves a timer running, a thread alive, a model listener subscribed or
a warning in the log that it did not expect."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import re
import sys
import threading
import time
import weakref
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

import pytest
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.host import qt_gc
from han.model import HomeModel

if TYPE_CHECKING:  # imported where the fixture opens a home, so that collection stays light
    from han.session import HanSession
    from home_emulator.air.virtual_radio import VirtualRadio
    from home_emulator.home import EmulatedHome

pytest_plugins = ["pytester"]


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


# Guards, attached to every test ----------------------------------------------------------------
# A test that runs pytest inside itself (``pytester``) leaks on purpose: its inner run is guarded.

TIMER_GRACE_S = 0.5
"""A single-shot timer due within this long after a test may still fire: the test is waited for."""

THREAD_GRACE_S = 2.0
"""How long a test's threads get to end after it, all together."""

PROCESS_WIDE_THREADS: dict[str, str] = {}
"""Threads that live for the whole run, by name prefix, each with why it may outlive a test."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "logs_warning(pattern): the test expects a logged WARNING matching the regex"
    )


def _guarded(request: pytest.FixtureRequest) -> bool:
    return "pytester" not in request.fixturenames


@pytest.fixture(autouse=True)
def _no_timer_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a QTimer running: it would fire into the next test's objects."""
    if not _guarded(request):
        yield
        return
    started: weakref.WeakKeyDictionary[QTimer, str] = weakref.WeakKeyDictionary()
    original_start = QTimer.start

    def start(timer: QTimer, *args: Any) -> None:
        caller = sys._getframe(1)
        started[timer] = f"{caller.f_code.co_filename}:{caller.f_lineno}"  # the latest start
        original_start(timer, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QTimer, "start", start)
        yield
        running = _running_timers(started)
        deadline = time.monotonic() + TIMER_GRACE_S
        while _due_soon(running) and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
            running = _running_timers(started)
    if running:
        for timer, _ in running:
            timer.stop()  # so that one leak does not fire into the tests after it
        pytest.fail(
            "QTimers left running: "
            + "; ".join(
                f"{'single-shot' if t.isSingleShot() else 'repeating'} {t.interval()} ms "
                f"started at {where}"
                for t, where in running
            ),
            pytrace=False,
        )


def _running_timers(started: weakref.WeakKeyDictionary[QTimer, str]) -> list[tuple[QTimer, str]]:
    running = []
    for timer, where in list(started.items()):
        try:
            if timer.isActive():
                running.append((timer, where))
        except RuntimeError:  # its C++ side is deleted: it cannot fire
            continue
    return running


def _due_soon(running: list[tuple[QTimer, str]]) -> bool:
    return bool(running) and all(
        timer.isSingleShot() and timer.remainingTime() <= TIMER_GRACE_S * 1000
        for timer, _ in running
    )


@pytest.fixture(autouse=True)
def _no_thread_left_alive(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a thread it started alive: it would work on after the test."""
    before = set(threading.enumerate())
    yield
    if not _guarded(request):
        return
    deadline = time.monotonic() + THREAD_GRACE_S
    alive = []
    for thread in threading.enumerate():
        if thread in before or _process_wide(thread) or isinstance(thread, _ForeignThread):
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            alive.append(thread)
    if alive:
        pytest.fail(
            "threads left alive: " + ", ".join(repr(thread) for thread in alive), pytrace=False
        )


_ForeignThread = threading._DummyThread
"""A thread Python did not start (a QThread that ran Python code): it cannot be joined, and
Python keeps its entry after it ends."""


def _process_wide(thread: threading.Thread) -> bool:
    return any(thread.name.startswith(prefix) for prefix in PROCESS_WIDE_THREADS)


def live_listeners(model: HomeModel) -> int:
    """How many listeners ``model`` would still notify."""
    return model.listener_count


@pytest.fixture(autouse=True)
def _no_model_listener_left(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a listener on a model it made: a view that never unsubscribed."""
    if not _guarded(request):
        yield
        return
    created: list[weakref.ref[HomeModel]] = []
    original_init = HomeModel.__init__

    def init(model: HomeModel) -> None:
        original_init(model)
        created.append(weakref.ref(model))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(HomeModel, "__init__", init)
        yield
    if _subscribed(created):
        gc.collect()  # a model only garbage holds on to is no leak
        if leaking := _subscribed(created):
            pytest.fail(
                "models left with listeners: "
                + ", ".join(f"{live_listeners(model)} on {model!r}" for model in leaking),
                pytrace=False,
            )


def _subscribed(created: list[weakref.ref[HomeModel]]) -> list[HomeModel]:
    return [
        model
        for reference in created
        if (model := reference()) is not None and live_listeners(model) > 0
    ]


class _WarningRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _no_unexpected_warning_logged(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that logs a WARNING or worse it did not expect.

    A test expects a warning by reading the log through ``caplog`` (and asserting what it
    finds), or by naming it: ``@pytest.mark.logs_warning(r"regex")``.
    """
    handler = _WarningRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    if not _guarded(request) or "caplog" in request.fixturenames:
        return
    expected = [
        re.compile(pattern)
        for marker in request.node.iter_markers("logs_warning")
        for pattern in marker.args
    ]
    unexpected = [
        record
        for record in handler.records
        if not any(pattern.search(record.getMessage()) for pattern in expected)
    ]
    if unexpected:
        pytest.fail(
            "unexpected warnings logged:\n"
            + "\n".join(
                f"  {record.levelname} {record.name}: {record.getMessage()}"
                for record in unexpected
            ),
            pytrace=False,
        )


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


class OpenEmulatedHan(Protocol):
    """What the ``emulated_han`` fixture hands a test: open a home with these options."""

    def __call__(
        self,
        *,
        power_on: bool = True,
        poll_interval_s: float = 30.0,
        firmware: int | None = None,
        **spec: Any,
    ) -> contextlib.AbstractAsyncContextManager[EmulatedHan]: ...


@pytest.fixture
def emulated_han() -> OpenEmulatedHan:
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
    assert isinstance(radio, VirtualRadio)  # zigpy's ``new`` is typed for any application
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
    def __init__(
        self, home: EmulatedHome, radio: VirtualRadio, model: HomeModel, session: HanSession
    ) -> None:
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
