"""Kiosk mode in a real X11 window: ``python -m app --kiosk`` on an 800×480 X server in memory.

Needs ``Xvfb`` and Qt's xcb libraries; ``python3 scripts/dev.py test`` installs them on Debian when
it runs as root (as in CI). Elsewhere the test is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.kiosk.pin import hash_pin
from app.settings import store as settings_store
from tests.xvfb import SIZE, xvfb


@pytest.fixture
def x_display() -> Iterator[str]:
    """An Xvfb server with one 800×480 screen; its display name (``:N``)."""
    with xvfb(SIZE) as display:
        yield display


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def _kiosk_windows(display: str) -> list[str]:
    """Top-level windows the X server holds, as xwininfo lists them, or [] without xwininfo."""
    if shutil.which("xwininfo") is None:
        return []
    tree = subprocess.run(
        ["xwininfo", "-root", "-children", "-display", display],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    ).stdout
    return [line for line in tree.splitlines() if "In-Home Display" in line]


def test_kiosk_mode_fills_a_real_800x480_screen(x_display: str, tmp_path: Path) -> None:
    settings_store.save(settings_store.load().settings.with_kiosk(pin_hash=hash_pin("2580")))
    screenshot = tmp_path / "kiosk-800x480.png"
    environment = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen(
        [sys.executable, "-m", "app", "--kiosk", "--quit-after", "12", "--screenshot",
         str(screenshot)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    seen: list[str] = []
    deadline = time.monotonic() + 90  # start-up on a busy machine, then the 12 s it stays
    while not seen and app.poll() is None and time.monotonic() < deadline:
        seen = _kiosk_windows(x_display)
        time.sleep(0.2)  # another process: nothing to wait on but its windows
    out, err = app.communicate(timeout=60)
    if app.returncode != 0 and "could not load the Qt platform plugin" in err:
        pytest.skip(f"Qt's xcb platform cannot load here: {err.strip().splitlines()[-1]}")
    assert app.returncode == 0, err
    assert "kiosk window: fullscreen=True frameless=True size=800x480" in out
    assert _png_size(screenshot) == SIZE
    if shutil.which("xwininfo") is not None:
        assert seen, "no kiosk window on the X server"
        assert "800x480+0+0" in seen[0]
