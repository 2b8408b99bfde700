"""``serve --admit``: a display put in the hub's device log gets the install code the installer
gave, or a new random one printed once for the installer – never one anyone could work out from
the display's EUI-64 or label."""

from __future__ import annotations

import re

import zigpy.types as t
from zigpy.util import convert_install_code

from han.formats.install_codes import parse_install_code, printed_install_code
from home_emulator.commands.serve import admit, parse_admitted
from home_emulator.home import EmulatedHome, HomeSpec

SECOND = "00:0d:6f:ff:fe:00:00:02"
THIRD = "00:0d:6f:ff:fe:00:00:03"


def _home() -> EmulatedHome:
    return EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=0, gas=False))


def test_without_a_code_a_random_one_is_recorded_and_printed_once() -> None:
    first, second = _home(), _home()
    try:
        notes = admit(first, parse_admitted([SECOND]))
        [line] = notes
        found = re.fullmatch(rf"admitted {SECOND}: install code ((?:[0-9A-F]{{4}} ?)+)", line)
        assert found is not None, line
        printed, _key = parse_install_code(found.group(1))
        recorded = first.hub.device_log.entries[t.EUI64.convert(SECOND)].install_code
        assert printed == recorded  # what the installer reads is what the hub holds
        convert_install_code(recorded)  # 16 bytes and a CRC that checks
        assert len(recorded) == 18
        assert recorded != printed_install_code(SECOND)  # not the label's, not derivable
        # Another home admitting the same display makes another code.
        admit(second, parse_admitted([SECOND]))
        assert second.hub.device_log.entries[t.EUI64.convert(SECOND)].install_code != recorded
        # Admitted again (a resumed home), it keeps its code and nothing new is printed.
        [again] = admit(first, parse_admitted([SECOND]))
        assert "already in the hub's device log" in again
        assert first.hub.device_log.entries[t.EUI64.convert(SECOND)].install_code == recorded
    finally:
        first.close()
        second.close()


def test_a_code_given_is_the_code_recorded_and_not_printed() -> None:
    home = _home()
    try:
        code = printed_install_code(THIRD)  # the one on this display's label, typed in
        assert admit(home, parse_admitted([f"{THIRD}={code.hex()}"])) == []
        assert home.hub.device_log.entries[t.EUI64.convert(THIRD)].install_code == code
    finally:
        home.close()
