"""A trial console that stops takes its windows with it – its own and each display's – so nothing
hidden stays alive behind it (a window closed but never deleted keeps its whole display)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from app.host.window import HostWindow
from app.trial.study import load_study
from app.trial_ui.console_host import OperatorConsole
from app.trial_ui.console_window import ConsoleWindow


def _windows() -> list[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return [
        type(widget).__name__
        for widget in app.topLevelWidgets()
        if isinstance(widget, ConsoleWindow | HostWindow)
    ]


async def test_a_stopped_console_leaves_no_window_behind(tmp_path: Path) -> None:
    before = _windows()
    console = OperatorConsole(
        load_study("prepay-basics"), tmp_path / "t.sqlite", history_days=1, listen=("127.0.0.1", 0)
    )
    await console.start()
    assert len(_windows()) > len(before), "the console and its display opened windows"
    await console.stop()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert _windows() == before
