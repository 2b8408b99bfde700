"""The PPMID's view-models run without Qt."""

from __future__ import annotations

import subprocess
import sys

QT_FREE = (
    "ppmid.actions_view_model",
    "ppmid.code_entry",
    "ppmid.credit_view_model",
    "ppmid.low_credit_alarm",
    "ppmid.top_up_view_model",
)


def test_ppmid_view_models_import_no_qt() -> None:
    probe = (
        "import importlib, sys\n"
        f"for name in {QT_FREE!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'qasync', 'pyqtgraph'})\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
