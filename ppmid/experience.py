"""The Prepayment Meter Interface Device, as the host discovers it (entry point
``smets.experiences: ppmid``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.host.context import ExperienceContext
from app.host.experiences import Experience
from app.wording import QT_TRANSLATE_NOOP
from han.domain.firmware_status import PPMID_IMAGE_TYPE


def _create_view(context: ExperienceContext) -> QWidget:
    from ppmid.shell import PpmidShell

    return PpmidShell(context)


EXPERIENCE = Experience(
    name="ppmid",
    title=QT_TRANSLATE_NOOP("Experience", "Prepayment Meter Interface Device"),
    create_view=_create_view,
    firmware_image_type=PPMID_IMAGE_TYPE,
)
