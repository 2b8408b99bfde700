"""The loop the app runs on – asyncio driven by Qt (qasync) – set up headless for benchmarks."""

from __future__ import annotations

import os
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def headless_qt() -> None:
    """Choose offscreen PySide6; must run before anything imports PySide6 or pyqtgraph."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def run_on_qt_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    headless_qt()
    import PySide6.QtWidgets  # before qasync, which binds to whichever Qt is already imported
    import qasync

    widgets = PySide6.QtWidgets
    from app.host import qt_messages

    qt_messages.install()
    application = widgets.QApplication.instance() or widgets.QApplication(["benchmarks"])
    assert isinstance(application, widgets.QApplication)
    application.setQuitOnLastWindowClosed(False)  # closing the IHD's window must not stop the loop
    loop = qasync.QEventLoop(application)
    try:
        result: T = loop.run_until_complete(coroutine)
        return result
    finally:
        loop.close()
