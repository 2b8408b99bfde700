"""Build the Debian package of the suite for Debian 13 (Trixie) and Raspberry Pi OS Trixie.

    python3 scripts/dev.py deb [amd64] [arm64] [--out DIR]    (default: both, into dist/)

The package holds the suite in its own Python environment, /opt/smets-consumer-suite, made here for
the target's Python (3.13) and architecture from the wheels on the package index – so the arm64
package is built on any machine, without emulation. The commands are linked into /usr/bin; the
kiosk and headless-CAD units, the backlight rule, the desktop entry and icon go where Debian keeps
them. The maintainer scripts and the changelog are in packaging/debian/.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from configparser import ConfigParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from build_wheel import build_wheel
from virtual_env import lay_out_for

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging" / "debian"
PACKAGE = "smets-consumer-suite"
PREFIX = Path("opt") / PACKAGE
PYTHON = "3.13"
"""Trixie's python3; the package's environment is made for it and no other."""
ARCHES = {"amd64": "x86_64", "arm64": "aarch64"}
"""Debian's architecture names and the wheels' platform names for them."""
OLDEST_MANYLINUX, NEWEST_MANYLINUX = 17, 41
"""glibc 2.17 … 2.41 (Trixie's): the wheels the target's C library can load."""
DEPENDS = [
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libxkbcommon0",
    "libglib2.0-0t64",
    "libdbus-1-3",
    "libgssapi-krb5-2",
]
"""What Qt's core, GUI, widgets, D-Bus and network libraries load from the system, even offscreen
(the PySide6 wheel carries Qt itself): ``readelf -d`` on them names these."""
RECOMMENDS = [
    # A window on an X11 desktop (Qt's xcb platform)
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
    # The kiosk on a Pi's display without a desktop (EGLFS through KMS, touch through libinput)
    "libgles2",
    "libdrm2",
    "libinput10",
    # The kiosk as a Wayland desktop's user service
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
]


class BuildError(RuntimeError):
    """A reason the package cannot be built, said in one line."""


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def debian_version(version: str) -> str:
    """The changelog's newest entry, which must be for pyproject's version (the one source)."""
    first = (PACKAGING / "changelog").read_text(encoding="utf-8").splitlines()[0]
    match = re.match(rf"{PACKAGE} \((?P<upstream>[^-)]+)-(?P<revision>[^)]+)\)", first)
    if match is None or match["upstream"] != version:
        raise BuildError(
            f"packaging/debian/changelog starts with {first!r}; add an entry for version {version} "
            "(pyproject.toml) at its top"
        )
    return f"{version}-{match['revision']}"


def install_environment(wheel: Path, arch: str, site_packages: Path) -> None:
    """The suite and its dependencies for the target's Python and architecture, from wheels only."""
    machine = ARCHES[arch]
    platforms = [
        f"manylinux_2_{minor}_{machine}" for minor in range(OLDEST_MANYLINUX, NEWEST_MANYLINUX + 1)
    ]
    platforms.append(f"manylinux2014_{machine}")  # only wheels built to run on any such glibc
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-compile",
        "--target",
        str(site_packages),
    ]
    command += [argument for platform in platforms for argument in ("--platform", platform)]
    command += [
        "--python-version",
        PYTHON,
        "--implementation",
        "cp",
        "--only-binary=:all:",
        str(wheel),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        problems = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
        raise BuildError(
            f"pip could not install the {arch} environment: {' '.join(problems)[-400:]}"
        )
    # pip writes scripts for the building interpreter; the package's own are written below.
    shutil.rmtree(site_packages / "bin", ignore_errors=True)


def needed_glibc(site_packages: Path) -> str:
    """The newest glibc any installed wheel is built against (their manylinux tags)."""
    newest = 17
    for wheel_file in site_packages.glob("*.dist-info/WHEEL"):
        for minor in re.findall(r"manylinux_2_(\d+)_", wheel_file.read_text(encoding="utf-8")):
            newest = max(newest, int(minor))
    return f"2.{newest}"


def write_environment(root: Path, site_packages: Path) -> None:
    """Make /opt/… a virtual environment of the system's python3, with the suite's commands."""
    bin_dir = lay_out_for(root / PREFIX, python=Path("/usr/bin/python3"), version=PYTHON)
    (root / "usr" / "bin").mkdir(parents=True)
    for name, target in console_scripts(site_packages).items():
        module, function = target.split(":")
        script = bin_dir / name
        script.write_text(
            f"#!/{PREFIX}/bin/python\nimport sys\n\nfrom {module} import {function}\n\n"
            f"sys.exit({function}())\n",
            encoding="utf-8",
        )
        script.chmod(0o755)
        (root / "usr" / "bin" / name).symlink_to(f"/{PREFIX}/bin/{name}")


def console_scripts(site_packages: Path) -> dict[str, str]:
    (entry_points,) = site_packages.glob("smets_consumer_suite-*.dist-info/entry_points.txt")
    parser = ConfigParser(delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry_points, encoding="utf-8")
    return dict(parser["console_scripts"])


def write_system_files(root: Path, site_packages: Path) -> None:
    resources = site_packages / "smets_resources"
    places = {
        resources / "kiosk" / "smets-ihd.service": "usr/lib/systemd/system/smets-ihd.service",
        resources / "cad" / "smets-cad.service": "usr/lib/systemd/system/smets-cad.service",
        resources
        / "kiosk"
        / "90-smets-backlight.rules": "usr/lib/udev/rules.d/90-smets-backlight.rules",
        resources / "desktop" / "smets-ihd.desktop": "usr/share/applications/smets-ihd.desktop",
        resources
        / "desktop"
        / "smets-ihd.svg": "usr/share/icons/hicolor/scalable/apps/smets-ihd.svg",
        PACKAGING / "copyright": f"usr/share/doc/{PACKAGE}/copyright",
        PACKAGING / "lintian-overrides": f"usr/share/lintian/overrides/{PACKAGE}",
    }
    for source, target in places.items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, root / target)
    changelog = root / "usr" / "share" / "doc" / PACKAGE / "changelog.Debian.gz"
    with gzip.GzipFile(changelog, "wb", compresslevel=9, mtime=0) as out:
        out.write((PACKAGING / "changelog").read_bytes())


def write_control(root: Path, *, arch: str, version: str, glibc: str) -> None:
    control = root / "DEBIAN"
    control.mkdir()
    fields = {
        "@VERSION@": version,
        "@ARCH@": arch,
        "@INSTALLED_SIZE@": str(installed_size_kib(root)),
        "@DEPENDS@": ", ".join(
            [
                f"libc6 (>= {glibc})",
                f"python3 (>= {PYTHON}~)",
                f"python3 (<< {next_python()})",
                *DEPENDS,
            ]
        ),
        "@RECOMMENDS@": ", ".join(RECOMMENDS),
        "@GLIBC@": glibc,
        "@PYTHON@": PYTHON,
    }
    for name in ("control.in", "preinst", "postinst", "prerm", "postrm"):
        text = (PACKAGING / name).read_text(encoding="utf-8")
        for key, value in fields.items():
            text = text.replace(key, value)
        target = control / name.removesuffix(".in")
        target.write_text(text, encoding="utf-8")
        target.chmod(0o644 if name == "control.in" else 0o755)
    sums = [
        f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root)}"
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink() and control not in path.parents
    ]
    (control / "md5sums").write_text("\n".join(sums) + "\n", encoding="utf-8")
    (control / "md5sums").chmod(0o644)


def next_python() -> str:
    major, minor = PYTHON.split(".")
    return f"{major}.{int(minor) + 1}"


def installed_size_kib(root: Path) -> int:
    return sum(
        -(-path.lstat().st_size // 1024) for path in root.rglob("*") if not path.is_dir()
    ) + sum(1 for path in root.rglob("*") if path.is_dir())


def normalise_files(root: Path) -> None:
    """What dpkg installs is root's and readable by all, whatever the umask of the build;
    executable only if it is a program (never a shared library); no compiled Python, which
    postinst makes for the target's interpreter and prerm removes."""
    for cache in list(root.rglob("__pycache__")):
        shutil.rmtree(cache)
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
            continue
        program = path.stat().st_mode & 0o100 and ".so" not in path.suffixes
        path.chmod(0o755 if program else 0o644)


def changelog_time() -> int:
    """The newest changelog entry's time: the files' dates, so a build is reproducible."""
    for line in (PACKAGING / "changelog").read_text(encoding="utf-8").splitlines():
        if line.startswith(" -- "):
            return int(parsedate_to_datetime(line.split(">", 1)[1].strip()).timestamp())
    raise BuildError("packaging/debian/changelog has no trailer line ( -- name <email>  date)")


def build(arch: str, wheel: Path, out_dir: Path, version: str) -> Path:
    with tempfile.TemporaryDirectory(prefix=f"smets-deb-{arch}-") as scratch:
        root = Path(scratch) / "root"
        site_packages = root / PREFIX / "lib" / f"python{PYTHON}" / "site-packages"
        print(f"deb: the {arch} environment (Python {PYTHON}) …", file=sys.stderr, flush=True)
        install_environment(wheel, arch, site_packages)
        glibc = needed_glibc(site_packages)
        write_environment(root, site_packages)
        write_system_files(root, site_packages)
        normalise_files(root)
        write_control(root, arch=arch, version=version, glibc=glibc)
        out_dir.mkdir(parents=True, exist_ok=True)
        package = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
        print(f"deb: packing {package.name} (needs glibc {glibc}) …", file=sys.stderr, flush=True)
        subprocess.run(
            [
                "dpkg-deb",
                "--root-owner-group",
                # xz, as Debian's archive and lintian expect; at a low level, as the 340 MB
                # environment is packed in a minute instead of several (about 80 MB either way).
                "-Zxz",
                "-z1",
                "--build",
                str(root),
                str(package),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            env=dict(os.environ, SOURCE_DATE_EPOCH=str(changelog_time())),
        )
    return package


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 scripts/dev.py deb", description=__doc__.splitlines()[0]
    )
    parser.add_argument("arches", nargs="*", metavar="ARCH", help="amd64, arm64 (default both)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "dist", help="where the packages go (default dist/)"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.arches) - set(ARCHES))
    if unknown:
        parser.error(f"unknown architecture {', '.join(unknown)}: give {' or '.join(ARCHES)}")
    if shutil.which("dpkg-deb") is None:
        print(
            "deb: dpkg-deb is needed (a Debian or Ubuntu system: apt-get install dpkg)",
            file=sys.stderr,
        )
        return 2
    try:
        version = debian_version(project_version())
        with tempfile.TemporaryDirectory(prefix="smets-wheel-out-") as wheels:
            wheel = build_wheel(Path(wheels))
            for arch in args.arches or list(ARCHES):
                print(build(arch, wheel, args.out.resolve(), version))
    except BuildError as error:
        print(f"deb: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
