"""The Qt runtime the app relies on behaves: guards against known-bad PySide6 builds."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


def test_killing_timers_does_not_leak_references_to_none(qapp: QApplication) -> None:
    """PySide6 6.12.0 drops a reference to None per killTimer; qasync kills one timer per asyncio
    callback, so a long-running display would abort (none_dealloc) on Python 3.11."""
    probe = QObject()
    for _ in range(10):  # first calls create bindings that legitimately hold references to None
        probe.killTimer(probe.startTimer(60_000))
    before = sys.getrefcount(None)
    for _ in range(1000):
        probe.killTimer(probe.startTimer(60_000))
    assert before - sys.getrefcount(None) < 10
