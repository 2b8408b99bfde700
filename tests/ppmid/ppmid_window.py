"""The PPMID in the host's window on an emulated home, for the end-to-end tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import QApplication

from app.connection.han_bridge import SessionCommands
from app.host.context import ExperienceContext, Silent
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from ppmid.shell import PpmidShell


@contextlib.contextmanager
def ppmid_on(han: Any) -> Iterator[PpmidShell]:
    """A PPMID window on ``han``'s session (also set as ``han.shell``), closed afterwards."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    application.setQuitOnLastWindowClosed(False)  # the test, not Qt, ends the loop
    display = DisplaySettings()
    context = ExperienceContext(
        han.model, commands=SessionCommands(han.session), settings=display, sound=Silent()
    )
    shell = PpmidShell(context)
    window = HostWindow("PPMID", shell, (800, 480), display)
    window.show()
    han.shell = shell
    try:
        yield shell
    finally:
        shell.close()  # as the app does: the shell stops its ticks and leaves the model
        window.close()
