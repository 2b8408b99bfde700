"""Bad input is logged, but a flood of it costs kilobytes: a few lines per window, then a count."""

from __future__ import annotations

import logging

import pytest

from han.quiet_log import QuietLog


def test_a_flood_logs_a_few_lines_and_counts_the_rest(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    quiet = QuietLog(logging.getLogger("flood"), burst=3, window_s=60, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING):
        for number in range(1000):
            quiet.warning("bad frame %d", number)
        now[0] = 61
        quiet.warning("bad frame %d", 1000)
    lines = [record.getMessage() for record in caplog.records]
    assert lines[:3] == ["bad frame 0", "bad frame 1", "bad frame 2"]
    assert lines[3] == "bad frame 1000 (and 997 more like it not logged)"
    assert len(lines) == 4
    assert quiet.suppressed_total == 997
