"""What every IHD screen is to the shell: a widget that can put itself into words again, take a new
theme, and be told when it comes on show.

Screens written against this (and registered in ``ihd/screens.py``) need nothing else from the shell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QWidget

from app.host.context import ExperienceContext
from app.ui.theme import STANDARD, Theme


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


class IhdScreen(QWidget):
    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.navigator = navigator or StayHere()
        self.theme: Theme = STANDARD
        self._refresh_pending = False

    def retranslate(self) -> None:
        """Set every fixed text (captions, button words, accessible names) in the current language."""

    def refresh(self) -> None:
        """Show the model as it is now."""

    def apply_theme(self, theme: Theme) -> None:
        """For what the style sheet cannot reach: painted indicators and icons."""
        self.theme = theme

    def screen_shown(self) -> None:
        """The screen has just come on show."""

    def refresh_soon(self) -> None:
        """Bursts of model changes (fast emulation) coalesce into one refresh per loop pass."""
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._refresh_now)

    def _refresh_now(self) -> None:
        self._refresh_pending = False
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)
