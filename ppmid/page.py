"""What every PPMID page is to the shell: a widget that can put itself into words again, take a
new theme, show the model as it is, and be told when it comes on show.

Its life – following the model, ticking while on show, stopping when closed – is the one every
device page shares (``app/ui/model_page.py``).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QLabel

from app.host.context import ExperienceContext
from app.ui.announce import announce
from app.ui.labels import role_label
from app.ui.model_page import ModelPage
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from ppmid.view_models.top_up import Tone, TopUpResult


class Navigator(Protocol):
    def go_to(self, key: str) -> None: ...

    def page_for(self, key: str) -> PpmidPage: ...


class PpmidPage(ModelPage):
    """A PPMID page: a page of the model (its life is ``ModelPage``'s) with a way back."""

    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        self.context = context
        self.navigator = navigator
        super().__init__(context.model)

    def page_shown(self) -> None:
        """The page has just come on show."""

    def scroll_pages(self, pages: int) -> bool:
        """PageUp/PageDown: move what scrolls inside the page (a long message) by whole views;
        False when there is nothing of its own to scroll, and the shell scrolls the page."""
        return False

    def back_button(self) -> TouchButton:
        """The way back to the balance, which every other page has."""
        button = TouchButton()
        button.clicked.connect(lambda: self.navigator.go_to("balance"))
        return button


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
