"""What every PPMID page is to the shell: a widget that can put itself into words again, take a
new theme, show the model as it is, and be told when it comes on show."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.host.context import ExperienceContext
from app.ui.labels import role_label
from app.ui.theme import STANDARD, Theme
from app.ui.touch_button import TouchButton
from ppmid.view_models.top_up import Tone, TopUpResult


class Navigator(Protocol):
    def go_to(self, key: str) -> None: ...

    def page_for(self, key: str) -> PpmidPage: ...


class PpmidPage(QWidget):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__()
        self.context = context
        self.navigator = navigator
        self.theme: Theme = STANDARD

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
    label.setText(result.text)
    label.setVisible(bool(result.text))
    label.setAccessibleName(result.text)
    label.setProperty("tone", result.tone.value)
    label.setStyleSheet(
        f"border-left: 8px solid {colour}; padding-left: 10px; background: {theme.surface};"
    )
