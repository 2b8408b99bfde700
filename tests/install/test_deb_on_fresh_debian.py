"""The Debian package on a fresh Debian 13 (Trixie): built here, installed with apt into a root made
by debootstrap, run there – the IHD's screenshot, the emulated home, the CAD's command – then purged,
leaving nothing behind. arm64 (Raspberry Pi OS 64-bit) runs the same under qemu emulation.

Slow (minutes; the first run also makes and keeps the roots), so it runs only when asked:
SMETS_TEST_DEBIAN=1 (both architectures) or a list (``amd64``, ``amd64,arm64``); CI asks.
Needs root, debootstrap, and for arm64 qemu-user-static (the test command installs them).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from han.version import version_line
from tests.install.debian_root import arm64_emulation, fresh_root, in_root

# Slow, and the real programs in other processes: with the end-to-end tests (-m "not e2e" leaves them out).
pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # the project's build scripts are not a package
from build_wheel import build_wheel  # noqa: E402
from deb import build, debian_version, project_version  # noqa: E402

ASKED = os.environ.get("SMETS_TEST_DEBIAN", "")
ARCHES = ["amd64", "arm64"] if ASKED in {"1", "all"} else [a for a in ASKED.split(",") if a]
APT_TIMEOUT_S = 1800
"""apt in an emulated arm64 root is many times slower than on the machine itself."""
AS_SMETS = "runuser -u smets -- env HOME=/var/lib/smets QT_QPA_PLATFORM=offscreen"


def _why_not(arch: str) -> str | None:
    if arch in os.environ.get("SMETS_TEST_DEBIAN_AFTER", "").split(","):
        return "runs after the suite (the test command runs it once the rest has passed or failed)"
    if arch not in ARCHES:
        return "set SMETS_TEST_DEBIAN=1 to install the .deb into fresh Debian roots"
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        return "needs root and debootstrap"
    if arch == "arm64" and not arm64_emulation():
        return "needs qemu-user-static to run arm64 programs"
    return None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built: Path = build_wheel(tmp_path_factory.mktemp("wheel"))
    return built


@pytest.mark.parametrize("arch", ["amd64", "arm64"])
def test_the_package_installs_runs_and_purges_on_fresh_trixie(
    arch: str, wheel: Path, tmp_path: Path
) -> None:
    reason = _why_not(arch)
    if reason is not None:
        pytest.skip(reason)
    package = build(arch, wheel, tmp_path / "dist", debian_version(project_version()))
    with fresh_root(arch, tmp_path) as root:
        shutil.copyfile(package, root / "tmp" / package.name)

        def run(command: str, timeout: float = APT_TIMEOUT_S) -> str:
            result = in_root(root, command, timeout=timeout)
            assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
            return result.stdout

        run("apt-get update -q")
        # Without recommends: what Depends names must be enough to run offscreen.
        run(f"apt-get install -q -y --no-install-recommends /tmp/{package.name}")

        assert run("smets --version") == version_line() + "\n"
        assert run("getent passwd smets").split(":")[5] == "/var/lib/smets"
        for unit in ("smets-ihd.service", "smets-cad.service"):
            assert (root / "usr/lib/systemd/system" / unit).is_file()
            assert not list((root / "etc/systemd/system").rglob(unit)), f"{unit} is enabled"
        assert (root / "usr/lib/udev/rules.d/90-smets-backlight.rules").is_file()
        assert (root / "usr/share/applications/smets-ihd.desktop").is_file()

        home = run(
            f"{AS_SMETS} smets-home run --scenario family-dual-fuel --for 1h --speed 100000 --json"
        )
        assert json.loads(home)["household"] == "family_of_four"
        run(f"{AS_SMETS} smets-cad export --help")
        if arch == "amd64":  # under emulation Qt's start takes minutes; the home proves the rest
            run(f"{AS_SMETS} smets --screenshot /var/lib/smets/ihd.png")
            image = QImage(str(root / "var/lib/smets/ihd.png"))
            assert (image.width(), image.height()) == (800, 480)

        run("apt-get purge -q -y smets-consumer-suite")
        for gone in ("opt/smets-consumer-suite", "var/lib/smets", "usr/bin/smets"):
            assert not (root / gone).exists(), f"/{gone} is left after purge"
        assert in_root(root, "getent passwd smets", timeout=60).returncode != 0
