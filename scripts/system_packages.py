"""Install missing system tools from the distribution's packages, where that is safe to do unasked.

Some checks need programs that pip cannot provide (``tshark`` dissects the emulated HAN's packet
captures). On a Debian-like machine where we already run as root – a CI container, a fresh dev VM –
installing them is one ``apt-get install`` away, so the test command does it instead of failing with
a hint. Anywhere else (another distribution, macOS, Windows, an unprivileged user) nothing is
installed and the caller learns so from the return value: it never raises.

    sys.path.insert(0, str(ROOT / "scripts"))
    from system_packages import ensure_debian_packages

    ensure_debian_packages(["tshark"], reason="to dissect packet captures in the tests")
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

APT_TIMEOUT_S = 900
"""A stuck dpkg lock or an unreachable mirror must not hang the test command for ever."""

DEBCONF_PRESEEDS: dict[str, tuple[str, ...]] = {
    # tshark pulls in wireshark-common, whose debconf asks whether non-root users may capture.
    # Answer "no" up front: with DEBIAN_FRONTEND=noninteractive it would be the default anyway,
    # but preseeding makes the answer explicit and keeps older debconf front ends from prompting.
    "tshark": ("wireshark-common wireshark-common/install-setuid boolean false",),
    "wireshark-common": ("wireshark-common wireshark-common/install-setuid boolean false",),
}

_apt_updated = False
"""``apt-get update`` runs at most once per process, however many packages are asked for."""


def ensure_debian_packages(
    packages: list[str],
    *,
    reason: str,
    commands: Sequence[str] | None = None,
    libraries: Sequence[str] = (),
    system_python_modules: Sequence[str] = (),
) -> bool:
    """True when ``commands`` (default: the package names) are on PATH and ``libraries`` (names
    as the linker knows them: ``xcb-icccm`` for libxcb-icccm.so) are installed, and the system's
    own Python (``/usr/bin/python3``) imports ``system_python_modules`` (Debian's ``python3-…``
    packages that are not on PyPI), installing the packages if we can.

    Installs only on a Debian-like system with ``apt-get`` when running as root; prints one line
    saying what it installs and why. Returns False instead of raising when the tools stay missing.
    """
    wanted = list(commands) if commands is not None else list(packages)
    if _all_present(wanted, libraries, system_python_modules):
        return True
    if not _can_install_with_apt():
        return False
    print(f"system_packages: installing {' '.join(packages)} with apt-get ({reason}) …", flush=True)
    if not _apt_install(packages):
        return False
    return _all_present(wanted, libraries, system_python_modules)


SYSTEM_PYTHON = "/usr/bin/python3"


def _all_present(
    commands: Sequence[str], libraries: Sequence[str] = (), modules: Sequence[str] = ()
) -> bool:
    return (
        all(shutil.which(command) is not None for command in commands)
        and all(ctypes.util.find_library(library) is not None for library in libraries)
        and all(_system_python_imports(module) for module in modules)
    )


def _system_python_imports(module: str) -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    try:
        result = subprocess.run(
            [SYSTEM_PYTHON, "-c", f"import {module}"], capture_output=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def _can_install_with_apt() -> bool:
    # os.geteuid does not exist on Windows; there is nothing to install there anyway.
    is_root = getattr(os, "geteuid", lambda: -1)() == 0
    debian_like = Path("/etc/debian_version").exists()
    return is_root and debian_like and shutil.which("apt-get") is not None


def _apt_install(packages: list[str]) -> bool:
    global _apt_updated
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if not _preseed(packages, env):
        return False
    if not _apt_updated:
        if not _run(["apt-get", "update"], env):
            return False
        _apt_updated = True
    return _run(
        ["apt-get", "install", "-y", "--no-install-recommends", *packages],
        env,
    )


def _preseed(packages: list[str], env: dict[str, str]) -> bool:
    answers = sorted({line for package in packages for line in DEBCONF_PRESEEDS.get(package, ())})
    if not answers:
        return True
    if shutil.which("debconf-set-selections") is None:
        return True  # no debconf: nothing will ask either
    return _run(["debconf-set-selections"], env, stdin="\n".join(answers) + "\n")


def _run(command: list[str], env: dict[str, str], *, stdin: str | None = None) -> bool:
    """Run quietly; on failure show the tail of apt's output, which names the actual problem."""
    try:
        result = subprocess.run(
            command,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=APT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        print(f"system_packages: {' '.join(command)} failed: {error}", file=sys.stderr)
        return False
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-5:])
        print(
            f"system_packages: {' '.join(command)} exited with {result.returncode}:\n{tail}",
            file=sys.stderr,
        )
        return False
    return True
