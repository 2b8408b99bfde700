"""The Qt-free core stays Qt-free: importing all of han/ and home_emulator/ loads no Qt."""

from __future__ import annotations

import subprocess
import sys


def test_han_and_home_emulator_import_no_qt() -> None:
    probe = (
        "import pkgutil, importlib, sys\n"
        "import han, home_emulator\n"
        "for package in (han, home_emulator):\n"
        "    for module in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        if not module.name.endswith('__main__'):\n"
        "            importlib.import_module(module.name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'pyqtgraph', 'qasync', 'shiboken6'})\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
