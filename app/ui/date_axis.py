"""A time axis whose labels are in the display's language ("Llun 07", "Ion"), where pyqtgraph's own
writes them with the C library's English names ("Mon 07", "Jan").

It chooses its ticks as pyqtgraph's does (hours, days or months, by how much time is in view) and
only words them, through the default ``QLocale`` that ``app.ui.i18n.use_language`` sets. A chart
redraws it when the language changes (``relabel``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import adjustTimestampToPreferredUtcOffset
from PySide6.QtCore import QDateTime, QLocale, QTimeZone

_QT_PATTERN = {
    "%Y": "yyyy",
    "%b": "MMM",
    "%d": "dd",
    "%a": "ddd",
    "%H": "HH",
    "%M": "mm",
    "%S": "ss",
    "%f": "zzz",
}
"""pyqtgraph's label formats (strftime) in QLocale's pattern letters; %f is already milliseconds."""


def qt_pattern(strftime_format: str) -> str:
    pattern = strftime_format
    for directive, letters in _QT_PATTERN.items():
        pattern = pattern.replace(directive, letters)
    return pattern


class WordedDateAxis(pg.DateAxisItem):
    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None:
            return list(super().tickStrings(values, scale, spacing))
        pattern = qt_pattern(spec.format)
        locale = QLocale()
        words = []
        for value in values:
            # The wall-clock time pyqtgraph would label (its choice of time zone), as UTC fields.
            wall_s = adjustTimestampToPreferredUtcOffset(value, self.utcOffset)
            moment = QDateTime.fromMSecsSinceEpoch(round(wall_s * 1000), QTimeZone.utc())
            text = locale.toString(moment, pattern)
            words.append(text.lstrip("0") if spec.format == "%Y" else text)
        return words

    def relabel(self) -> None:
        """Draw the labels again (in the language now in use)."""
        self.setStyle()
