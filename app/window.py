"""The host window: one experience's view, the theme, and a clean shutdown when closed."""

from __future__ import annotations

import asyncio

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from app.ui.theme import STANDARD, base_font_px, stylesheet


class HostWindow(QMainWindow):
    def __init__(self, title: str, view: QWidget, size: tuple[int, int]) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self.view = view
        self.setCentralWidget(view)
        self.resize(*size)
        self.setStyleSheet(stylesheet(STANDARD, base_font_px(size[1])))
        self.closed = asyncio.Event()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.set()
        super().closeEvent(event)
