"""What every PPMID page is to the shell: a widget that can put itself into words again, take a
new theme, show the model as it is, and be told when it comes on show.

The base also owns the page's life, once for all pages: it follows the model from the start (one
redraw per burst of changes), redraws every ``tick_ms`` while on show if the page asks for it,
stops ticking when hidden, and stops following the model when closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.host.context import ExperienceContext
from app.ui.announce import announce
from app.ui.labels import role_label
from app.ui.theme import STANDARD, Theme
from app.ui.touch_button import TouchButton
from han.model import ModelChange
from ppmid.view_models.top_up import Tone, TopUpResult


class Navigator(Protocol):
    def go_to(self, key: str) -> None: ...

    def page_for(self, key: str) -> PpmidPage: ...


class PpmidPage(QWidget):
    tick_ms: ClassVar[int] = 0
    """How often the page redraws while on show with no model change; 0: only on changes."""

    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__()
        self.context = context
        self.navigator = navigator
        self.theme: Theme = STANDARD
        self._refresh_pending = False
        self.ticker = QTimer(self)
        self.ticker.setInterval(self.tick_ms)
        self.ticker.timeout.connect(self.tick)
        self._on_close: list[Callable[[], None]] = []
        self._follow_model()

    # The page's life -----------------------------------------------------------------------

    def _follow_model(self) -> None:
        """The one place a page subscribes to the model (and learns how to stop)."""
        self.until_closed(self.context.model.subscribe(self.model_changed))

    def until_closed(self, stop: Callable[[], None]) -> None:
        """Call ``stop`` when the page closes."""
        self._on_close.append(stop)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tick_ms:
            self.tick()  # what changed while hidden shows at once, not a tick later
            self.ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()  # nobody sees a hidden page: it need not redraw
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ticker.stop()
        stops, self._on_close = self._on_close, []  # closed twice, stopped once
        for stop in stops:
            stop()
        super().closeEvent(event)

    def model_changed(self, change: ModelChange) -> None:
        """The model changed: by default the page redraws, once per burst of changes."""
        self.refresh_soon()

    def tick(self) -> None:
        """Every ``tick_ms`` while on show."""
        self.refresh()

    def refresh_soon(self) -> None:
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._refresh_now)

    def _refresh_now(self) -> None:
        self._refresh_pending = False
        self.refresh()

    # What a page fills in ------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every fixed text in the current language."""

    def refresh(self) -> None:
        """Show the model (and the page's view-model) as it is now."""

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme

    def page_shown(self) -> None:
        """The page has just come on show."""

    def back_button(self) -> TouchButton:
        """The way back to the balance, which every other page has."""
        button = TouchButton()
        button.clicked.connect(lambda: self.navigator.go_to("balance"))
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)


def result_label() -> QLabel:
    return role_label("message")


def show_result(label: QLabel, result: TopUpResult, theme: Theme) -> None:
    """A result in large type with a coloured edge; the words themselves say good news or not."""
    colour = {
        Tone.GOOD: theme.ambient_low,
        Tone.PROBLEM: theme.ambient_high,
        Tone.BUSY: theme.accent,
        Tone.NONE: theme.border,
    }[result.tone]
    if result.text and result.text != label.text():
        # The answer appears beside the keypad; a screen reader hears it wherever focus is.
        announce(label, result.text, assertive=result.tone is Tone.PROBLEM)
    label.setText(result.text)
    label.setVisible(bool(result.text))
    label.setAccessibleName(result.text)
    label.setProperty("tone", result.tone.value)
    label.setStyleSheet(
        f"border-left: 8px solid {colour}; padding-left: 10px; background: {theme.surface};"
    )
