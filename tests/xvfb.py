"""An X server in memory (Xvfb) for the tests that need a real X11 display: the kiosk's window and
the screen reader's view. Where Xvfb is missing or does not start the test is skipped and says why
(``python3 scripts/dev.py test`` installs it on Debian when it runs as root, as in CI)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

SIZE = (800, 480)
"""The displays' screen: a 7-inch kiosk panel."""


@contextlib.contextmanager
def xvfb(size: tuple[int, int] = SIZE) -> Iterator[str]:
    """An Xvfb server with one screen of ``size``; its display name (``:N``)."""
    if shutil.which("Xvfb") is None:
        pytest.skip(
            "Xvfb is not installed (python3 scripts/dev.py test installs it on Debian as root)"
        )
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size[0]}x{size[1]}x24",
         "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()  # written once the server is ready
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        stop(server)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ask a helper process to end, and make it end if it has not within 10 s."""
    process.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(10)
    if process.poll() is None:
        process.kill()
        process.wait()
