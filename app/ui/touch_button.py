"""A button for fingers and keyboards alike: at least 48 px square, Enter presses it as Space does.

Focus comes by Tab only, so a tap does not leave a focus ring behind on a touchscreen, while a
keyboard user always sees where they are. Words that do not fit (large text, longer Welsh words)
break onto a second line rather than being cut off; a single word too long for its button is set a
little smaller (never under three quarters of the theme's size) rather than shown cut short. The
icon is as tall as the text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

MIN_TOUCH_PX = 48
SMALLEST_WORDS = 0.75
"""How far a word too long for its button may shrink, as a share of the theme's text size."""

_PRESS_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}


def _text_width(metrics: QFontMetrics, text: str) -> int:
    """How wide ``text`` is set, its widest line if it has two, as a tool button measures it."""
    return metrics.size(Qt.TextFlag.TextShowMnemonic, text).width()


class TouchButton(QToolButton):
    def __init__(
        self,
        words: str = "",
        parent: QWidget | None = None,
        *,
        icon_scale: float = 1.0,
        shrinks: bool = True,
    ) -> None:
        super().__init__(parent)
        self._words = ""
        self._icon_scale = icon_scale
        self._shrinks = shrinks
        """False where a container sets the size of its buttons' words (the navigation bar)."""
        self._natural_px = 0  # the theme's text size, before any shrinking to fit
        self._shrunk_px = 0  # the size set to fit one long word; 0 when the theme's size fits
        self._restyling = False
        self._held_from: int | None = None
        """The least height the style gave, while the button holds two lines' height."""
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
        if self._restyling:
            return
        words = self._words
        natural = QFont(self.font())
        if self._natural_px > 0:
            natural.setPixelSize(self._natural_px)
        metrics = QFontMetrics(natural)
        # What the style adds around the words (padding, border, icon) is what the hint adds to
        # them, measured as the hint measures them: measured otherwise, words on one line and the
        # same words on two could each find the other fits better, and take turns for ever.
        shown = _text_width(self.fontMetrics(), self.text() or " ")
        room = self.width() - (super().sizeHint().width() - shown)
        if " " in words and self.isVisible() and _text_width(metrics, words) > room:
            middle = len(words) // 2
            spaces = [i for i, char in enumerate(words) if char == " "]
            split = min(spaces, key=lambda i: abs(i - middle))
            words = words[:split] + "\n" + words[split + 1 :]
        lines = self.text().count("\n")
        if words != self.text():
            self.setText(words)
        self._shrink_to((words or " ").split("\n"), room)
        held = self.minimumHeight()
        self._hold_words_height()
        if words.count("\n") != lines or self.minimumHeight() != held:
            # The layout is told once it has finished placing this button: the words break
            # while a layout is placing it, and a layout that is asked for a new size in the
            # middle of placing its widgets forgets it.
            QTimer.singleShot(0, self, self.updateGeometry)

    def _words_height(self) -> int:
        """As tall as the words on as many lines as they are shown on."""
        return super().sizeHint().height()

    def _hold_words_height(self) -> None:
        """Keeps the button as tall as its words on two lines in any row.

        A row of buttons is only as tall as the shortest one that may not grow (each keeps the
        height of its own words), unless one of them needs more: the button's least height,
        which the theme's style sheet sets to one line's, says it does. Back on one line it
        goes back to the style's least height, so a short column may still press it to that."""
        if "\n" in self.text():
            if self._held_from is None:
                self._held_from = self.minimumHeight()
            self.setMinimumHeight(max(self._held_from, self._words_height()))
        elif self._held_from is not None:
            self.setMinimumHeight(self._held_from)
            self._held_from = None

    def _shrink_to(self, lines: list[str], room: int) -> None:
        """Sets the words just small enough for the longest line to fit, within the floor."""
        natural_px = self._natural_px
        wanted = 0
        if self._shrinks and natural_px > 0 and self.isVisible() and room > 0:
            floor = int(natural_px * SMALLEST_WORDS)
            trial = QFont(self.font())
            px = natural_px
            # Text does not scale exactly with its size (hinting, rounding), so measure each step.
            while px > floor and self._longest(trial, px, lines) > room:
                px -= 1
            wanted = 0 if px == natural_px else px
        if wanted != self._shrunk_px:
            self._restyle(wanted)

    @staticmethod
    def _longest(font: QFont, px: int, lines: list[str]) -> int:
        font.setPixelSize(px)
        metrics = QFontMetrics(font)
        return max(metrics.horizontalAdvance(line) for line in lines)

    def _drop_shrink(self) -> None:
        if self._shrunk_px:
            self._restyle(0)

    def _restyle(self, px: int) -> None:
        self._shrunk_px = px
        self._restyling = True
        try:
            self.setStyleSheet(f"font-size: {px}px;" if px else "")
        finally:
            self._restyling = False

    # Sizes ----------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """As wide as the words on one line at the theme's size: a layout with room to spare puts
        them back on one line, at full size (a hint from the shrunk words would keep them small)."""
        hint = super().sizeHint()
        shown = self.text()
        if "\n" not in shown and not self._shrunk_px:
            return hint
        widest = _text_width(self.fontMetrics(), shown)
        natural = QFont(self.font())
        if self._natural_px > 0:
            natural.setPixelSize(self._natural_px)
        whole = _text_width(QFontMetrics(natural), self._words)
        return QSize(hint.width() + whole - widest, hint.height())

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
            if not self._restyling and self.font().pixelSize() != self._shrunk_px:
                # A new theme or text size (not the echo of our own shrinking): start from it.
                self._drop_shrink()
                self._natural_px = max(self.font().pixelSize(), 0)
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
