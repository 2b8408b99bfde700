"""A large reading with its unit and caption; stale readings are dimmed and say how old they are.

The owner gives every text already in the display's language, the note included ("5 min old"),
so the accessible description needs no English of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.fit_label import FitLabel


class BigNumber(QFrame):
    def __init__(self, caption: str, *, small: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.caption = QLabel(caption)
        self.caption.setProperty("role", "caption")
        self.value = FitLabel("–")
        self.value.setProperty("role", "value-small" if small else "value")
        self.unit = QLabel("")
        self.unit.setProperty("role", "unit")
        self.note = QLabel("")
        self.note.setProperty("role", "caption")
        self.note.setWordWrap(True)

        number_row = QHBoxLayout()
        number_row.setSpacing(8)
        number_row.addWidget(self.value, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignBaseline)
        number_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        layout.addLayout(number_row)
        layout.addStretch(1)
        layout.addWidget(self.note)
        self.setAccessibleName(caption)
        self._stale = False

    def set_caption(self, caption: str) -> None:
        """Captions are set again whenever the display's language changes."""
        self.caption.setText(caption)
        self.setAccessibleName(caption)

    def show_reading(self, value: str, unit: str, *, stale: bool = False, note: str = "") -> None:
        self.value.setText(value)
        self.unit.setText(unit)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        if stale != self._stale:
            self._stale = stale
            for label in (self.value, self.unit):
                label.setProperty("stale", "true" if stale else "false")
                label.style().unpolish(label)
                label.style().polish(label)
        self.setAccessibleDescription(f"{value} {unit}. {note}".strip(" ."))

    @property
    def is_stale(self) -> bool:
        return self._stale
