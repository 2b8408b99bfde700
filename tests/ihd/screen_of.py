"""A screen of the IHD as its own type, for tests that read its widgets.

``IhdShell.screen_for`` answers with the base ``IhdScreen``: the shell does not know which kind
each key makes. A test does, and says so here; a key that makes another kind fails the test.
"""

from __future__ import annotations

from typing import TypeVar

from ihd.screen import IhdScreen
from ihd.shell import IhdShell

Screen = TypeVar("Screen", bound=IhdScreen)


def screen_of(shell: IhdShell, key: str, kind: type[Screen]) -> Screen:
    screen = shell.screen_for(key)
    assert isinstance(screen, kind), f"{key!r} is a {type(screen).__name__}, not a {kind.__name__}"
    return screen
