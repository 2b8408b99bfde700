"""Labels the way every screen uses them: word-wrapped, styled by role, dimmed when out of date."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def role_label(role: str = "") -> QLabel:
    """An empty word-wrapped label whose look comes from the theme's ``role`` (caption, value, …)."""
    label = QLabel("")
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def mark_stale(label: QLabel, stale: bool) -> None:
    """Dim a label whose value is out of date (the theme styles ``stale="true"``)."""
    label.setProperty("stale", "true" if stale else "false")
    label.style().unpolish(label)
    label.style().polish(label)
