"""The headless CAD runs on a server with no display: neither it nor the host's headless runner
may load Qt."""

from __future__ import annotations

import subprocess
import sys


def test_the_headless_cad_and_its_host_load_no_qt() -> None:
    script = (
        "import sys, app.host.headless, cad.headless, cad.experience, cad.cli; "
        "loaded = [name for name in sys.modules if name.startswith(('PySide6', 'qasync'))]; "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
