"""The Consumer Access Device, as the host discovers it (entry point ``smets.experiences: cad``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.host.context import ExperienceContext, HeadlessOrders, HeadlessService
from app.host.experiences import Experience
from app.wording import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the headless CAD loads this entry point on a server with no display
    from PySide6.QtWidgets import QWidget


def _create_view(context: ExperienceContext) -> QWidget:
    from cad.shell import CadShell

    return CadShell(context)


def _create_service(context: ExperienceContext, orders: HeadlessOrders) -> HeadlessService:
    from cad.headless import HeadlessCad  # Qt-free: a server without a display runs it

    return HeadlessCad(context, orders)


EXPERIENCE = Experience(
    name="cad",
    title=QT_TRANSLATE_NOOP("Experience", "Consumer Access Device"),
    create_view=_create_view,
    pairs_itself=True,
    keeps_own_log=True,
    create_service=_create_service,
)
