"""The words a chart paints rather than shows in a widget: its axes' titles and the labels along
them (days, months, hours), and any caption in its scene (pyqtgraph draws them all itself, so a
look at the window's labels and buttons does not see them)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsTextItem

AXES = ("left", "bottom", "right", "top")


def painted_texts(chart: pg.GraphicsView, key: str) -> dict[str, str]:
    """Each text ``chart`` paints, keyed by ``key`` and where it is painted (the same key before
    and after a language switch)."""
    texts: dict[str, str] = {}
    scene = chart.scene()
    if scene is None:
        return texts
    captions = [
        item for item in scene.items() if isinstance(item, QGraphicsTextItem) and item.isVisible()
    ]
    for index, caption in enumerate(captions):
        text = caption.toPlainText().strip()
        if text:
            texts[f"{key}/caption{index}"] = text
    axes = [item for item in scene.items() if isinstance(item, pg.AxisItem) and item.isVisible()]
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)  # only for the font's measures: the axis lays out its labels
    try:
        for axis in axes:
            specs = axis.generateDrawSpecs(painter)
            if specs is None:
                continue
            for index, (_, _, text) in enumerate(specs[2]):
                if text.strip():
                    texts[f"{key}/{axis.orientation}#{index}"] = text.strip()
    finally:
        painter.end()
    return texts
