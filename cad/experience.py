"""The Consumer Access Device, as the host discovers it (entry point ``smets.experiences: cad``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.host.context import ExperienceContext
from app.host.experiences import Experience
from app.wording import QT_TRANSLATE_NOOP


def _create_view(context: ExperienceContext) -> QWidget:
    from cad.shell import CadShell

    return CadShell(context)


EXPERIENCE = Experience(
    name="cad",
    title=QT_TRANSLATE_NOOP("Experience", "Consumer Access Device"),
    create_view=_create_view,
    pairs_itself=True,
    keeps_own_log=True,
)
