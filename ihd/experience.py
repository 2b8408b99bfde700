"""The In-Home Display, as the host discovers it (entry point ``smets.experiences: ihd``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.host.context import ExperienceContext
from app.host.experiences import Experience
from app.wording import QT_TRANSLATE_NOOP


def _create_view(context: ExperienceContext) -> QWidget:
    from ihd.shell import IhdShell

    return IhdShell(context)


EXPERIENCE = Experience(
    name="ihd",
    title=QT_TRANSLATE_NOOP("Experience", "In-Home Display"),
    create_view=_create_view,
)
