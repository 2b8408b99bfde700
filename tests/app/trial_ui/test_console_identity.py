"""The trial console serves its home as ``serve`` does: every display proves the link key of the
install code the hub recorded for it, so a participant display with the code the console shows
attaches and one without it is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import zigpy.exceptions

from app.trial.study import load_study
from app.trial_ui.console_host import REMOTE_DISPLAYS, OperatorConsole
from han.formats.install_codes import printed_install_code
from home_emulator.api.home import VirtualRadio


async def test_a_participant_display_proves_the_code_the_console_shows(tmp_path: Path) -> None:
    console = OperatorConsole(
        load_study("prepay-basics"), tmp_path / "t.sqlite", history_days=1, embed=False
    )
    host, port = await console.server.start("127.0.0.1", 0)
    url = f"tcp://{host}:{port}"
    ieee = REMOTE_DISPLAYS[0]
    try:
        code = console.install_codes[ieee]
        assert code != printed_install_code(ieee)  # random, not the label's
        # The label's code (what a display proves with no --install-code) is not enough.
        with pytest.raises(zigpy.exceptions.ControllerException, match="could not prove"):
            await VirtualRadio.new(VirtualRadio.config_for(url, ieee=ieee))
        radio = await VirtualRadio.new(VirtualRadio.config_for(url, ieee=ieee, install_code=code))
        try:
            assert sorted(console.server.displays) == [ieee]
        finally:
            await radio.shutdown()
    finally:
        await console.server.close()
        console.home.close()
        console.store.close()
