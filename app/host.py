"""Runs the app: Qt and asyncio on one loop (qasync), the HAN source, the session, the window.

Every task started here is owned and cancelled on the way out, so closing the window leaves no
traceback and no stray task.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time

import qasync
from PySide6.QtWidgets import QApplication

from app import experiences, qt_messages
from app.context import ExperienceContext
from app.options import Options
from app.sources import open_source
from app.window import HostWindow
from han.model import HomeModel
from han.session import HanSession

LOGGER = logging.getLogger(__name__)

FIRST_READING_WAIT_S = 30.0


def run(options: Options) -> int:
    logging.basicConfig(
        level=logging.INFO if options.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if options.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName("SMETS consumer suite")
    return int(qasync.run(run_app(options)))


async def run_app(options: Options) -> int:
    experience = experiences.load(options.mode)
    model = HomeModel()
    source = open_source(options.source, speed=options.speed, seed=options.seed)
    radio = await source.open()
    session = HanSession(radio, model)
    session.start()
    source.start()

    window = HostWindow(
        experience.title, experience.create_view(ExperienceContext(model)), options.size
    )
    window.show()
    try:
        await _until_done(window, model, options)
        if options.screenshot is not None:
            window.view.grab().save(str(options.screenshot))
            print(f"screenshot saved to {options.screenshot}")
    finally:
        await session.stop()
        await source.close()
        window.close()
    return 0


async def _until_done(window: HostWindow, model: HomeModel, options: Options) -> None:
    """Until the window closes, --quit-after passes, or (screenshots) the first reading shows."""
    waits: list[asyncio.Future[object]] = [asyncio.ensure_future(window.closed.wait())]
    if options.quit_after_s is not None:
        waits.append(asyncio.ensure_future(asyncio.sleep(options.quit_after_s)))
    elif options.screenshot is not None:
        waits.append(asyncio.ensure_future(_first_reading_on_screen(model)))
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
        await asyncio.gather(*waits, return_exceptions=True)


async def _first_reading_on_screen(model: HomeModel) -> None:
    deadline = time.monotonic() + FIRST_READING_WAIT_S
    shown = asyncio.Event()

    def check(_change: object = None) -> None:
        meter = model.electricity_import_meter()
        if meter is not None and meter.demand_kw and meter.tariff.unit_price_gbp_per_kwh:
            shown.set()

    unsubscribe = model.subscribe(check)
    try:
        check()
        await asyncio.wait_for(shown.wait(), max(0.0, deadline - time.monotonic()))
        await asyncio.sleep(0.05)  # one more pass of the loop so the repaint lands
    except TimeoutError:
        LOGGER.warning(
            "no meter reading within %.0f s; saving what is on screen", FIRST_READING_WAIT_S
        )
    finally:
        unsubscribe()
