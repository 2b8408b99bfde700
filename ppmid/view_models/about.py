"""About this display: its software version and a firmware update the hub is sending – Qt-free.

The hub updates a PPMID over the air (ZigBee OTA Upgrade): while the image arrives the PPMID shows
"Updating… 42 %" on every page, and afterwards the new version here – or, if the update stopped,
why, and that the display still runs its old version.
"""

from __future__ import annotations

from app.wording import PLAIN_ENGLISH, Wording, fill
from han.domain.firmware_status import FirmwareStatus, UpdateFailure, UpdateState, version_text
from han.model import HomeModel


class AboutViewModel:
    def __init__(self, model: HomeModel, wording: Wording = PLAIN_ENGLISH) -> None:
        self._model = model
        self._wording = wording

    @property
    def status(self) -> FirmwareStatus:
        return self._model.firmware

    @property
    def updating(self) -> bool:
        return self.status.state is UpdateState.DOWNLOADING

    def version(self) -> str:
        return fill(
            self._wording.translate("AboutScreen", "Software version %1"),
            version_text(self.status.version),
        )

    def update(self) -> str:
        """What is happening to the display's software, in a sentence or two."""
        w, status = self._wording, self.status
        new = version_text(status.new_version) if status.new_version is not None else ""
        old = version_text(status.version)
        if status.state is UpdateState.DOWNLOADING:
            return fill(
                w.translate(
                    "AboutScreen",
                    "Updating to version %1… %2 %. You can keep using the display meanwhile.",
                ),
                new,
                str(status.percent),
            )
        if status.state is UpdateState.INSTALLED:
            return fill(w.translate("AboutScreen", "Updated to version %1."), new)
        if status.state is UpdateState.FAILED:
            if status.failure is UpdateFailure.ANOTHER_UPDATE:
                words = w.translate(
                    "AboutScreen",
                    "The update to version %1 was stopped: another device in your home started "
                    "updating at the same time. Your display still runs version %2; your "
                    "supplier will send the update again.",
                )
            elif status.failure is UpdateFailure.DAMAGED:
                words = w.translate(
                    "AboutScreen",
                    "The update to version %1 arrived damaged and was not installed. Your "
                    "display still runs version %2.",
                )
            else:
                words = w.translate(
                    "AboutScreen",
                    "The update to version %1 stopped: the communications hub stopped "
                    "answering. Your display still runs version %2.",
                )
            return fill(words, new, old)
        return w.translate("AboutScreen", "No update is under way.")

    def badge(self) -> str:
        """A few words for the header, on every page: an update under way, or one that failed."""
        w, status = self._wording, self.status
        if status.state is UpdateState.DOWNLOADING:
            return fill(w.translate("AboutScreen", "Updating… %1 %"), str(status.percent))
        if status.state is UpdateState.FAILED:
            return w.translate("AboutScreen", "Update stopped – see About")
        return ""
