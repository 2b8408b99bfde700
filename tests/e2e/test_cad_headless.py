"""The CAD with no screen, as a home server runs it: ``python -m cad run`` against a served home,
admitted the supplier's way, publishing to a real Mosquitto, read by ``python -m cad status`` and
stopped by SIGTERM as systemd stops it."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.connection.han_access import CAD_IEEE
from tests.cad.mosquitto import running_broker
from tests.cad.mqtt_listener import Listener
from tests.e2e.test_serve import ServeProcess, serve  # noqa: F401 - the served home's fixture

DEVICE_ID = CAD_IEEE.replace(":", "").upper()


def _cad(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cad", *args], capture_output=True, text=True, timeout=60
    )


class HeadlessCad:
    def __init__(self, *args: str) -> None:
        self.out = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cad", "run", *args], stdout=self.out, stderr=subprocess.STDOUT
        )

    def output(self) -> str:
        self.out.seek(0)
        return self.out.read().decode()

    def stop(self, timeout_s: float) -> int | None:
        """SIGTERM, then its exit status (None: it did not end within ``timeout_s``)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None
        finally:
            self.out.close()


async def test_headless_cad_logs_publishes_says_its_status_and_stops_on_sigterm(
    serve: type[ServeProcess],  # noqa: F811
    tmp_path: Path,
) -> None:
    # A month of past, so the meters know this month's figures (the feed waits for them).
    home = serve("--scenario", "family-dual-fuel", "--history-days", "35", "--listen",
                 "127.0.0.1:0", "--admit", CAD_IEEE, "--speed", "10")  # fmt: skip
    url = home.read_until(r"on (tcp://127\.0\.0\.1:\d+)").group(1)
    # The installer's note: the random install code the hub recorded for the CAD.
    code = home.read_until(rf"admitted {CAD_IEEE}: install code ([0-9A-F ]+)$").group(1)
    with running_broker(tmp_path) as port:
        feed = _cad("feed", "--broker", f"127.0.0.1:{port}")
        assert feed.returncode == 0, feed.stderr
        listener = Listener(port)
        cad = HeadlessCad(
            "--source", url, "--display-ieee", CAD_IEEE, "--install-code", code, "--supplier"
        )
        try:
            _topic, payload, _ = await listener.wait_for(
                lambda topic, _p: topic == f"glow/{DEVICE_ID}/SENSOR/electricitymeter", 60
            )
            power = json.loads(payload)["electricitymeter"]["power"]
            assert power["units"] == "kW"
            assert "ask your supplier to pair this CAD" in cad.output()
            assert f"install code {code.strip()}" in cad.output()  # the one it was given

            deadline = time.monotonic() + 20
            while True:  # the status file is rewritten within seconds of the feed connecting
                status = _cad("status")
                if "feed: connected" in status.stdout or time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.5)
            assert status.returncode == 0, status.stdout
            assert f"running (pid {cad.process.pid})" in status.stdout
            assert "paired: yes, with hub" in status.stdout
            assert "installed" in status.stdout  # the supplier put it in the hub's device log
            assert "last reading: 20" in status.stdout
            assert "feed: connected" in status.stdout
            status_file = Path(os.environ["XDG_DATA_HOME"]) / "smets-consumer-suite/cad/status.json"
            assert status_file.stat().st_mode & 0o077 == 0  # it names the hub: owner only

            started = time.monotonic()
            assert cad.stop(timeout_s=10) == 0
            assert time.monotonic() - started < 10
            availability = f"glow-cad/{DEVICE_ID}/availability"
            await listener.wait_for(lambda t, p: t == availability and p == b"offline", 10)
        finally:
            if cad.process.poll() is None:
                cad.stop(timeout_s=5)
            listener.close()
    stopped = _cad("status")
    assert stopped.returncode == 3
    assert "CAD: stopped at" in stopped.stdout
    assert "feed: off" in stopped.stdout
    log = Path(os.environ["XDG_DATA_HOME"]) / "smets-consumer-suite/cad/history.db"
    assert log.exists()
    assert home.stop() == 0


def test_headless_cad_refuses_what_it_cannot_do() -> None:
    ihd = subprocess.run(
        [sys.executable, "-m", "app", "--mode", "ihd", "--headless"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ihd.returncode == 2
    assert "only --mode cad runs headless" in ihd.stderr
    bad = _cad("run", "--passkey", "123")
    assert bad.returncode == 2
    assert "passkey:DIGITS" in bad.stderr
    assert _cad("status").returncode == 3  # never ran here
