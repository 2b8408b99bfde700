"""What a person could not read on a screen as it is drawn now: text cut off by its own widget or by
a parent, a figure shrunk below the words beside it, text shortened with no way to read it whole,
and text drawn over another widget's text.

Only what is visible counts: a hidden page, a closed panel or a widget scrolled out of a scroll
area's view (which the person can scroll to) is not a finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

from app.ui.fit_label import FitLabel

SLACK_PX = 1
"""Rounding in font metrics; a pixel short is not a lost letter."""
BORDER_PX = 2
"""A button's border, inside which its words are drawn."""


@dataclass(frozen=True)
class Finding:
    widget: str
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.widget} {self.text!r}: {self.problem}"


def findings(window: QWidget) -> list[Finding]:
    texts = [widget for widget in _visible(window) if _text(widget)]
    found: list[Finding] = []
    for widget in texts:
        problem = _cut_off(widget) or _cut_by_parent(widget, window) or _shortened(widget)
        if problem:
            found.append(Finding(_path(widget, window), _text(widget), problem))
    found.extend(_overlapping(texts, window))
    return found


def _visible(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window]


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel) and widget.pixmap().isNull():
        return widget.text().strip()
    if isinstance(widget, QAbstractButton):
        return widget.text().strip()
    return ""


def _path(widget: QWidget, window: QWidget) -> str:
    names = []
    at: QWidget | None = widget
    while at is not None and at is not window:
        names.append(at.objectName() or type(at).__name__)
        at = at.parentWidget()
    return "/".join(reversed(names[:3]))


def needed(widget: QWidget) -> tuple[int, int]:
    """The width and height the widget's text needs at its present width, margins included."""
    if isinstance(widget, QLabel):
        hint = QLabel.sizeHint(widget)
        if widget.wordWrap():
            longest = max(
                (widget.fontMetrics().horizontalAdvance(word) for word in widget.text().split()),
                default=0,
            )
            margins = widget.width() - widget.contentsRect().width() + 2 * widget.margin()
            return longest + margins, widget.heightForWidth(widget.width())
        return hint.width(), hint.height()
    if isinstance(widget, QAbstractButton):
        # The words themselves (a touch button may have set a long word smaller), the icon beside
        # them, and the button's border: padding may give way, the words may not.
        lines = widget.text().split("\n")
        metrics = widget.fontMetrics()
        icon = widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
        below = 0
        if isinstance(widget, QToolButton):
            style = widget.toolButtonStyle()
            if style == Qt.ToolButtonStyle.ToolButtonTextOnly:
                icon = 0
            elif style == Qt.ToolButtonStyle.ToolButtonTextUnderIcon and icon:
                icon, below = 0, widget.iconSize().height()
        if not isinstance(widget, (QPushButton, QToolButton)):
            icon = widget.sizeHint().width() - max(
                metrics.horizontalAdvance(line) for line in lines
            )
            icon = max(icon - 8, 0)  # the check box or radio mark and its gap
        width = max(metrics.horizontalAdvance(line) for line in lines) + icon + 2 * BORDER_PX
        height = len(lines) * metrics.height() + below + 2 * BORDER_PX
        return width, height
    hint = widget.sizeHint()
    return hint.width(), hint.height()


def _cut_off(widget: QWidget) -> str:
    if isinstance(widget, FitLabel):
        return _shrunk_too_far(widget)
    width, height = needed(widget)
    if widget.width() + SLACK_PX < width:
        return f"needs {width} px wide, has {widget.width()}"
    if widget.height() + SLACK_PX < height:
        return f"needs {height} px high, has {widget.height()}"
    return ""


def _shrunk_too_far(label: FitLabel) -> str:
    """A reading set smaller than the unit or words beside it reads as the lesser of the two."""
    fitted = label.fitted_pixel_size()
    parent = label.parentWidget()
    neighbours = [
        sibling
        for sibling in (
            parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if parent
            else []
        )
        if sibling is not label
        and sibling.isVisible()
        and sibling.text()
        and not isinstance(sibling, FitLabel)
    ]
    for sibling in neighbours:
        size = sibling.font().pixelSize()
        if size > 0 and fitted < size:
            return f"set at {fitted} px, smaller than {sibling.text()!r} beside it ({size} px)"
    if label.height() + SLACK_PX < label.fontMetrics().height() * fitted // max(
        1, label.font().pixelSize()
    ):
        return f"needs {label.fontMetrics().height()} px high, has {label.height()}"
    return ""


def _cut_by_parent(widget: QWidget, window: QWidget) -> str:
    """Text that lies (partly) outside a parent is not drawn there, unless the parent scrolls."""
    area = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not window:
        if isinstance(ancestor.parentWidget(), QAbstractScrollArea):
            return ""  # inside a scroll area's viewport: the person can scroll to it
        bounds = QRect(ancestor.mapTo(window, ancestor.rect().topLeft()), ancestor.size())
        if not bounds.adjusted(-SLACK_PX, -SLACK_PX, SLACK_PX, SLACK_PX).contains(area):
            return f"runs outside {ancestor.objectName() or type(ancestor).__name__}"
        ancestor = ancestor.parentWidget()
    bounds = window.rect().adjusted(-SLACK_PX, -SLACK_PX, SLACK_PX, SLACK_PX)
    return "" if bounds.contains(area) else "runs outside the window"


def _shortened(widget: QWidget) -> str:
    """Shortened text ("Engineers are work…") is readable only where the whole is offered."""
    text = _text(widget)
    whole = widget.toolTip() or widget.accessibleDescription()
    shortened = text.endswith("…") and whole.startswith(text[:-1]) and len(whole) > len(text)
    if shortened and not isinstance(widget, QAbstractButton):
        return "shortened, and the whole text is not on screen"
    return ""


def _text_area(widget: QWidget, window: QWidget) -> QRect:
    """Where the text is drawn, in the window's coordinates (within the widget's own rect)."""
    width, height = needed(widget)
    inside = widget.contentsRect()
    alignment = widget.alignment() if isinstance(widget, QLabel) else Qt.AlignmentFlag.AlignCenter
    drawn = QStyle.alignedRect(
        widget.layoutDirection(), alignment, inside.size().boundedTo(_size(width, height)), inside
    )
    return QRect(widget.mapTo(window, drawn.topLeft()), drawn.size())


def _size(width: int, height: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSize

    return QSize(width, height)


def _overlapping(texts: list[QWidget], window: QWidget) -> list[Finding]:
    by_parent: dict[int, list[QWidget]] = {}
    for widget in texts:
        by_parent.setdefault(id(widget.parentWidget()), []).append(widget)
    found = []
    for siblings in by_parent.values():
        areas = [(widget, _text_area(widget, window)) for widget in siblings]
        for index, (widget, area) in enumerate(areas):
            for other, other_area in areas[index + 1 :]:
                shared = area.intersected(other_area)
                if shared.width() > SLACK_PX and shared.height() > SLACK_PX:
                    found.append(
                        Finding(
                            _path(widget, window),
                            _text(widget),
                            f"drawn over {_text(other)!r}",
                        )
                    )
    return found
