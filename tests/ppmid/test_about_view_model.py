"""The About page's words for each state of the display's firmware, Qt-free: an update the hub
stopped because another started on the HAN (a SMETS1 HAN, S1SR 18.63–18.65) reads as stopped – not
as still running, and not as damaged or as a hub that went quiet."""

from __future__ import annotations

from han.domain.firmware_status import FIRST_VERSION, FirmwareStatus, UpdateFailure, UpdateState
from han.model import HomeModel
from ppmid.view_models.about import AboutViewModel

NEW_VERSION = 0x01010000


def _about(status: FirmwareStatus) -> AboutViewModel:
    model = HomeModel()
    model.firmware = status
    return AboutViewModel(model)


def test_an_update_stopped_by_another_on_the_han_reads_as_stopped() -> None:
    about = _about(
        FirmwareStatus(
            FIRST_VERSION, UpdateState.FAILED, 0.3, NEW_VERSION, UpdateFailure.ANOTHER_UPDATE
        )
    )
    assert not about.updating
    assert about.badge() == "Update stopped – see About"
    assert about.update() == (
        "The update to version 1.1.0 was stopped: another device in your home started updating "
        "at the same time. Your display still runs version 1.0.0; your supplier will send the "
        "update again."
    )
    assert about.version() == "Software version 1.0.0"


def test_each_way_an_update_ends_has_its_own_words() -> None:
    words = {
        failure: _about(
            FirmwareStatus(FIRST_VERSION, UpdateState.FAILED, 0.3, NEW_VERSION, failure)
        ).update()
        for failure in UpdateFailure
    }
    assert len(set(words.values())) == len(UpdateFailure)
    assert "stopped: another device" in words[UpdateFailure.ANOTHER_UPDATE]
    running = _about(FirmwareStatus(FIRST_VERSION, UpdateState.DOWNLOADING, 0.3, NEW_VERSION))
    assert running.updating
    assert running.badge() == "Updating… 30 %"
