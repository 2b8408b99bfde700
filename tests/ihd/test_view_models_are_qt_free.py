"""View-models, the screen registry and the host's ports stay Qt-free, so they run and test alone."""

from __future__ import annotations

import subprocess
import sys

QT_FREE = (
    "app.host.context",
    "app.settings.display_settings",
    "app.wording",
    "ihd.ambient_cue",
    "ihd.home_view_model",
    "ihd.messages_view_model",
    "ihd.screens",
    "ihd.status_view_model",
)


def test_view_models_import_no_qt() -> None:
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
