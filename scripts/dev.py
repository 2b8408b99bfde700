"""Set-up and entry commands for a fresh machine: only Python >= 3.11 is needed.

    python3 scripts/dev.py ihd [app options]   open the IHD on the embedded emulated home
    python3 scripts/dev.py test [pytest args]  lint, type-check, import contracts, whole test suite
    python3 scripts/dev.py screenshots         regenerate docs/screenshots/
    python3 scripts/dev.py run MODULE [args]   run any project module inside the environment
    python3 scripts/dev.py wheel               the wheel (for pip and pipx) into dist/
    python3 scripts/dev.py deb [amd64] [arm64] the Debian packages (Trixie) into dist/

Each command creates (or reuses) the virtual environment in .venv and installs the project into it;
the install is redone only when pyproject.toml or setup.py changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import virtual_env

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = virtual_env.bin_dir(VENV)
PYTHON = virtual_env.python_in(VENV)


XCB_PACKAGES = [
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libegl1",
]
"""What Qt's xcb platform plugin loads from the system (the PySide6 wheels bring the rest)."""
XCB_LIBRARIES = ["xcb-cursor", "xcb-icccm", "xcb-keysyms", "xcb-render-util", "xkbcommon-x11"]


def _fail(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def ensure_environment() -> None:
    """Create .venv if needed and install the project with its test extras."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs on whatever python3 is
        _fail(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]}).")
    # setup.py says which packages (and data files) are installed, so it too calls for a reinstall.
    stamp_key = hashlib.sha256(
        b"".join((ROOT / name).read_bytes() for name in ("pyproject.toml", "setup.py"))
    ).hexdigest()[:16]
    stamp = VENV / f".installed-{stamp_key}"
    if stamp.exists() and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("dev.py: creating the virtual environment in .venv …", flush=True)
        try:
            virtual_env.create(VENV)
        except Exception as error:
            _fail(
                f"could not create .venv ({error}). On Debian/Ubuntu install the venv module "
                "first: apt-get install python3-venv"
            )
    print("dev.py: installing the project and its dependencies …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
    for old in VENV.glob(".installed-*"):
        old.unlink()
    stamp.touch()


def run_tests(pytest_args: list[str]) -> int:
    """The project's whole check: ruff, mypy, import contracts, then pytest headless."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_API="pyside6")
    steps = [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
        ["lint-imports"],
    ]
    for step in steps:
        print(f"dev.py: {' '.join(step)}", flush=True)
        if subprocess.run([str(BIN / step[0]), *step[1:]], cwd=ROOT, env=env).returncode:
            print(f"dev.py: {step[0]} failed", file=sys.stderr)
            return 1
    sys.path.insert(0, str(ROOT / "scripts"))
    from system_packages import ensure_debian_packages

    # The packet-capture test proves Wireshark dissects the emulated air; it needs tshark.
    ensure_debian_packages(["tshark"], reason="to dissect the emulated HAN's packet captures")
    # The CAD's MQTT feed is tested against a real broker.
    ensure_debian_packages(["mosquitto"], reason="to test the CAD's MQTT feed against a broker")
    # A trial's session replay is exported as a video through ffmpeg.
    ensure_debian_packages(["ffmpeg"], reason="to export trial session replays as video")
    # The kiosk's real-window test runs the app fullscreen on an X server in memory (Xvfb) through
    # Qt's xcb platform, which since Qt 6.5 also needs libxcb-cursor and the xcb utility libraries.
    ensure_debian_packages(
        ["xvfb", "x11-utils", *XCB_PACKAGES],
        commands=["Xvfb", "xwininfo"],
        libraries=XCB_LIBRARIES,
        reason="to test kiosk mode in a real X11 window",
    )
    # The screen-reader tests read the real app's accessibility tree through AT-SPI, as Orca does,
    # with Debian's python3-pyatspi (the system's Python only) on a D-Bus session of their own.
    # A small window manager gives the window the keyboard focus, as any desktop does, so that
    # keys sent through AT-SPI reach it and the focused control is the one a screen reader reads.
    ensure_debian_packages(
        ["at-spi2-core", "python3-pyatspi", "dbus-x11", "matchbox-window-manager"],
        commands=["dbus-run-session", "matchbox-window-manager"],
        system_python_modules=["pyatspi"],
        reason="to test the displays through a screen reader's accessibility tree",
    )
    if os.environ.get("SMETS_TEST_DEBIAN"):
        # The Debian package is installed into fresh Debian roots made with debootstrap; the arm64
        # one runs its programs under qemu (tests/install/test_deb_on_fresh_debian.py).
        ensure_debian_packages(["debootstrap"], reason="to make fresh Debian roots for the .deb")
        ensure_debian_packages(
            ["qemu-user-static"],
            commands=["qemu-aarch64-static"],
            reason="to run the arm64 package's programs in an arm64 root",
        )
    after = not pytest_args and "arm64" in debian_arches(env)
    if after:
        # The arm64 install runs every program under emulation for half an hour: after the suite,
        # not beside it, so that the suite's timing-sensitive end-to-end tests run on an idle machine.
        env["SMETS_TEST_DEBIAN"] = ",".join(a for a in debian_arches(env) if a != "arm64")
        env["SMETS_TEST_DEBIAN_AFTER"] = "arm64"
    pytest = [str(PYTHON), "-m", "pytest", *pytest_args]
    print(f"dev.py: {' '.join(pytest)}", flush=True)
    code = subprocess.run(pytest, cwd=ROOT, env=env).returncode
    if after:
        code = _arm64_install_test(env) or code
    return code


def debian_arches(env: dict[str, str]) -> list[str]:
    """The architectures whose Debian package the suite installs into a fresh root (as the test
    module reads SMETS_TEST_DEBIAN: ``1`` for both, or a list such as ``amd64,arm64``)."""
    asked = env.get("SMETS_TEST_DEBIAN", "")
    return ["amd64", "arm64"] if asked in {"1", "all"} else [a for a in asked.split(",") if a]


def _arm64_install_test(env: dict[str, str]) -> int:
    """The arm64 package installed and run in a fresh Debian root under qemu (the suite's own
    run skips it, SMETS_TEST_DEBIAN_AFTER saying why)."""
    test = "tests/install/test_deb_on_fresh_debian.py"
    command = [str(PYTHON), "-m", "pytest", "-q", "-p", "no:cacheprovider", test, "-k", "arm64"]
    print(f"dev.py: after the suite: {' '.join(command)}", flush=True)
    arm64_env = {**env, "SMETS_TEST_DEBIAN": "arm64"}
    arm64_env.pop("SMETS_TEST_DEBIAN_AFTER", None)
    code = subprocess.run(command, cwd=ROOT, env=arm64_env).returncode
    print(f"dev.py: the arm64 package's install test {'failed' if code else 'passed'}", flush=True)
    return code


def build_debian_packages(arguments: list[str]) -> int:
    """The .deb for each architecture, then lintian's verdict on each (when it can be had)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from system_packages import ensure_debian_packages

    if not ensure_debian_packages(["dpkg"], commands=["dpkg-deb"], reason="to build the .deb"):
        _fail("dpkg-deb is needed to build the Debian package: build it on Debian or Ubuntu")
    script = str(ROOT / "scripts" / "deb.py")
    built = subprocess.run(
        [str(PYTHON), script, *arguments], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    if built.returncode:
        return built.returncode
    packages = built.stdout.split()
    for package in packages:
        print(package, flush=True)
    if ensure_debian_packages(["lintian"], reason="to check the Debian package"):
        # Each tag lintian may still give is explained in packaging/debian/lintian-overrides.
        verdicts = [
            subprocess.run(["lintian", "--fail-on", "error,warning", package]).returncode
            for package in packages
        ]
        return max(verdicts, default=0)
    print("dev.py: lintian is not installed, the packages were not checked", file=sys.stderr)
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"ihd", "test", "screenshots", "run", "wheel", "deb"}:
        print(__doc__, file=sys.stderr)
        return 2
    ensure_environment()
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_tests(rest)
    if command == "deb":
        return build_debian_packages(rest)
    if command == "wheel":
        script = str(ROOT / "scripts" / "build_wheel.py")
        return subprocess.run([str(PYTHON), script, str(ROOT / "dist"), *rest]).returncode
    if command == "screenshots":
        script = str(ROOT / "scripts" / "screenshots.py")
        return subprocess.run([str(PYTHON), script, *rest], cwd=ROOT).returncode
    if command == "ihd":
        return subprocess.run(
            [str(PYTHON), "-m", "app", "--mode", "ihd", *rest], cwd=ROOT
        ).returncode
    if not rest:
        _fail("run needs a module, e.g. python3 scripts/dev.py run benchmarks --quick")
    return subprocess.run([str(PYTHON), "-m", *rest], cwd=ROOT).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
