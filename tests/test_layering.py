"""The Qt-free core stays Qt-free, and the emulator is used from outside only through its api."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def _emulator_imports(folder: Path) -> Iterator[tuple[str, str]]:
    """(file, module) for every import of the emulator in ``folder``'s code, at any depth."""
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                if module.split(".")[0] == "home_emulator":
                    yield str(path.relative_to(ROOT)), module


def test_the_app_benchmarks_and_scripts_use_the_emulator_only_through_its_api() -> None:
    # import-linter holds app/ and benchmarks/ to this too; scripts/ is not a package it can see.
    inside = [
        f"{path}: {module}"
        for folder in ("app", "benchmarks", "scripts")
        for path, module in _emulator_imports(ROOT / folder)
        if not module.startswith("home_emulator.api.")
    ]
    assert inside == []


def test_the_emulators_names_load_only_the_standard_library() -> None:
    # The app asks them before its heavy imports, to start rendering the past on the other core.
    probe = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import home_emulator.api.names\n"
        "new = {m.split('.')[0] for m in set(sys.modules) - before}\n"
        "other = new - set(sys.stdlib_module_names) - {'home_emulator'}\n"
        # the platform's build settings, which sysconfig reads: standard library by another name
        "print(','.join(sorted(m for m in other if not m.startswith('_sysconfigdata'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
