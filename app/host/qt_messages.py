"""Route Qt's own messages into Python logging, minus the offscreen platform's known chatter."""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LOGGER = logging.getLogger("qt")

HARMLESS: Final = (
    # The offscreen platform (screenshots, CI) cannot resize windows to hints; nothing is wrong.
    "This plugin does not support propagateSizeHints()",
)

_LEVELS: Final = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if any(message.startswith(harmless) for harmless in HARMLESS):
        return
    LOGGER.log(_LEVELS.get(kind, logging.WARNING), "%s", message)


def install() -> None:
    qInstallMessageHandler(_handle)
