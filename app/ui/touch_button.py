"""A button for fingers and keyboards alike: at least 48 px square, Enter presses it as Space does.

Focus comes by Tab only, so a tap does not leave a focus ring behind on a touchscreen, while a
keyboard user always sees where they are. Words that do not fit (large text, longer Welsh words)
break onto a second line rather than being cut off, and the icon is as tall as the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

MIN_TOUCH_PX = 48

_PRESS_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


class TouchButton(QToolButton):
    def __init__(
        self, words: str = "", parent: QWidget | None = None, *, icon_scale: float = 1.0
    ) -> None:
        super().__init__(parent)
        self._words = ""
        self._icon_scale = icon_scale
        self.setMinimumSize(MIN_TOUCH_PX, MIN_TOUCH_PX)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_words(words)

    # Words ----------------------------------------------------------------------------------

    def words(self) -> str:
        """What the button says, on one line (``text()`` may have been broken in two)."""
        return self._words

    def set_words(self, words: str) -> None:
        self._words = words
        self._fit_words()

    def describe(self, name: str, description: str = "") -> None:
        """What a screen reader says: the button's name (usually its words) and what it does."""
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.setToolTip(description or name)

    def _fit_words(self) -> None:
        words = self._words
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in (self.text() or " ").split("\n"))
        # What the style adds around the words (padding, border, icon) is what the hint adds.
        room = self.width() - (super().sizeHint().width() - widest)
        if " " in words and self.isVisible() and metrics.horizontalAdvance(words) > room:
            middle = len(words) // 2
            spaces = [i for i, char in enumerate(words) if char == " "]
            split = min(spaces, key=lambda i: abs(i - middle))
            words = words[:split] + "\n" + words[split + 1 :]
        if words != self.text():
            self.setText(words)

    # Sizes ----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """As wide as the words on one line: a layout with room to spare puts them back on one."""
        hint = super().sizeHint()
        shown = self.text()
        if "\n" not in shown:
            return hint
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in shown.split("\n"))
        return QSize(hint.width() + metrics.horizontalAdvance(self._words) - widest, hint.height())

    def minimumSizeHint(self) -> QSize:
        """Narrower than the words if need be (they break in two), never under a finger's width."""
        hint = super().minimumSizeHint()
        return QSize(MIN_TOUCH_PX, max(MIN_TOUCH_PX, hint.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_words()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            side = round(self.fontMetrics().height() * self._icon_scale)
            self.setIconSize(QSize(side, side))
            self._fit_words()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_words()

    # Keys -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _PRESS_KEYS and not event.isAutoRepeat():
            self.animateClick()
            event.accept()
            return
        super().keyPressEvent(event)
