"""A label's message kept as words rather than as text, so that a person who switches language
while it is on show reads it in the new language (an outcome, a warning, a refusal)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

Words = Callable[[], str]
"""Puts the message into words in the language in use when called."""


class Said:
    def __init__(self, label: QLabel) -> None:
        self.label = label
        self._words: Words | None = None

    def say(self, words: Words | None) -> None:
        """Show ``words`` (None: nothing)."""
        self._words = words
        self.label.setText(words() if words is not None else "")

    def again(self) -> None:
        """Put the message on show into the language in use now (on a language change)."""
        if self._words is not None:
            self.label.setText(self._words())
