"""A page of the PPMID as its own type, for tests that read its widgets.

``page_for`` answers with the base ``PpmidPage``: the shell does not know which kind each key
makes. A test does, and says so here; a key that makes another kind fails the test.
"""

from __future__ import annotations

from typing import TypeVar

from ppmid.page import Navigator, PpmidPage

Page = TypeVar("Page", bound=PpmidPage)


def page_of(shell: Navigator, key: str, kind: type[Page]) -> Page:
    page = shell.page_for(key)
    assert isinstance(page, kind), f"{key!r} is a {type(page).__name__}, not a {kind.__name__}"
    return page
