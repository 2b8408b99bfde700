"""A fresh Debian root to install the package into: made once with debootstrap from Debian's
packages, kept as a tarball under the user's cache, and unpacked anew for every test run.

Needs root (chroot, mounts) and debootstrap; arm64 roots also need qemu-user-static with
binfmt_misc, which lets this machine run arm64 programs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

RELEASE = "trixie"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "smets-consumer-suite"
BOOTSTRAP_TIMEOUT_S = 1800
QEMU_BINFMT = Path("/usr/lib/binfmt.d/qemu-aarch64.conf")
BINFMT_MISC = Path("/proc/sys/fs/binfmt_misc")


def root_tarball(arch: str) -> Path:
    """The pristine root for ``arch``, made on first use (a few minutes) and kept."""
    tarball = CACHE / "debian-roots" / f"{RELEASE}-{arch}.tar"
    if tarball.exists():
        return tarball
    tarball.parent.mkdir(parents=True, exist_ok=True)
    building = tarball.parent / f"{RELEASE}-{arch}.building"
    shutil.rmtree(building, ignore_errors=True)
    subprocess.run(
        [
            "debootstrap",
            "--variant=minbase",
            f"--arch={arch}",
            RELEASE,
            str(building),  # no mirror named: debootstrap's own default for Debian
        ],
        check=True,
        capture_output=True,
        timeout=BOOTSTRAP_TIMEOUT_S,
    )
    partial = tarball.with_suffix(".partial")
    with tarfile.open(partial, "w") as archive:
        archive.add(building, arcname=".")
    partial.rename(tarball)
    shutil.rmtree(building)
    return tarball


def arm64_emulation() -> bool:
    """True when this machine runs arm64 programs (registering qemu-aarch64 if it can)."""
    if (BINFMT_MISC / "qemu-aarch64").exists():
        return True
    if not QEMU_BINFMT.exists():
        return False
    if not (BINFMT_MISC / "register").exists():
        subprocess.run(
            ["mount", "-t", "binfmt_misc", "binfmt_misc", str(BINFMT_MISC)],
            check=False,
            capture_output=True,
        )
    rule = QEMU_BINFMT.read_text(encoding="utf-8").strip()
    try:
        (BINFMT_MISC / "register").write_text(rule, encoding="utf-8")
    except OSError:
        return False
    return (BINFMT_MISC / "qemu-aarch64").exists()


@contextlib.contextmanager
def fresh_root(arch: str, where: Path) -> Iterator[Path]:
    """A new copy of the pristine root with /proc, /dev and the host's DNS, unmounted afterwards."""
    root = where / f"{RELEASE}-{arch}"
    root.mkdir()
    with tarfile.open(root_tarball(arch)) as archive:
        archive.extractall(root, filter="fully_trusted")
    shutil.copyfile("/etc/resolv.conf", root / "etc" / "resolv.conf")
    # Downloaded packages are kept between runs, so a rerun fetches only what changed.
    archives = CACHE / "debian-roots" / f"{RELEASE}-{arch}-archives"
    archives.mkdir(parents=True, exist_ok=True)
    mounts = [
        (["-t", "proc", "proc"], root / "proc"),
        (["--bind", "/dev"], root / "dev"),
        (["--bind", str(archives)], root / "var" / "cache" / "apt" / "archives"),
    ]
    mounted: list[Path] = []
    try:
        for options, target in mounts:
            target.mkdir(parents=True, exist_ok=True)
            subprocess.run(["mount", *options, str(target)], check=True, capture_output=True)
            mounted.append(target)
        yield root
    finally:
        for target in reversed(mounted):
            subprocess.run(["umount", "--lazy", str(target)], check=False, capture_output=True)
        # Never delete through a mount that is still there: it would be the host's /dev.
        if not any(os.path.ismount(target) for target in mounted):
            shutil.rmtree(root, ignore_errors=True)


def in_root(
    root: Path, command: str, *, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a shell command inside the root, as root, in a plain environment."""
    plain = {
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": "/root",
        "LANG": "C.UTF-8",
        "DEBIAN_FRONTEND": "noninteractive",
        **(env or {}),
    }
    return subprocess.run(
        ["chroot", str(root), "/bin/sh", "-c", command],
        env=plain,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
