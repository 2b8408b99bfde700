"""The kiosk at rest: a large colour-and-shape indicator of electricity use now, the time, and the
credit on a prepayment meter – readable across a room, and honest when the reading is old.

The scene is decided Qt-free (``ambient_scene``); the view only paints it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.ambient_indicator import AmbientIndicator
from app.ui.i18n import QT_WORDING
from app.ui.overlay import Overlay
from app.ui.theme import Theme
from app.wording import Wording
from han.freshness import QUIET_AFTER_HAN_S, last_heard_han_s, out_of_date
from han.model import AmbientLevel, HomeModel

STALE_AFTER_S: Final = QUIET_AFTER_HAN_S
"""As on the Now screen: a level whose meter has not been heard for a minute of the meters' time
is shown as out of date (the level itself is reported only when it changes: ``han.freshness``)."""

translate = QCoreApplication.translate


@dataclass(frozen=True)
class AmbientScene:
    level: AmbientLevel | None
    stale: bool
    clock: str
    credit: str
    """"Credit £4.32" on a prepayment meter, else empty."""
    note: str
    """Why the level is missing or old, else empty."""


def ambient_scene(model: HomeModel, now: float, wording: Wording) -> AmbientScene:
    meter = model.electricity_import_meter()
    clock = wording.clock(model.han_now(now))  # the meters' time, like the device's own clock
    if meter is None or meter.ambient is None:
        note = wording.translate("Ambient", "Looking for your meter…")
        return AmbientScene(None, True, clock, "", note)
    stale = out_of_date(model, meter, now, STALE_AFTER_S, meter.ambient)
    note = ""
    heard = last_heard_han_s(model, meter)
    if stale and heard is not None:
        note = wording.translate("Ambient", "Out of date – last heard at %1").replace(
            "%1", wording.clock(heard)
        )
    credit = ""
    balance = meter.credit.balance_gbp
    if meter.credit.in_prepayment and balance is not None:
        credit = wording.translate("Ambient", "Credit %1").replace(
            "%1", wording.money(balance.value)
        )
    return AmbientScene(meter.ambient.value, stale, clock, credit, note)


class AmbientView(Overlay):
    def __init__(
        self,
        parent: QWidget,
        model: HomeModel,
        theme: Theme,
        now: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._now = now
        self.clock = QLabel("")
        self.indicator = AmbientIndicator(theme)
        self.caption = QLabel("")
        self.credit = QLabel("")
        self.note = QLabel("")
        self.hint = QLabel("")
        for label in (self.clock, self.caption, self.credit, self.note, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.clock.setProperty("role", "ambient-clock")
        self.credit.setProperty("role", "ambient-credit")
        self.caption.setProperty("role", "caption")
        self.note.setProperty("role", "caption")
        self.hint.setProperty("role", "caption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(4)
        layout.addWidget(self.clock)
        layout.addWidget(self.indicator, 3, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)
        layout.addWidget(self.credit)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        self.set_theme(theme)
        self.refresh()

    def set_theme(self, theme: Theme) -> None:
        self.set_shade(QColor(theme.background))
        self.indicator.set_theme(theme)
        self._theme = theme
        self._size_text()

    def refresh(self) -> None:
        scene = ambient_scene(self._model, self._now(), QT_WORDING)
        self.clock.setText(scene.clock)
        self.indicator.set_level(scene.level, stale=scene.stale)
        self.caption.setText(translate("Ambient", "Electricity use right now"))
        self.note.setText(scene.note)
        self.note.setVisible(bool(scene.note))
        self.credit.setText(scene.credit)
        self.credit.setVisible(bool(scene.credit))
        self.hint.setText(translate("Ambient", "Touch the screen to wake it"))
        self.setAccessibleName(translate("Ambient", "Resting display"))
        self.setAccessibleDescription(
            " ".join(part for part in (scene.clock, self.indicator.word, scene.credit) if part)
        )

    def _size_text(self) -> None:
        height = max(240, self.height())
        # Shape and word as one group in the middle, as large as the screen allows.
        indicator_px = round(height * 0.36)
        self.indicator.setFixedSize(
            min(max(120, self.width() - 64), indicator_px * 3), indicator_px
        )
        self.clock.setStyleSheet(f"font-size: {height // 6}px; font-weight: 700;")
        self.credit.setStyleSheet(f"font-size: {height // 11}px; font-weight: 700;")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
