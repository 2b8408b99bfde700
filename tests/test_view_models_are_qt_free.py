"""The experiences' view-models stay Qt-free, so they run and test alone.

Every module in a ``view_models`` folder is probed, found by walking the folders: a new view-model is
covered without being listed. The import contract in ``pyproject.toml`` checks the same statically;
this probe imports them in a fresh interpreter, so an import the static scan cannot see (one made
through ``importlib`` at run time) is caught too. Beside them, the screen registry, the audible cues
and the host's ports they use stay Qt-free as well.
"""

from __future__ import annotations

import subprocess
import sys

VIEW_MODEL_PACKAGES = ("ihd.view_models", "ppmid.view_models", "cad.view_models")

ALSO_QT_FREE = (
    "app.host.context",
    "app.settings.display_settings",
    "app.wording",
    "ihd.ambient_cue",
    "ihd.screens",
    "ppmid.low_credit_alarm",
)


def _import_in_a_fresh_interpreter(code: str) -> tuple[list[str], list[str]]:
    """Runs ``code`` (which fills ``names`` with what it imported); returns those names and the Qt
    modules that importing them loaded."""
    probe = (
        "import importlib, pkgutil, sys\n"
        f"{code}\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'qasync', 'pyqtgraph'})\n"
        "print(','.join(names))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    imported, qt = [*result.stdout.splitlines(), "", ""][:2]
    return imported.split(","), [name for name in qt.split(",") if name]


def test_every_view_model_imports_no_qt() -> None:
    imported, qt = _import_in_a_fresh_interpreter(
        "names = []\n"
        f"for package_name in {VIEW_MODEL_PACKAGES!r}:\n"
        "    package = importlib.import_module(package_name)\n"
        "    for module in pkgutil.walk_packages(package.__path__, package_name + '.'):\n"
        "        importlib.import_module(module.name)\n"
        "        names.append(module.name)"
    )
    # The walk found the view-models (an empty walk would pass for the wrong reason).
    assert {"ihd.view_models.home", "ppmid.view_models.top_up", "cad.view_models.pairing"} <= set(
        imported
    )
    assert qt == []


def test_the_screen_registry_cues_and_ports_import_no_qt() -> None:
    _, qt = _import_in_a_fresh_interpreter(
        f"names = {list(ALSO_QT_FREE)!r}\nfor name in names: importlib.import_module(name)"
    )
    assert qt == []
