"""A trial report's page as a reader sees it – tables, headings and its plots in place – drawn to
a PNG by Qt's own rich-text document, for the README (the worked example, the trial screenshots)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument

WIDTH = 1200
PLOTS = ("success-rate.png", "time-on-task.png")
"""The report's inline plots, in the order the page shows them, as the report folder holds them."""


def render_report(folder: Path, into: Path) -> None:
    """``folder``'s report.html, its inline plots replaced by the folder's PNGs, into ``into``."""
    page = (folder / "report.html").read_text()
    plots = iter(PLOTS)
    page = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", lambda _m: next(plots), page)
    document = QTextDocument()
    for picture in folder.glob("*.png"):
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(picture.name), QImage(str(picture))
        )
    document.setDefaultStyleSheet("th { background: #e8eef4; } td, th { padding: 4px; }")
    document.setHtml(page)
    document.setTextWidth(WIDTH)
    size = document.size().toSize()
    image = QImage(QSize(WIDTH, size.height()), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    image.save(str(into))
