"""Reads a running app's accessibility tree through AT-SPI, as a screen reader (Orca) does.

Run by the system's Python (Debian's ``python3-pyatspi`` is not on PyPI), inside the same D-Bus
session as the app: ``dbus-run-session -- /usr/bin/python3 atspi_reader.py -- APP ARGS…``. It starts
the app itself, so both see the same session bus, then answers one JSON request a line on stdin with
one JSON answer a line on stdout:

    {"op": "tree"}                              the app's tree of showing objects
    {"op": "do", "path": [0, 2], "action": "Press"}   an object's action, by its path in the tree
    {"op": "focus", "path": [0, 2]}             give an object the keyboard focus
    {"op": "key", "name": "Tab"}                press and release a key (an X keysym name)
    {"op": "type", "text": "1234"}              type characters
    {"op": "announcements"}                     what the app announced since the last asking
    {"op": "quit"}

No coordinates anywhere: only roles, names, states, actions and keys, the way a blind person works.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time
from typing import Any

import pyatspi
from gi.repository import GLib

Accessible = Any
"""A node of the AT-SPI tree: pyatspi ships no types."""

MAX_DEPTH = 40
KEYSYMS = {
    # X keysyms of the keys a keyboard user needs here (X11/keysymdef.h)
    "Tab": 0xFF09,
    "ISO_Left_Tab": 0xFE20,
    "Return": 0xFF0D,
    "Escape": 0xFF1B,
    "BackSpace": 0xFF08,
    "Home": 0xFF50,
    "Left": 0xFF51,
    "Up": 0xFF52,
    "Right": 0xFF53,
    "Down": 0xFF54,
    "End": 0xFF57,
    "space": 0x20,
    **{str(digit): 0x30 + digit for digit in range(10)},
}


def _describe(node: Accessible, depth: int) -> dict[str, Any]:
    states = node.getState()
    entry: dict[str, Any] = {
        "role": node.getRoleName(),
        "name": node.name or "",
        "states": sorted(pyatspi.stateToString(state) for state in states.getStates()),
    }
    if node.description:
        entry["description"] = node.description
    try:
        value = node.queryValue()
        entry["value"] = value.currentValue
        text_value = node.get_value_text() if hasattr(node, "get_value_text") else None
        if text_value:
            entry["value_text"] = text_value
    except NotImplementedError:
        pass
    try:
        text = node.queryText()
        entry["text"] = text.getText(0, -1)
    except NotImplementedError:
        pass
    try:
        action = node.queryAction()
        entry["actions"] = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        pass
    children = []
    if depth < MAX_DEPTH:
        for index in range(node.childCount):
            child = node.getChildAtIndex(index)
            if child is None:
                continue
            if not child.getState().contains(pyatspi.STATE_SHOWING):
                continue
            described = _describe(child, depth + 1)
            described["path_index"] = index
            children.append(described)
    entry["children"] = children
    return entry


def _find_app(pid: int, deadline: float) -> Accessible | None:
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            try:
                if app is not None and app.get_process_id() == pid and app.childCount:
                    return app
            except Exception:  # an application that left the bus as we asked
                continue
        _pump(0.2)
    return None


def _pump(seconds: float) -> None:
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def _at(app: Accessible, path: list[int]) -> Accessible:
    node = app
    for index in path:
        node = node.getChildAtIndex(index)
    return node


def _answer(app: Accessible, request: dict[str, Any], announced: list[str]) -> dict[str, Any]:
    """Carry out one request of the test's; an error goes back in the answer."""
    op = request["op"]
    answer: dict[str, Any] = {"ok": True}
    try:
        if op == "tree":
            answer["tree"] = _describe(app, 0)
        elif op == "do":
            node = _at(app, request["path"])
            action = node.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
            action.doAction(names.index(request["action"]))
        elif op == "focus":
            node = _at(app, request["path"])
            answer["ok"] = bool(node.queryComponent().grabFocus())
        elif op == "key":
            pyatspi.Registry.generateKeyboardEvent(KEYSYMS[request["name"]], None, pyatspi.KEY_SYM)
        elif op == "type":
            pyatspi.Registry.generateKeyboardEvent(0, request["text"], pyatspi.KEY_STRING)
        elif op == "announcements":
            answer["announcements"], announced[:] = list(announced), []
        else:
            answer = {"ok": False, "error": f"unknown op {op}"}
    except Exception as error:  # the answer carries it to the test
        answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return answer


def main() -> int:
    command = sys.argv[sys.argv.index("--") + 1 :]
    app_process = subprocess.Popen(command, stdout=sys.stderr, stderr=sys.stderr)
    announced: list[str] = []

    def heard(event: Any) -> None:  # an AT-SPI event (untyped)
        text = event.any_data if isinstance(event.any_data, str) else ""
        if event.type.startswith("object:announcement") and text:
            announced.append(text)
        elif event.type.startswith("object:live-region-changed") or "notification" in event.type:
            announced.append(text or (event.source.name if event.source else ""))

    pyatspi.Registry.registerEventListener(heard, "object:announcement")
    app = _find_app(app_process.pid, time.monotonic() + 120)
    print(json.dumps({"ready": app is not None}), flush=True)
    if app is None:
        app_process.kill()
        return 1
    while True:
        readable, _, _ = select.select([sys.stdin], [], [], 0.05)
        _pump(0.01)
        if not readable:
            if app_process.poll() is not None:
                return 1
            continue
        line = sys.stdin.readline()
        if not line:
            break
        request = json.loads(line)
        if request["op"] == "quit":
            break
        answer = _answer(app, request, announced)
        _pump(0.05)
        print(json.dumps(answer), flush=True)
    app_process.terminate()
    try:
        app_process.wait(10)
    except subprocess.TimeoutExpired:
        app_process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
