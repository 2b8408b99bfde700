"""Real coordinators: choosing a radio, and a clear message for everything that can go wrong
opening one (fake serial ports: a missing device, a port that answers nothing, a closed socket)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.connection.radio_source import RadioSource
from app.connection.sources import SourceUnavailable, open_source
from han.radio.libraries import RADIOS, RadioError, explain, parse_radio


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_radio_sources_are_parsed() -> None:
    choice = parse_radio("znp:/dev/ttyUSB0")
    assert (choice.kind.name, choice.path, choice.baudrate) == ("znp", "/dev/ttyUSB0", 115_200)
    assert parse_radio("xbee:/dev/ttyUSB1").baudrate == 57_600
    assert parse_radio("ezsp:socket://192.0.2.1:6638", baudrate=460_800).baudrate == 460_800
    assert set(RADIOS) == {"ezsp", "znp", "deconz", "xbee", "zigate"}
    with pytest.raises(RadioError, match="unknown radio 'zwave'"):
        parse_radio("zwave:/dev/ttyACM0")
    with pytest.raises(RadioError, match="RADIO:PATH"):
        parse_radio("znp:")


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--source", "zwave:/dev/ttyACM0"], "unknown radio 'zwave'"),
        (["--source", "zigbee"], "invalid choice: 'zigbee'"),
        (["--flow-control", "maybe"], "invalid choice: 'maybe'"),
    ],
)
def test_bad_radio_options_give_one_line(args: list[str], complaint: str) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert complaint in result.stderr


def test_the_messages_say_what_to_do() -> None:
    choice = parse_radio("znp:/dev/ttyUSB9")
    assert "is the USB stick plugged in" in explain(FileNotFoundError(2, "No such file"), choice)
    assert "dialout" in explain(PermissionError(13, "Permission denied"), choice)
    assert "Nothing is listening" in explain(
        ConnectionRefusedError(), parse_radio("ezsp:socket://127.0.0.1:1")
    )
    assert "did not answer as a znp coordinator" in explain(TimeoutError(), choice)


async def test_a_missing_stick_is_reported_plainly(tmp_path: Path) -> None:
    source = open_source("znp:/dev/ttyUSB-not-there", speed=1, seed=1)
    assert isinstance(source, RadioSource)
    source.database = tmp_path / "zigbee.db"
    with pytest.raises(SourceUnavailable, match="No device at /dev/ttyUSB-not-there"):
        await source.open()


async def test_a_closed_network_coordinator_is_reported_plainly(tmp_path: Path) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
    source = RadioSource(
        parse_radio(f"ezsp:socket://127.0.0.1:{port}"), database=tmp_path / "zigbee.db"
    )
    with pytest.raises(SourceUnavailable, match=f"127.0.0.1:{port}"):
        await source.open()


async def test_a_port_that_answers_nothing_is_not_taken_for_a_coordinator(tmp_path: Path) -> None:
    controller, device = os.openpty()
    try:
        path = os.ttyname(device)
        source = RadioSource(
            parse_radio(f"deconz:{path}", baudrate=38_400), database=tmp_path / "zigbee.db"
        )
        with pytest.raises(SourceUnavailable, match="did not answer as a deconz coordinator"):
            await source.open()
    finally:
        os.close(controller)
        os.close(device)


def test_the_app_exits_with_the_message_when_the_stick_is_missing() -> None:
    result = _run("--source", "znp:/dev/ttyUSB-not-there", "--quit-after", "5")
    assert result.returncode == 1
    assert "No device at /dev/ttyUSB-not-there" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_radio_type_on_a_silent_port_fails_in_one_line_within_seconds(tmp_path: Path) -> None:
    """A port that answers nothing, as a person who chose the wrong radio type meets it: the real
    app (under its Qt event loop, where EZSP once hung) exits 1 with one line, for every type."""
    import time

    running = []
    ports = []
    try:
        for name in RADIOS:
            controller, device = os.openpty()
            ports += [controller, device]
            home = tmp_path / name
            home.mkdir()
            command = [sys.executable, "-m", "app", "--source", f"{name}:{os.ttyname(device)}"]
            process = subprocess.Popen(
                [*command, "--quit-after", "5"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home)},
            )
            running.append((name, process, time.monotonic()))
        for name, process, started in running:
            _, stderr = process.communicate(timeout=60)
            took = time.monotonic() - started
            assert process.returncode == 1, f"{name}: exit {process.returncode}\n{stderr}"
            complaint = [line for line in stderr.splitlines() if line.startswith("python -m app:")]
            assert len(complaint) == 1, f"{name}:\n{stderr}"
            assert (
                f"did not answer as a{'n' if name[0] in 'ex' else ''} {name} coordinator"
                in (complaint[0])
            )
            assert "Traceback" not in stderr, f"{name}:\n{stderr}"
            assert "thread" not in stderr.lower(), f"{name}: Qt warned of threads\n{stderr}"
            # The stick has 12 s to answer (PROBE_S); the rest is five apps starting at once on
            # a busy machine. The hang this guards against never ended.
            assert took < 45, f"{name} took {took:.0f} s to give up"
    finally:
        for _, process, _ in running:
            process.kill()
            process.communicate()  # reaps it and closes its pipes
        for fd in ports:
            os.close(fd)
