"""A screen reader's view of the real app: Xvfb, a D-Bus session with the AT-SPI registry, and a
reader (``atspi_reader.py``, run by the system's Python with Debian's ``python3-pyatspi``) that
lists the app's accessibility tree and acts on it by roles, names, actions and keys alone.

``python3 scripts/dev.py test`` installs the Debian packages when it runs as root (as in CI);
elsewhere these tests are skipped and say why.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.xvfb import stop, xvfb

READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"
WINDOW_MANAGER = "matchbox-window-manager"
"""A kiosk's window manager (Debian's): it gives the app's window the keyboard focus, as every
desktop a screen-reader user has does, so keys reach it and its focused control is the one read."""
Node = dict[str, Any]


def _missing() -> str | None:
    for program in ("Xvfb", "dbus-run-session", WINDOW_MANAGER, "xprop", SYSTEM_PYTHON):
        if shutil.which(program) is None:
            return f"{program} is not installed"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False, timeout=30
    )
    if probe.returncode != 0:
        return "python3-pyatspi is not installed for the system's Python"
    return None


@pytest.fixture
def x_server() -> Iterator[str]:
    """An Xvfb server with one 800×480 screen; its display name (``:N``)."""
    missing = _missing()
    if missing:
        pytest.skip(f"{missing} (python3 scripts/dev.py test installs it on Debian as root)")
    with xvfb() as display, _window_manager(display):
        yield display


@contextlib.contextmanager
def _window_manager(display: str) -> Iterator[None]:
    """The window manager on ``display``, managing windows before the app maps its own."""
    manager = None
    try:
        for _attempt in range(3):  # now and then it finds the new server not yet taking clients
            manager = subprocess.Popen(
                [WINDOW_MANAGER, "-display", display, "-use_titlebar", "no", "-use_cursor", "no"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 30
            while not _managed(display) and manager.poll() is None:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.1)  # another process: nothing to wait on but the root window
            if manager.poll() is None and _managed(display):
                break
            time.sleep(0.5)
        else:
            pytest.skip(f"{WINDOW_MANAGER} did not start")
        yield
    finally:
        if manager is not None:
            stop(manager)


def _managed(display: str) -> bool:
    """A window manager has announced itself on the root window (EWMH)."""
    probe = subprocess.run(
        ["xprop", "-display", display, "-root", "_NET_SUPPORTING_WM_CHECK"],
        capture_output=True,
        text=True,
        check=False,
        timeout=10,
    )
    return "window id" in probe.stdout


def walk(node: Node, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Node]]:
    """Every showing object of a tree with its path of child indexes from the application."""
    yield path, node
    for child in node["children"]:
        yield from walk(child, (*path, child["path_index"]))


class ScreenReader:
    """The app as a screen-reader user meets it: its tree, its actions, its keys, what it says."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process
        self.heard: list[str] = []

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        answer = self._answer()
        assert answer.get("ok"), answer
        return answer

    def _answer(self) -> dict[str, Any]:
        assert self._process.stdout is not None
        while True:
            line = self._process.stdout.readline()
            if not line:
                raise AssertionError("the screen reader stopped")
            if line.startswith("{"):
                return json.loads(line)  # type: ignore[no-any-return]

    walk = staticmethod(walk)

    def tree(self) -> Node:
        return self._ask({"op": "tree"})["tree"]  # type: ignore[no-any-return]

    def find(
        self, matches: Callable[[Node], bool], timeout_s: float = 60
    ) -> tuple[tuple[int, ...], Node]:
        """The first showing object that ``matches``, waiting for it to appear."""
        deadline = time.monotonic() + timeout_s
        while True:
            found = [(path, node) for path, node in walk(self.tree()) if matches(node)]
            if found:
                return found[0]
            if time.monotonic() > deadline:
                raise AssertionError("nothing on screen matched")
            time.sleep(0.3)  # another process: nothing to wait on but its tree

    def named(self, role: str, name: str, timeout_s: float = 60) -> tuple[tuple[int, ...], Node]:
        return self.find(lambda node: node["role"] == role and node["name"] == name, timeout_s)

    def press(self, role: str, name: str) -> None:
        path, _node = self.named(role, name)
        self._ask({"op": "do", "path": list(path), "action": "Press"})

    def focus(self, role: str, name: str) -> None:
        path, _node = self.named(role, name)
        self._ask({"op": "focus", "path": list(path)})

    def key(self, name: str) -> None:
        self._ask({"op": "key", "name": name})

    def type(self, text: str) -> None:
        """Type ``text`` on the keyboard, into whatever has the focus."""
        self._ask({"op": "type", "text": text})

    def focused(self, matches: Callable[[Node], bool], timeout_s: float = 30) -> Node:
        """The focused control once it is one that ``matches`` (keys reach it, Orca reads it)."""
        _path, node = self.find(
            lambda node: "focused" in node["states"] and matches(node), timeout_s
        )
        return node

    def tab_to(self, matches: Callable[[Node], bool], presses: int = 12) -> Node:
        """Press Tab until the focused control is one that ``matches``, as a keyboard user does."""
        for _ in range(presses):
            self.key("Tab")
            focused = [node for _path, node in walk(self.tree()) if "focused" in node["states"]]
            if any(matches(node) for node in focused):
                break
        return self.focused(matches, timeout_s=5)

    def announcements(self) -> list[str]:
        self.heard += self._ask({"op": "announcements"})["announcements"]
        return self.heard

    def hears(self, matches: Callable[[str], bool], timeout_s: float = 30) -> str:
        """The first announcement that ``matches``, waiting for it to reach the bus."""
        deadline = time.monotonic() + timeout_s
        while True:
            said = [text for text in self.announcements() if matches(text)]
            if said:
                return said[0]
            if time.monotonic() > deadline:
                raise AssertionError(f"never announced; heard {self.heard}")
            time.sleep(0.3)  # another process: nothing to wait on but what it said


@pytest.fixture
def screen_reader(x_server: str) -> Iterator[Callable[..., ScreenReader]]:
    """Start ``python -m app ARGS`` under a screen reader; the reader of its tree."""
    started: list[subprocess.Popen[str]] = []

    def start(*arguments: str) -> ScreenReader:
        environment = dict(
            os.environ,
            DISPLAY=x_server,
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",  # as when Orca runs
        )
        process = subprocess.Popen(
            ["dbus-run-session", "--", SYSTEM_PYTHON, str(READER), "--",
             sys.executable, "-m", "app", *arguments],
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )  # fmt: skip
        started.append(process)
        reader = ScreenReader(process)
        ready = reader._answer()
        if not ready.get("ready"):
            pytest.skip("the app never appeared on the accessibility bus")
        return reader

    yield start
    for process in started:
        with contextlib.suppress(BrokenPipeError, OSError):
            assert process.stdin is not None
            process.stdin.write('{"op": "quit"}\n')
            process.stdin.flush()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                with contextlib.suppress(BrokenPipeError, OSError):
                    pipe.close()
