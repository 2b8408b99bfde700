"""Text that may be longer than its room – a supplier message of 254 characters in large type on a
800×480 display – scrolls inside its own box, so the buttons beside it (Confirm) stay on screen.

It shows whole lines: the view's height is a number of lines, and the keys move by lines and by
views of lines, so no line is ever half shown when the text is at rest.

It scrolls by finger (drag the text; the scroll bar), by keyboard once it has focus (Tab to it, then
the arrow keys, PageUp/PageDown, Home/End) and by ``scroll_pages``, which a screen's own
PageUp/PageDown keys call. Text that fits shows no scroll bar and does not move.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QScroller, QWidget


class ScrollingText(QScrollArea):
    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "scrolling-text")
        self.label = QLabel("")
        self.label.setProperty("role", role)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A finger dragging the text moves it, as on a phone (a touch screen's touches come as a
        # left mouse button).
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def setText(self, text: str) -> None:
        if text != self.label.text():
            self.label.setText(text)
            self.verticalScrollBar().setValue(0)  # a new text is read from its start

    def text(self) -> str:
        return self.label.text()

    def scrolls(self) -> bool:
        """More text than room: part of it is out of view."""
        return self.verticalScrollBar().maximum() > 0

    def at_end(self) -> bool:
        """The last line is in view."""
        bar = self.verticalScrollBar()
        return bool(bar.value() == bar.maximum())

    def scroll_pages(self, pages: int) -> bool:
        """Move by whole views (negative: back); False if the text fits and nothing moved."""
        if not self.scrolls():
            return False
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._whole_lines()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._whole_lines()

    def _whole_lines(self) -> None:
        """Leave the part of the height below the last whole line unused."""
        line = self.label.fontMetrics().lineSpacing()
        room = self.height() - 2 * self.frameWidth()
        spare = room % line if room > line else 0
        self.setViewportMargins(0, 0, 0, spare)
        self.verticalScrollBar().setSingleStep(line)

    def minimumSizeHint(self) -> QSize:
        """One line: the rest scrolls, so the box never pushes its neighbours off the screen."""
        line = self.label.fontMetrics().height()
        return QSize(super().minimumSizeHint().width(), line + 2 * self.frameWidth())
