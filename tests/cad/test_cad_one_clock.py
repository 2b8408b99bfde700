"""The CAD tells times on the HAN's clock: when demand was read, and the days an export offers."""

from __future__ import annotations

import time
from decimal import Decimal

from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from cad.screens.paired import ExportView, LiveView, LoggerRef
from han.domain.units import MeteringUnit
from han.model import HanClock, HomeModel, Measured, MeterKey

HAN_NOW_S = 1_768_294_800.0  # Tue 13 Jan 2026, 09:00 GMT: not the computer's day


def _context() -> ExperienceContext:
    model = HomeModel()
    now = time.time()
    model.han_clock = HanClock(HAN_NOW_S, now)
    meter = model.meter(MeterKey("0d:6f:00:00:00:00:00:01", 1))
    meter.unit = MeteringUnit.KWH
    meter.demand_kw = Measured(Decimal("0.5"), now)
    return ExperienceContext(model)


def test_demand_is_read_at_the_meters_time(qtbot: QtBot) -> None:
    view = LiveView(_context())
    qtbot.addWidget(view)
    view.refresh()
    assert view.demand.note.text().startswith("at 09:00:")


def test_an_export_offers_the_last_week_of_the_hans_days(qtbot: QtBot) -> None:
    view = ExportView(LoggerRef(_context()))
    qtbot.addWidget(view)
    view.show()
    assert view.last.date().toString("yyyy-MM-dd") == "2026-01-13"
    assert view.first.date().toString("yyyy-MM-dd") == "2026-01-06"
