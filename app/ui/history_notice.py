"""The plain words a display shows when its history is not what a person would assume: not being
saved (a full or read-only data folder), or a damaged file set aside and a fresh one started.

``history_notice`` words a ``HistoryHealth`` (empty when all is well); ``HistoryNotice`` is the
label that follows one – the host window's status area on the IHD and PPMID, the CAD's status line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.history.health import HistoryHealth
from app.wording import QT_TRANSLATE_NOOP

NOT_SAVING = QT_TRANSLATE_NOOP(
    "HistoryNotice",
    "History is not being saved: the data folder is full or read-only. Live readings carry on, "
    "and saving starts again by itself when there is room.",
)
SET_ASIDE = QT_TRANSLATE_NOOP(
    "HistoryNotice",
    "The saved history was damaged, so it was set aside as %1 and a new history started.",
)


def history_notice(health: HistoryHealth) -> str:
    """What to tell the person, in the display's language ("" when nothing needs saying)."""
    lines = []
    if not health.saving:
        lines.append(QCoreApplication.translate("HistoryNotice", NOT_SAVING))
    if health.set_aside is not None:
        lines.append(
            QCoreApplication.translate("HistoryNotice", SET_ASIDE).replace(
                "%1", health.set_aside.name
            )
        )
    return "\n".join(lines)


class HistoryNotice(QLabel):
    """Shown only while there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setProperty("tone", "problem")
        self.setObjectName("history_notice")
        self._health: HistoryHealth | None = None
        self._unfollow: Callable[[], None] = lambda: None
        self.hide()

    def follow(self, health: HistoryHealth) -> None:
        self._unfollow()
        self._health = health
        self._unfollow = health.subscribe(lambda _health: self.refresh())
        self.refresh()

    def unfollow(self) -> None:
        self._unfollow()
        self._unfollow = lambda: None

    def refresh(self) -> None:
        text = history_notice(self._health) if self._health is not None else ""
        self.setText(text)
        if self._health is not None:
            self.setToolTip(self._health.detail or str(self._health.set_aside or ""))
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
