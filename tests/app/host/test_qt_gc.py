"""Cycles are collected on the Qt thread, by the timer, not by whichever thread allocates."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.host import qt_gc


class _Node:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_once_installed(qapp: QApplication) -> None:
    qt_gc.collect_on_qt_thread()
    assert not gc.isenabled()


def test_a_due_collection_frees_cycles(qapp: QApplication) -> None:
    qt_gc.collect_on_qt_thread()
    gc.collect()
    victim = _Node()
    gone = weakref.ref(victim)
    del victim
    for _ in range(gc.get_threshold()[0] + 1):
        _Node()  # each is an unreachable cycle that only a collection frees
    assert gone() is not None  # nothing collected it behind our back
    qt_gc.collect_due()
    assert gone() is None


def test_the_timer_collects_without_being_asked(qtbot: QtBot) -> None:
    qt_gc.collect_on_qt_thread()
    gc.collect()
    victim = _Node()
    gone = weakref.ref(victim)
    del victim
    for _ in range(gc.get_threshold()[0] + 1):
        _Node()
    qtbot.waitUntil(lambda: gone() is None, timeout=3000)
