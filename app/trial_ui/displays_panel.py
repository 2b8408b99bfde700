"""The console's right column: what every participant display shows, and the record as it grows.

Displays in the console's own process are shown as live pictures; displays attached over TCP are
listed with the screen their participant last saw (from the record, which they write to).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.trial.store import TrialStore

translate = QCoreApplication.translate
THUMBNAIL_WIDTH = 320
"""Two pictures one above the other fit the console's right column on a 1280×720 laptop."""


@dataclass
class EmbeddedDisplay:
    name: str
    window: Callable[[], QWidget | None]
    """The display's window once it is up (None before)."""


class DisplaysPanel(QWidget):
    def __init__(
        self,
        store: TrialStore,
        embedded: Sequence[EmbeddedDisplay],
        remote: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.embedded = list(embedded)
        self.remote = remote
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QGroupBox] = []
        self.pictures: list[QLabel] = []
        for _ in self.embedded:
            box = QGroupBox()
            picture = QLabel("")
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setMinimumSize(THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 480 // 800)
            QVBoxLayout(box).addWidget(picture)
            self.boxes.append(box)
            self.pictures.append(picture)
            layout.addWidget(box)
        layout.addStretch(1)
        self.attached_box = QGroupBox()
        self.attached = QLabel("")
        self.attached.setWordWrap(True)
        QVBoxLayout(self.attached_box).addWidget(self.attached)
        """Placed by the window, beside how other displays attach."""
        self.log_box = QGroupBox()
        self.log = QListWidget()
        QVBoxLayout(self.log_box).addWidget(self.log)
        """Placed by the window, where there is room for whole lines."""
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text in the language in use (the record is worded by ``refresh_record``)."""
        for display, box, picture in zip(self.embedded, self.boxes, self.pictures, strict=True):
            name = display.name.upper()
            box.setTitle(translate("OperatorConsole", "%1 (this computer)").replace("%1", name))
            if picture.pixmap().isNull():  # no picture of the display yet
                picture.setText(translate("OperatorConsole", "starting…"))
            picture.setAccessibleName(
                translate("OperatorConsole", "What the %1 shows").replace("%1", name)
            )
        self.attached_box.setTitle(
            translate("OperatorConsole", "Other displays, and screens last shown")
        )
        self.log_box.setTitle(translate("OperatorConsole", "Latest in the record"))
        self.log.setAccessibleName(translate("OperatorConsole", "Latest in the record"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh_pictures(self) -> None:
        for display, picture in zip(self.embedded, self.pictures, strict=True):
            window = display.window()
            if window is None or not window.isVisible():
                continue
            shot = window.grab()
            picture.setPixmap(
                shot.scaledToWidth(THUMBNAIL_WIDTH, Qt.TransformationMode.SmoothTransformation)
            )

    def refresh_record(self) -> None:
        events = self.store.latest_events(40)
        last_screen: dict[str, str] = {}
        for event in events:  # newest first: keep each display's latest screen
            where = event.source.removeprefix("display:").upper()
            who = f"{event.participant or '–'}, {where}"
            if event.kind == "screen" and who not in last_screen:
                last_screen[who] = event.target
        remote = self.remote()
        if remote:
            lines = [translate("OperatorConsole", "Attached: %1").replace("%1", ", ".join(remote))]
        else:
            lines = [translate("OperatorConsole", "None attached over the network.")]
        lines += [
            translate("OperatorConsole", "%1 last saw %2").replace("%1", who).replace("%2", screen)
            for who, screen in last_screen.items()
        ]
        self.attached.setText("\n".join(lines))
        rows = [
            f"{dt.datetime.fromtimestamp(event.at).strftime('%H:%M:%S')} {event.participant or '–'}"
            f" {event.source.removeprefix('display:').upper()}: {event.kind} {event.target}"
            f" {event.detail}".rstrip()
            for event in events
        ]
        if [self.log.item(i).text() for i in range(self.log.count())] != rows:
            self.log.clear()
            self.log.addItems(rows)
