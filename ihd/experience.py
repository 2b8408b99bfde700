"""The In-Home Display, as the host discovers it (entry point ``smets.experiences: ihd``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.context import ExperienceContext
from app.experiences import Experience


def _create_view(context: ExperienceContext) -> QWidget:
    from ihd.home_screen import HomeScreenView

    return HomeScreenView(context)


EXPERIENCE = Experience(name="ihd", title="In-Home Display", create_view=_create_view)
