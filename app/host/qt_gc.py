"""Python's cycle collector runs on the Qt thread only.

Left automatic, a collection can start on whichever thread happens to allocate – the history
store's worker, the emulator's executor – and destroy Qt objects caught in a cycle there, which Qt
answers with "Timers cannot be stopped from another thread" or a crash. So automatic collection is
turned off and a timer on the Qt thread collects instead, generation by generation with Python's
own thresholds. (pyqtgraph has the same idea, but importing it would load all of its charting
before the first reading.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

COLLECT_EVERY_MS = 500

_timer: QTimer | None = None


def collect_on_qt_thread() -> None:
    """Call once, on the Qt thread, after the QApplication exists."""
    global _timer
    if _timer is not None:
        return
    gc.disable()
    _timer = QTimer()
    _timer.setInterval(COLLECT_EVERY_MS)
    _timer.timeout.connect(collect_due)
    _timer.start()


def collect_due() -> None:
    """Collect what Python's automatic collector would have collected by now, if anything."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):  # the oldest generation due; collecting it collects the younger
        if all(counts[g] > thresholds[g] for g in range(generation + 1)):
            gc.collect(generation)
            return
