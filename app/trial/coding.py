"""A study's coding scheme: the codes its observers use, read from ``[observation]``.

Codes are of BORIS's two kinds: a *point* code marks a moment ("asked for help"), a *state* code
has a start and a stop ("hesitating" from 1:02 to 1:09). The scheme also says the unit of
agreement used for inter-observer agreement: windows of ``agreement_window`` seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from home_emulator.api.scenarios import TomlTable

DEFAULT_WINDOW_S: Final = 10
MAX_WINDOW_S: Final = 600
_CODE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


class CodeKind(StrEnum):
    POINT = "point"
    """A moment: one mark at a session time."""
    STATE = "state"
    """A span: a start and a stop."""


@dataclass(frozen=True)
class Code:
    id: str
    title: str
    kind: CodeKind = CodeKind.POINT
    key: str = ""
    """A single key that marks the code on the console ("" for none)."""
    title_cy: str = ""


@dataclass(frozen=True)
class CodingScheme:
    codes: tuple[Code, ...] = ()
    window_s: int = DEFAULT_WINDOW_S

    def code(self, code_id: str) -> Code | None:
        return next((code for code in self.codes if code.id == code_id), None)


def read_coding_scheme(table: TomlTable) -> CodingScheme:
    """``[observation]``: ``agreement_window`` and ``[[observation.codes]]``."""
    window_s = table.duration("agreement_window", DEFAULT_WINDOW_S)
    if window_s > MAX_WINDOW_S:
        table.fail("agreement_window", "is more than ten minutes: a window that long agrees on all")
    codes: list[Code] = []
    for entry in table.tables("codes"):
        code = _code(entry)
        for known in codes:
            if known.id == code.id:
                entry.fail("id", f'"{code.id}" is already a code\'s id')
            if code.key and known.key == code.key:
                entry.fail("key", f'"{code.key}" is already the key of "{known.id}"')
        codes.append(code)
    table.finish("[observation]")
    return CodingScheme(tuple(codes), window_s)


def _code(table: TomlTable) -> Code:
    code_id = table.text("id")
    if not _CODE_ID.fullmatch(code_id):
        table.fail("id", 'lower-case letters, digits, "-" or "_", e.g. "hesitation"')
    title = table.text("title", code_id)
    title_cy = table.text("title_cy", "")
    kind = table.choice("kind", CodeKind, CodeKind.POINT, what="code kind")
    key = table.text("key", "")
    if key and not (len(key) == 1 and key.isalnum()):
        table.fail("key", 'one letter or digit, e.g. "h"')
    table.finish("a code")
    return Code(code_id, title, kind, key.lower(), title_cy)
