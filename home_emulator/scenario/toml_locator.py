"""Where a key is in a TOML text: the line of a key path, for error messages.

tomllib parses values but keeps no positions; this scanner walks the text once, understanding
table headers, array tables, dotted keys and multi-line values well enough to map a key path
(("events", 2, "duration")) to its line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

KeyPart = str | int
KeyPath = tuple[KeyPart, ...]


class Unreadable(Exception):
    """A line the locator does not understand; it skips it (tomllib has accepted the file)."""


@dataclass
class _ScanState:
    string: str | None = None
    """Delimiter of a multi-line string still open at the end of a line."""
    depth: int = 0
    """Brackets and braces of a value still open at the end of a line."""
    opened_line: int | None = None


class Locator:
    """Finds the line of a key path by scanning the text: table headers ``[a.b]``, array tables
    ``[[events]]`` (counted), and ``key =`` lines, skipping the insides of multi-line strings and
    arrays. A path it has not seen (a key inside an inline table or a multi-line array) falls back to
    its longest seen prefix, which is on the right line or at the right table."""

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        self._declared: set[KeyPath] = set()
        self._arrays: dict[KeyPath, int] = {}
        self.duplicate: tuple[KeyPath, int] | None = None
        self.unclosed_line: int | None = None
        table: KeyPath = ()
        state = _ScanState()
        for number, line in enumerate(text.splitlines(), start=1):
            if state.string or state.depth:
                _scan_value(line, 0, state)
                continue
            body = line.lstrip()
            if not body or body.startswith("#"):
                continue
            try:
                if body.startswith("[["):
                    table = self._header(_key_path(body, 2)[0], number, array=True)
                elif body.startswith("["):
                    table = self._header(_key_path(body, 1)[0], number, array=False)
                else:
                    parts, end = _key_path(body, 0)
                    self._record((*table, *parts), number, declared=True)
                    state.opened_line = number
                    _scan_value(body, body.index("=", end) + 1, state)
            except (Unreadable, ValueError):
                continue
        if state.string or state.depth:
            self.unclosed_line = state.opened_line

    def line_of(self, path: KeyPath) -> int | None:
        for length in range(len(path), 0, -1):
            if (line := self._lines.get(path[:length])) is not None:
                return line
        return None

    def _header(self, parts: list[str], number: int, *, array: bool) -> KeyPath:
        path: KeyPath = ()
        for part in parts[:-1]:  # a parent that is an array table means its latest entry
            path = (*path, part)
            if path in self._arrays:
                path = (*path, self._arrays[path])
        path = (*path, parts[-1])
        if not array:
            self._record(path, number, declared=True)
            return path
        self._arrays[path] = self._arrays.get(path, -1) + 1
        path = (*path, self._arrays[path])
        self._record(path, number)
        return path

    def _record(self, path: KeyPath, number: int, *, declared: bool = False) -> None:
        for length in range(1, len(path) + 1):
            self._lines.setdefault(path[:length], number)
        if declared:
            if path in self._declared and self.duplicate is None:
                self.duplicate = (path, number)
            self._declared.add(path)


def _key_path(text: str, pos: int) -> tuple[list[str], int]:
    """The parts of a (dotted, possibly quoted) key starting at ``pos``, and where it ends."""
    parts: list[str] = []
    while True:
        pos = _skip_blanks(text, pos)
        if pos >= len(text):
            raise Unreadable
        if text[pos] == '"':
            end = pos + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            try:
                parts.append(json.loads(text[pos : end + 1]))  # TOML's escapes, near enough
            except ValueError:
                parts.append(text[pos + 1 : end])
            pos = end + 1
        elif text[pos] == "'":
            end = text.find("'", pos + 1)
            if end < 0:
                raise Unreadable
            parts.append(text[pos + 1 : end])
            pos = end + 1
        else:
            match = _BARE_KEY.match(text, pos)
            if match is None:
                raise Unreadable
            parts.append(match.group())
            pos = match.end()
        pos = _skip_blanks(text, pos)
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return parts, pos


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _scan_value(text: str, pos: int, state: _ScanState) -> None:  # noqa: C901 - one branch per TOML value form
    """Follow a value to the end of the line: strings, comments, and open brackets."""
    i, n = pos, len(text)
    while i < n:
        if state.string:
            end = text.find(state.string, i)
            while end > 0 and state.string == '"""' and _escaped(text, end):
                end = text.find(state.string, end + 1)
            if end < 0:
                return
            i = end + 3
            for _ in range(2):  # up to two quotes may close the string's content
                if i < n and text[i] == state.string[0]:
                    i += 1
            state.string = None
            continue
        char = text[i]
        if char == "#":
            return
        if text.startswith('"""', i) or text.startswith("'''", i):
            state.string = text[i : i + 3]
            i += 3
        elif char == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
        elif char == "'":
            end = text.find("'", i + 1)
            i = n if end < 0 else end + 1
        else:
            if char in "[{":
                state.depth += 1
            elif char in "]}":
                state.depth = max(0, state.depth - 1)
            i += 1


def _escaped(text: str, index: int) -> bool:
    backslashes = len(text[:index]) - len(text[:index].rstrip("\\"))
    return backslashes % 2 == 1
