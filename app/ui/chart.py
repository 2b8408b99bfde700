"""A bar chart for energy and money over time (pyqtgraph): the IHD's history, the CAD later.

Bars are kept in numpy arrays and drawn as one filled outline curve (one ``PlotDataItem``), which
pyqtgraph clips to the view and down-samples – so 70,000 half hours redraw as fast as 48. Time runs
along the bottom in POSIX seconds (``WordedDateAxis``: local time, in the display's language). Zoom
with the wheel or a pinch, pan by dragging (time only: the value axis follows what is in view). A
tap or click chooses the bar under it, Left/Right choose the one beside it; ``bar_chosen`` says
which, so a label beside the chart can say its value in words (the chart itself is not readable by
a screen reader). With keyboard focus the chart is framed in the theme's focus colour, as every
button is.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.ui.date_axis import WordedDateAxis
from app.ui.theme import STANDARD, Theme

pg.setConfigOptions(antialias=False, useOpenGL=False)

FOCUS_RING_PX = 3
"""As thick as the buttons' focus border (``app/ui/theme.py``)."""

FloatArray = NDArray[np.float64]


def outline(edges: FloatArray, values: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Bars as one line along their outlines (up, across, down for each), filled down to 0: a
    plain x-sorted curve, which pyqtgraph clips to the view and down-samples. Each bar keeps a
    little gap on either side so neighbours read as separate bars."""
    count = len(values)
    left, right = edges[:-1], edges[1:]
    gap = (right - left) * 0.08
    x = np.empty(4 * count)
    y = np.zeros(4 * count)
    x[0::4] = x[1::4] = left + gap
    x[2::4] = x[3::4] = right - gap
    shown = np.nan_to_num(values, nan=0.0)
    y[1::4] = y[2::4] = shown
    return x, y


class BarChart(QWidget):
    bar_chosen = Signal(int)
    """The index of the bar a person tapped or moved to (-1: none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.theme = STANDARD
        self._edges: FloatArray = np.zeros(1)
        self._values: FloatArray = np.zeros(0)
        self.chosen = -1

        self.time_axis = WordedDateAxis(orientation="bottom")
        self.plot = pg.PlotWidget(axisItems={"bottom": self.time_axis})
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chart itself takes the keys
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        item.getAxis("left").enableAutoSIPrefix(False)  # "kWh", never "kWh (x0.001)"
        # The first bar's label ("00:00") is centred under it, so half of it reaches past the
        # axis's start, under the value axis: let it, rather than leave the first bar unnamed.
        item.getAxis("bottom").setStyle(hideOverlappingLabels=32)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        view = item.getViewBox()
        view.setMouseEnabled(x=True, y=False)
        view.disableAutoRange()
        self.bars = pg.PlotDataItem(fillLevel=0, skipFiniteCheck=True)
        self.highlight = pg.PlotDataItem(fillLevel=0, skipFiniteCheck=True)
        self.plot.addItem(self.bars)
        self.plot.addItem(self.highlight)
        self.plot.scene().sigMouseClicked.connect(self._clicked)

        self.plot.setMinimumSize(1, 1)
        self.plot.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        ring = FOCUS_RING_PX  # room for the focus ring round the plot, kept when unfocused
        layout.setContentsMargins(ring, ring, ring, ring)
        layout.addWidget(self.plot)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.apply_theme(STANDARD)

    def sizeHint(self) -> QSize:
        return QSize(400, max(self.minimumHeight(), 120))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, max(self.minimumHeight(), 60))

    # Data ------------------------------------------------------------------------------------

    def set_bars(
        self,
        edges: FloatArray,
        values: FloatArray,
        ticks: Sequence[tuple[float, str]] | None = None,
    ) -> None:
        """``len(edges) == len(values) + 1``: bar i spans edges[i] … edges[i + 1]. NaN: no record
        (drawn as nothing). ``ticks``: the labels under the bars (position, words); None leaves
        the time axis to label itself."""
        if len(edges) != len(values) + 1:
            raise ValueError("a bar chart needs one more edge than values")
        self._edges = np.asarray(edges, dtype=np.float64)
        self._values = np.asarray(values, dtype=np.float64)
        self.bars.setData(*outline(self._edges, self._values))
        self.set_ticks(ticks)
        self.chosen = -1
        self.highlight.setData([], [])
        if len(self._values):
            view = self.plot.getPlotItem().getViewBox()
            view.setLimits(xMin=self._edges[0], xMax=self._edges[-1])
            view.setXRange(self._edges[0], self._edges[-1], padding=0)
            top = float(np.nanmax(self._values)) if np.isfinite(self._values).any() else 0.0
            view.setYRange(0, max(top, 1e-6) * 1.05, padding=0)

    def set_ticks(self, ticks: Sequence[tuple[float, str]] | None) -> None:
        """The labels under the bars (again when the language changes); None: the axis's own."""
        self.plot.getPlotItem().getAxis("bottom").setTicks(None if ticks is None else [list(ticks)])

    def set_unit(self, unit: str) -> None:
        """The value axis's unit ("kWh", "£", "p/kWh")."""
        self.plot.getPlotItem().getAxis("left").setLabel(unit)

    def clear_bars(self) -> None:
        self.set_bars(np.zeros(1), np.zeros(0))

    @property
    def bar_count(self) -> int:
        return len(self._values)

    def value(self, index: int) -> float:
        return float(self._values[index])

    def bar_at(self, x: float) -> int:
        """The bar at time ``x`` (-1 outside every bar)."""
        if not len(self._values) or not self._edges[0] <= x < self._edges[-1]:
            return -1
        return int(np.searchsorted(self._edges, x, side="right")) - 1

    def choose(self, index: int) -> None:
        if not 0 <= index < len(self._values):
            index = -1
        self.chosen = index
        if index < 0:
            self.highlight.setData([], [])
        else:
            self.highlight.setData(
                *outline(self._edges[index : index + 2], self._values[index : index + 1])
            )
        self.bar_chosen.emit(index)

    # Theme and input -------------------------------------------------------------------------

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.plot.setBackground(QColor(theme.surface))
        fill = QColor(theme.accent)
        fill.setAlpha(200)
        outline = pg.mkPen(theme.surface, width=1)
        self.bars.setPen(outline)
        self.bars.setBrush(pg.mkBrush(fill))
        self.highlight.setPen(pg.mkPen(theme.text, width=2))
        self.highlight.setBrush(pg.mkBrush(theme.focus))
        item = self.plot.getPlotItem()
        for side in ("bottom", "left"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(theme.text_muted))
            axis.setTextPen(pg.mkPen(theme.text))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.time_axis.relabel()  # the axis's own labels, when the chart has no words for them
        super().changeEvent(event)

    def _clicked(self, event: object) -> None:
        scene_pos = getattr(event, "scenePos", None)
        if scene_pos is None:
            return
        self.choose_at_scene(scene_pos())

    def choose_at_scene(self, scene_pos: QPointF) -> None:
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        self.choose(self.bar_at(view.mapSceneToView(scene_pos).x()))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.hasFocus():
            QPainter(self).fillRect(self.rect(), QColor(self.theme.focus))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: +1}.get(Qt.Key(event.key()))
        if step is not None and len(self._values):
            start = len(self._values) if self.chosen < 0 and step < 0 else self.chosen
            self.choose(min(max(start + step, 0), len(self._values) - 1))
            return
        super().keyPressEvent(event)
