"""The CAD's history chart says its total against as many days before, over the half hours both
have a record for: a day missing from the log is left out of both sides, never read as a fall."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from pytestqt.qtbot import QtBot

from app.history.store import DAY_S, HALF_HOUR_S, Channel, HalfHourRow
from app.ui import i18n
from cad.screens.paired import HistoryView

END = 1_780_000_200 // HALF_HOUR_S * HALF_HOUR_S
METER = "0d:6f:00:00:00:00:00:01/1"


class Log:
    """The CAD's log: the last 7 days at 90 Wh a half hour, the 7 before at 100 Wh but for one
    day the CAD did not hear."""

    def __init__(self) -> None:
        self.rows: list[HalfHourRow] = []
        start = END - 14 * DAY_S
        for at in range(start, END, HALF_HOUR_S):
            recent = at >= END - 7 * DAY_S
            if not recent and start + DAY_S <= at < start + 2 * DAY_S:
                continue  # a day with nothing in the log
            self.rows.append(HalfHourRow(METER, Channel.IMPORT, at, 90 if recent else 100))

    async def half_hours(
        self, meter: str, channel: str, start_s: int, end_s: int
    ) -> list[HalfHourRow]:
        return [row for row in self.rows if start_s <= row.start_s < end_s]


class Model:
    def han_now(self, now: float) -> float:
        return now


class Logger:
    model = Model()
    store = Log()


class Ref:
    logger = Logger()

    def now(self) -> float:
        return float(END + 60)

    def electricity_meter(self) -> str:
        return METER

    def schedule(self, job: Coroutine[Any, Any, None]) -> None:
        job.close()


def test_the_total_is_compared_with_the_days_before(qtbot: QtBot) -> None:
    view = HistoryView(Ref())  # type: ignore[arg-type]  # the parts of the logger it reads
    qtbot.addWidget(view)
    asyncio.run(view.reload())
    expected = "30.24 kWh in all, 10% less than the 7 days before"
    assert view.chosen.text() == expected
    assert view.chart.accessibleDescription() == expected


def test_in_welsh_too(qtbot: QtBot) -> None:
    i18n.use_language("cy")
    try:
        view = HistoryView(Ref())  # type: ignore[arg-type]
        qtbot.addWidget(view)
        asyncio.run(view.reload())
        assert view.chosen.text().endswith("10% yn llai na'r 7 diwrnod cynt")
    finally:
        i18n.use_language("en")
