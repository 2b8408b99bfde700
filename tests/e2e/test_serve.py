"""``python -m home_emulator serve`` as a user runs it: a separate process that displays attach to."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import zigpy.device
import zigpy.exceptions
from zigpy.application import ControllerApplication

from han.model import HomeModel
from han.radio.libraries import RADIOS, RadioChoice, controller_class, radio_config
from han.session import HanSession
from home_emulator.air.virtual_radio import COORDINATOR_IEEE, VirtualRadio

SECOND_DISPLAY = "00:0d:6f:ff:fe:00:00:02"
STRANGER = "00:0d:6f:ff:fe:00:00:99"
START_TIMEOUT_S = 60.0
"""Python, zigpy and numpy imports plus building the home, on a busy CI machine."""


class ServeProcess:
    """The served home's process and the lines it prints, read without blocking the test's loop."""

    def __init__(self, *args: str) -> None:
        # A file, not a pipe: a chatty server never blocks on it. Closed in finish().
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "home_emulator", "serve", *args],
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        self.stderr = ""
        assert self.process.stdout is not None
        os.set_blocking(self.process.stdout.fileno(), False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.process.stdout, selectors.EVENT_READ)
        self._pending = b""
        self.lines: list[str] = []

    def read_until(self, pattern: str, timeout_s: float = START_TIMEOUT_S) -> re.Match[str]:
        """Read printed lines until one matches ``pattern``; waits on the pipe, never sleeps."""
        deadline = time.monotonic() + timeout_s
        while True:
            for line in self.lines:
                found = re.search(pattern, line)
                if found:
                    return found
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (self.process.poll() is not None and not self._read()):
                raise AssertionError(f"serve never printed {pattern!r}: {self.output()}")
            if self._selector.select(remaining):
                self._read()

    def _read(self) -> bool:
        assert self.process.stdout is not None
        chunk = self.process.stdout.read() or b""
        self._pending += chunk
        *complete, self._pending = self._pending.split(b"\n")
        self.lines.extend(line.decode() for line in complete)
        return bool(chunk)

    def output(self) -> str:
        return "\n".join(self.lines) + self._pending.decode()

    def stop(self, timeout_s: float = 20.0) -> int:
        """SIGTERM (as a supervisor stops it), then its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.finish(timeout_s)

    def finish(self, timeout_s: float = 20.0) -> int:
        """Its exit status once it has ended by itself; killed if it has not within the time."""
        try:
            code = self.process.wait(timeout_s)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            if not self._stderr.closed:
                self._read()
                self._selector.close()
                assert self.process.stdout is not None
                self.process.stdout.close()
                self._stderr.seek(0)
                self.stderr = self._stderr.read().decode()
                self._stderr.close()
        return code


@pytest.fixture
def serve() -> Iterator[type[ServeProcess]]:
    """Starts ``serve`` processes on free loopback ports; any still running at the end is killed."""
    started: list[ServeProcess] = []

    def start(*args: str) -> ServeProcess:
        process = ServeProcess(*args)
        started.append(process)
        return process

    yield start  # type: ignore[misc]
    for process in started:
        if process.process.returncode is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.stop(timeout_s=5)


def _started(serve: type[ServeProcess], *args: str) -> tuple[ServeProcess, str]:
    process = serve(
        "--scenario", "family-dual-fuel", "--history-days", "1", "--listen", "127.0.0.1:0", *args
    )  # fmt: skip
    url = process.read_until(r"on (tcp://127\.0\.0\.1:\d+)").group(1)
    return process, url


@contextlib.asynccontextmanager
async def _display(
    url: str, ieee: str | None = None, install_code: bytes | None = None
) -> AsyncIterator[HanSession]:
    radio = await VirtualRadio.new(
        VirtualRadio.config_for(url, ieee=ieee, install_code=install_code)
    )
    session = HanSession(radio, HomeModel())
    session.start()
    try:
        yield session
    finally:
        await session.stop()
        await radio.shutdown()


async def _shows_demand(session: HanSession, timeout_s: float = 20.0) -> Decimal:
    def demand() -> Decimal | None:
        meter = session.model.electricity_import_meter()
        return None if meter is None or meter.demand_kw is None else meter.demand_kw.value

    async with asyncio.timeout(timeout_s):
        while demand() is None:  # noqa: ASYNC110 - the model is read by polling here
            await asyncio.sleep(0.005)
    value = demand()
    assert value is not None
    return value


async def test_two_displays_attach_at_once_and_a_stranger_is_refused(
    serve: type[ServeProcess],
) -> None:
    process, url = _started(serve, "--admit", SECOND_DISPLAY)
    printed = process.read_until(rf"admitted {SECOND_DISPLAY}: install code ([0-9A-F ]+)$")
    install_code = bytes.fromhex(printed.group(1).replace(" ", ""))
    async with (
        _display(url) as first,
        _display(url, SECOND_DISPLAY, install_code) as second,
    ):
        first_demand, second_demand = await asyncio.gather(
            _shows_demand(first), _shows_demand(second)
        )
        assert first_demand >= 0
        assert second_demand >= 0
        with pytest.raises(
            zigpy.exceptions.ControllerException, match="not in the hub's device log"
        ):
            await VirtualRadio.new(VirtualRadio.config_for(url, ieee=STRANGER))
    process.read_until(f"display {SECOND_DISPLAY} left")
    assert process.stop() == 0
    assert "Traceback" not in process.stderr, process.stderr
    attached = [line for line in process.lines if " attached " in line]
    assert sorted(line.split()[1] for line in attached) == [str(COORDINATOR_IEEE), SECOND_DISPLAY]
    assert any("refused (127.0.0.1:" in line and STRANGER in line for line in process.lines)
    assert process.lines[-1] == "stopped"


@pytest.mark.logs_warning(r"^lost the emulated home: ")  # closed, or a broken pipe
async def test_stopping_the_server_is_a_lost_connection_and_closes_the_capture(
    serve: type[ServeProcess], tmp_path: Path
) -> None:
    capture = tmp_path / "served.pcap"
    process, url = _started(serve, "--speed", "600", "--pcap", str(capture))
    async with _display(url) as session:
        await _shows_demand(session)
        lost = asyncio.Event()

        class Listener:
            def connection_lost(self, error: Exception) -> None:
                lost.set()

        session.application.add_listener(Listener())
        process.process.send_signal(signal.SIGINT)
        async with asyncio.timeout(20):
            await lost.wait()
    assert process.finish() == 0, process.stderr
    assert "Traceback" not in process.stderr, process.stderr
    assert process.lines[-1] == "stopped"
    data = capture.read_bytes()
    assert data[:4] == bytes.fromhex("d4c3b2a1")  # libpcap, written little-endian
    assert len(data) > 24 + 16, "the capture holds no frames"


def test_bad_arguments_are_one_line_errors(serve: type[ServeProcess]) -> None:
    for args, message in (
        (["--listen", "8640"], "--listen expects HOST:PORT"),
        (["--admit", "not-an-eui64"], "--admit expects an EUI-64"),
        (["--znp", "/dev/ttyUSB0"], "--znp expects tcp://HOST:PORT"),
        (["--ezsp", "/dev/ttyUSB0"], "--ezsp expects tcp://HOST:PORT"),
    ):
        process = serve(*args)
        assert process.finish() == 2
        assert process.lines == []
        assert process.stderr.strip().count("\n") == 0
        assert message in process.stderr


def test_help_documents_serve() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "home_emulator", "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    for option in (
        "--scenario",
        "--speed",
        "--listen",
        "--admit",
        "--pcap",
        "--history-days",
        "--znp",
        "--znp-join",
        "--ezsp",
    ):
        assert option in result.stdout


def test_a_served_home_is_kept_and_resumed(serve: type[ServeProcess], tmp_path: Path) -> None:
    from home_emulator.store.home_store import HomeStore

    store = tmp_path / "homes.sqlite"
    process, _url = _started(serve, "--speed", "600", "--store", str(store), "--name", "trial")
    assert process.stop() == 0
    assert "Traceback" not in process.stderr, process.stderr
    with HomeStore(store) as kept:
        assert "trial" in kept
        first = kept.load("trial")
        first_time = first.now_s
        first.close()
    again, _ = _started(serve, "--speed", "600", "--store", str(store), "--name", "trial")
    assert again.stop() == 0
    assert any("resumed 'trial'" in line for line in again.lines)
    with HomeStore(store) as kept:
        resumed = kept.load("trial")
        assert resumed.now_s >= first_time
        resumed.close()


@pytest.mark.parametrize("radio", ["znp", "ezsp"])
async def test_serve_as_a_coordinator_its_library_forms_on_reads_and_resumes(
    serve: type[ServeProcess], tmp_path: Path, radio: str
) -> None:
    """``serve --znp`` for zigpy-znp, ``serve --ezsp`` for bellows: each library, unmodified, forms
    its network on the stick, reads a meter, and on its next start resumes that network."""
    process, _ = _started(serve, f"--{radio}", "tcp://127.0.0.1:0")
    announced = radio.upper()  # "ZNP coordinator …", "EZSP host attached"
    listening = process.read_until(rf"{announced} coordinator \S+ on tcp://(127\.0\.0\.1:\d+)")
    address = listening.group(1)
    choice = RadioChoice(RADIOS[radio], f"socket://{address}", 115_200)
    config = radio_config(choice, database_path=str(tmp_path / "zigbee.db"))
    networks = []
    for _ in range(2):  # the second start must find the network the first one formed
        application = await controller_class(choice.kind).new(config, auto_form=True)
        try:
            info = application.state.network_info
            networks.append((info.pan_id, info.extended_pan_id, info.network_key.key))
            meter = await _interviewed_meter(application)
            read, failed = (
                await meter.endpoints[1]
                .in_clusters[0x0702]
                .read_attributes(["instantaneous_demand"])
            )
            assert not failed
            assert isinstance(read["instantaneous_demand"], int)
        finally:
            await application.shutdown()
    assert networks[0] == networks[1]
    assert process.stop() == 0
    assert process.output().count(f"{announced} host attached") >= 2


def test_the_app_on_the_served_ezsp_stick_screenshots_a_reading(
    serve: type[ServeProcess], tmp_path: Path
) -> None:
    """``python -m app --source ezsp:socket://… --screenshot``: the shot is taken when the first
    reading is on screen, which came through bellows and the emulated NCP."""
    process, _ = _started(serve, "--ezsp", "tcp://127.0.0.1:0")
    address = process.read_until(r"EZSP coordinator \S+ on tcp://(127\.0\.0\.1:\d+)").group(1)
    shot = tmp_path / "ihd.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--source",
            f"ezsp:socket://{address}",
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # a frame bellows still had in flight when the app let go of the stick (a read the
    # screenshot's exit cancelled) is acknowledged before the port closes, not failed unheard
    assert "Traceback" not in result.stderr, result.stderr
    assert "never retrieved" not in result.stderr, result.stderr
    assert "no meter reading" not in result.stderr, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert process.stop() == 0


async def _interviewed_meter(application: ControllerApplication) -> zigpy.device.Device:
    def meter() -> zigpy.device.Device | None:
        for device in application.devices.values():
            if (
                isinstance(device, zigpy.device.Device)
                and device.is_initialized
                and device.model == "ESME-1"
            ):
                return device
        return None

    async with asyncio.timeout(20):
        while (found := meter()) is None:  # noqa: ASYNC110 - zigpy's interview has no event
            await asyncio.sleep(0.01)
    return found


async def test_the_readmes_ppmid_swap_walk_through_works(
    serve: type[ServeProcess], tmp_path: Path
) -> None:
    """README "Replace a PPMID": admit one, attach it, swap it for another, and only the new one
    attaches afterwards."""
    old, new = "00:0d:6f:ff:fe:00:00:05", "00:0d:6f:ff:fe:00:00:06"
    store = str(tmp_path / "home.sqlite")
    kept = ("--store", store, "--name", "flat")
    process, url = _started(serve, *kept, "--admit-ppmid", old)
    printed = process.read_until(rf"admitted {old} \(PPMID\): install code ([0-9A-F ]+)$")
    old_code = bytes.fromhex(printed.group(1).replace(" ", ""))
    async with _display(url, old, old_code) as ppmid:
        assert await _shows_demand(ppmid) >= 0
    assert process.stop() == 0

    swapped = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "home_emulator", "swap-ppmid", *kept, "--old", old, "--new", new],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = re.search(rf"{new} added \(install code ([0-9a-f]+)\)", swapped.stdout)
    assert found, swapped.stdout
    new_code = bytes.fromhex(found.group(1))

    again, url = _started(serve, *kept)
    async with _display(url, new, new_code) as replacement:
        assert await _shows_demand(replacement) >= 0
    with pytest.raises(zigpy.exceptions.ControllerException, match="not in the hub's device log"):
        await VirtualRadio.new(VirtualRadio.config_for(url, ieee=old, install_code=old_code))
    assert again.stop() == 0
    assert "Traceback" not in again.stderr, again.stderr
