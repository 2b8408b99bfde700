"""Render every screen into docs/screenshots/ (offscreen), for the README and for review.

    python3 scripts/dev.py screenshots

Live screens come from the real app on the emulated home; the searching and out-of-date states are
the same view given a model in that state, since waiting for them would take minutes.
"""

from __future__ import annotations

import asyncio
import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: I001 - PySide6 before qasync

import qasync

from app import qt_messages
from app.context import ExperienceContext
from app.host import RunningApp
from app.options import Options
from app.ui.theme import STANDARD, base_font_px, stylesheet
from han.model import AmbientLevel, HomeModel, Measured, MeterKey
from ihd.home_screen import HomeScreenView

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
NOW = 1_780_000_000.0


async def live(size: tuple[int, int], name: str) -> None:
    app = RunningApp(Options(speed=60, seed=3, size=size))
    window = await app.start()
    view = window.view
    assert isinstance(view, HomeScreenView)
    async with asyncio.timeout(30):
        while not view.cost_per_hour.value.text().startswith("£"):  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)
    _save(view, name)
    await app.stop()


async def still(model: HomeModel, now: float, size: tuple[int, int], name: str) -> None:
    view = HomeScreenView(ExperienceContext(model, now=lambda: now))
    view.setStyleSheet(stylesheet(STANDARD, base_font_px(size[1])))
    view.resize(*size)
    view.show()
    view.refresh()
    await asyncio.sleep(0.1)  # let Qt lay out and paint on the running loop
    _save(view, name)
    view.close()


def _save(widget: QWidget, name: str) -> None:
    path = OUT / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(OUT.parent.parent)}")


def _measured_home(at: float) -> HomeModel:
    model = HomeModel()
    meter = model.meter(MeterKey("0d:6f:00:00:00:00:00:01", 1))
    meter.demand_kw = Measured(Decimal("2.874"), at)
    meter.today_import_kwh = Measured(Decimal("9.41"), at)
    meter.ambient = Measured(AmbientLevel.MEDIUM, at)
    meter.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.2450"), at)
    meter.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.6012"), at)
    model.mark_connected()
    return model


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    await live((800, 480), "ihd-home-800x480.png")
    await live((1280, 720), "ihd-home-1280x720.png")
    await still(HomeModel(), NOW, (800, 480), "ihd-searching-800x480.png")
    await still(_measured_home(NOW - 300), NOW, (800, 480), "ihd-out-of-date-800x480.png")


if __name__ == "__main__":
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    qasync.run(main())
