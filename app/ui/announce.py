"""Tell a screen reader something that changed where the person is not looking.

A new message, low credit or a top-up's answer appears in a label the person may not have focus on;
Qt (6.8 and later) passes an announcement to the platform's accessibility bus (AT-SPI on Linux,
which Orca speaks at once). Assertive announcements interrupt what is being read (alarms); polite
ones wait their turn.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Say ``text`` through the screen reader, from ``widget`` (which must be on screen)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
