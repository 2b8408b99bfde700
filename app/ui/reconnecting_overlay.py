"""The calm "Reconnecting…" card shown while the display has lost its HAN source (every mode).

The screens behind stay visible but shaded, so a person sees that the figures are the old ones;
the card says when touch was lost and that nothing needs doing. Touches are taken by the card's
layer: nothing behind it is live.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.connection.han_connection import ConnectionState
from app.ui.i18n import QT_WORDING
from app.ui.overlay import Overlay
from app.ui.theme import Theme

translate = QCoreApplication.translate


class ReconnectingOverlay(Overlay):
    def __init__(self, parent: QWidget, theme: Theme, now: Callable[[], float]) -> None:
        super().__init__(parent)
        self._now = now
        self.lost_at: float | None = None
        """When the source was lost (``now``'s clock: the HAN's once ``set_clock`` has given it);
        None if it has never been reached."""
        self._seen_live = False
        self.card = QFrame(self)
        self.card.setProperty("role", "card")
        self.heading = QLabel("")
        self.heading.setProperty("role", "searching")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(12)
        inner.addWidget(self.heading)
        inner.addWidget(self.detail)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addStretch(1)
        outer.addWidget(self.card)
        outer.addStretch(1)
        self.set_theme(theme)
        self.retranslate()

    def set_clock(self, now: Callable[[], float]) -> None:
        """Tell times by ``now`` (the HAN's time, as the corner clock does)."""
        self._now = now

    def set_theme(self, theme: Theme) -> None:
        shade = QColor(theme.background)
        shade.setAlpha(200)  # the old figures show through, clearly not live
        self.set_shade(shade)

    def follow(self, state: ConnectionState) -> None:
        """The connection's listener: cover while reconnecting, uncover when live again."""
        if state is ConnectionState.RECONNECTING:
            self.lost_at = self._now() if self._seen_live else None
            self.retranslate()
            self.cover()
        else:
            self._seen_live = True
            self.lost_at = None
            self.hide()

    def retranslate(self) -> None:
        self.heading.setText(translate("Reconnecting", "Reconnecting…"))
        if self.lost_at is None:
            detail = translate(
                "Reconnecting",
                "The display cannot reach the meters. It keeps trying by itself.",
            )
        else:
            detail = translate(
                "Reconnecting",
                "The display lost touch with the meters at %1, so the figures behind are out "
                "of date. It keeps trying by itself – there is nothing you need to do.",
            ).replace("%1", QT_WORDING.clock(self.lost_at))
        self.detail.setText(detail)
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(detail)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
