"""What every IHD screen is to the shell: a widget that can put itself into words again, take a new
theme, and be told when it comes on show.

The base also owns the screen's life, once for all screens: it follows the model from the start,
redraws every ``tick_ms`` while on show (ages grow and the half hour moves without a model change),
stops ticking when hidden, and stops following the model when closed.

Screens written against this (and registered in ``ihd/screens.py``) need nothing else from the shell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Protocol

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from app.host.context import ExperienceContext
from app.ui.theme import STANDARD, Theme
from han.model import ModelChange


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
    tick_ms: ClassVar[int] = 0
    """How often the screen redraws while on show with no model change; 0: only on changes."""

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
        self.ticker = QTimer(self)
        self.ticker.setInterval(self.tick_ms)
        self.ticker.timeout.connect(self.tick)
        self._on_close: list[Callable[[], None]] = []
        self._follow_model()

    # The screen's life ---------------------------------------------------------------------

    def _follow_model(self) -> None:
        """The one place a screen subscribes to the model (and learns how to stop)."""
        self.until_closed(self.context.model.subscribe(self.model_changed))

    def until_closed(self, stop: Callable[[], None]) -> None:
        """Call ``stop`` when the screen closes (another subscription, a task to cancel)."""
        self._on_close.append(stop)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tick_ms:
            self.tick()  # what changed while hidden shows at once, not a tick later
            self.ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()  # nobody sees a hidden screen: it need not redraw
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ticker.stop()
        stops, self._on_close = self._on_close, []  # closed twice, stopped once
        for stop in stops:
            stop()
        super().closeEvent(event)

    # What a screen fills in ----------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every fixed text (captions, button words, accessible names) in the current language."""

    def refresh(self) -> None:
        """Show the model as it is now."""

    def apply_theme(self, theme: Theme) -> None:
        """For what the style sheet cannot reach: painted indicators and icons."""
        self.theme = theme

    def screen_shown(self) -> None:
        """The shell has just put this screen on show (a visit begins)."""

    def model_changed(self, change: ModelChange) -> None:
        """The model changed: by default the screen redraws, once per burst of changes."""
        self.refresh_soon()

    def tick(self) -> None:
        """Every ``tick_ms`` while on show."""
        self.refresh()

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
