"""A real Mosquitto broker for the feed's tests, on a free local port, gone when the test ends."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SBIN = Path("/usr/sbin/mosquitto")


def mosquitto_binary() -> str | None:
    found = shutil.which("mosquitto")
    if found is None and SBIN.exists():  # Debian installs it outside a normal user's PATH
        found = str(SBIN)
    return found


@contextlib.contextmanager
def running_broker(folder: Path) -> Iterator[int]:
    binary = mosquitto_binary()
    if binary is None:
        pytest.skip("Mosquitto is not installed (the test command installs it on Debian as root)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = folder / "mosquitto.conf"
    config.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    broker = subprocess.Popen(
        [binary, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if broker.poll() is not None or time.monotonic() > deadline:
                error = broker.stderr.read().decode() if broker.stderr else ""
                raise RuntimeError(f"mosquitto did not start: {error}")
            time.sleep(0.05)
        yield port
    finally:
        broker.terminate()
        try:
            broker.wait(5)
        except subprocess.TimeoutExpired:
            broker.kill()
            broker.wait()
        if broker.stderr is not None:
            broker.stderr.close()
