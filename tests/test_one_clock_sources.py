"""The devices tell every time on the HAN's clock: no code of theirs reads the date or time of day
from the computer (its zone or its calendar), except where a comment says why, on purpose.

Timers and ages may use the computer's seconds (``time.time``, ``time.monotonic``): they are never
shown as a time of day. The trial tools (``app/trial``, ``app/trial_ui``) keep the researcher's
wall-clock time by design."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
DEVICE_CODE = ("ihd", "ppmid", "cad", "han", "app")
RESEARCHERS_TOOLS = ("app/trial", "app/trial_ui")
COMPUTERS_TIME_OF_DAY = re.compile(
    r"QDate\.currentDate|QDateTime\.currentDateTime|QTime\.currentTime|datetime\.now"
    r"|date\.today|datetime\.today|currentS?M?[Ss]ecsSinceEpoch|fromtimestamp\([^,()]*\)"
)
SAID_WHY = "on purpose"
SAID_WITHIN_LINES = 5


def _device_sources() -> list[Path]:
    paths = []
    for package in DEVICE_CODE:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if not relative.startswith(RESEARCHERS_TOOLS):
                paths.append(path)
    return paths


def test_no_device_takes_a_time_of_day_from_the_computer_without_saying_why() -> None:
    unexplained = []
    for path in _device_sources():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if COMPUTERS_TIME_OF_DAY.search(line.split("#")[0]):
                before = lines[max(0, number - SAID_WITHIN_LINES) : number + 1]
                if not any(SAID_WHY in earlier for earlier in before):
                    unexplained.append(f"{path.relative_to(ROOT)}:{number + 1}: {line.strip()}")
    assert unexplained == []


def test_the_check_finds_what_it_looks_for() -> None:
    for code in (
        "today = QDate.currentDate()",
        "now = datetime.now()",
        "datetime.fromtimestamp(at_s).isoformat()",
        "QDateTime.currentSecsSinceEpoch()",
    ):
        assert COMPUTERS_TIME_OF_DAY.search(code), code
    for code in ("datetime.fromtimestamp(epoch_s, GB_TIME)", "time.monotonic()"):
        assert not COMPUTERS_TIME_OF_DAY.search(code), code
