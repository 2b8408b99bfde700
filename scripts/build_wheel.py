"""Build the suite's wheel from a clean copy of the checkout.

    python3 scripts/build_wheel.py OUT_DIR       prints the wheel's path

setuptools builds in the source tree and keeps what it copied in ``build/`` between runs, so a
module deleted since could still end up in a wheel built in place; a copy of the sources (no
``.venv``, ``.git``, caches or earlier builds) gives the same wheel on every machine.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCES = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "tests", "docs"
)
"""Tests and docs are not in the wheel: leaving them out keeps the copy small."""


def build_wheel(out_dir: Path, *, python: str = sys.executable) -> Path:
    """Build the wheel into ``out_dir`` and return its path (pip takes setuptools from its cache)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="smets-wheel-") as scratch:
        source = Path(scratch) / "source"
        shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
        result = subprocess.run(
            [python, "-m", "pip", "wheel", "--quiet", "--no-deps", str(source), "-w", str(out_dir)],
            cwd=scratch,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"pip wheel failed:\n{result.stdout}{result.stderr}")
    return max(out_dir.glob("smets_consumer_suite-*.whl"), key=lambda path: path.stat().st_mtime)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    print(build_wheel(Path(sys.argv[1])))
