"""What every IHD screen is to the shell: a widget that can put itself into words again, take a new
theme, and be told when it comes on show.

Its life – following the model, ticking while on show, stopping when closed – is the one every
device page shares (``app/ui/model_page.py``).

Screens written against this (and registered in ``ihd/screens.py``) need nothing else from the shell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.host.context import ExperienceContext
from app.ui.model_page import ModelPage


class Offered(Protocol):
    """A screen as another screen offers it (More's buttons): its key, words and icon."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def icon(self) -> str: ...


class Navigator(Protocol):
    """Lets a screen send the person to another screen (the home screen's "2 unread messages"),
    and says which screens the shell offers through another (More) rather than on its bar."""

    def go_to(self, key: str) -> None: ...

    def offered_by(self, key: str) -> Sequence[Offered]: ...


class StayHere:
    """For a screen shown on its own (benchmarks, tests): going elsewhere does nothing."""

    def go_to(self, key: str) -> None:
        pass

    def offered_by(self, key: str) -> Sequence[Offered]:
        return ()


class IhdScreen(ModelPage):
    """An IHD screen: a page of the model (its life is ``ModelPage``'s) that the shell can send
    elsewhere and tells when it comes on show."""

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.context = context
        self.navigator = navigator or StayHere()
        super().__init__(context.model, parent)

    def screen_shown(self) -> None:
        """The shell has just put this screen on show (a visit begins)."""

    def scroll_pages(self, pages: int) -> bool:
        """PageUp/PageDown: move what scrolls inside the screen (a long message) by whole views;
        False when there is nothing of its own to scroll, and the shell scrolls the page."""
        return False
