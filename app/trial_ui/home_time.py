"""The emulated home's time in the console's language: day and month names from the locale in use
(Welsh on a Welsh console), not the C library's English ones."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def home_time(epoch_s: float, zone: dt.tzinfo, pattern: str) -> str:
    """``epoch_s`` on the home's wall clock in ``zone``, in Qt's date ``pattern``."""
    when = dt.datetime.fromtimestamp(epoch_s, zone)
    moment = QDateTime(
        QDate(when.year, when.month, when.day), QTime(when.hour, when.minute, when.second)
    )
    return QLocale().toString(moment, pattern)
