"""Render every screen of every device into docs/screenshots/ (offscreen), for the README and for
review.

    python3 scripts/dev.py screenshots          everything (a few minutes)
    python scripts/screenshots.py --ppmid|--cad|--kiosk|--network|--long-message|--worked-example

Each device's shots are in their own module beside this one (``shots_ihd``, ``shots_ppmid``,
``shots_cad``, ``shots_kiosk``; ``shots_common`` names and saves them). IHD names are
``ihd-<screen>-<language>-<theme>-<width>x<height>.png``; live screens come from the real app on the
emulated home. The trial console and report have their own script (``trial_screenshots.py``); the
worked example of a trial (``worked_example.py``, into docs/worked-example/) is made here too, or
alone with --worked-example.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync

import qasync

from app.host import qt_messages
from han.model import HomeModel
from shots_cad import cad_screens
from shots_common import NOW, OUT
from shots_ihd import ihd_more_screens, live, long_message, network_screens, still, measured_home
from shots_kiosk import kiosk_screens
from shots_ppmid import ppmid_screens
from worked_example import main as worked_example


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    await live()
    await long_message()
    await ihd_more_screens()
    for language in ("en", "cy"):
        await still(HomeModel(), "searching", language)
        await still(measured_home(NOW - 300), "out-of-date", language)
    await ppmid_screens()
    await cad_screens()
    await network_screens()
    await kiosk_screens()
    await worked_example()


if __name__ == "__main__":
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    if "--cad" in sys.argv:  # the CAD only
        qasync.run(cad_screens())
    elif "--kiosk" in sys.argv:  # kiosk mode only
        qasync.run(kiosk_screens())
    elif "--network" in sys.argv:  # Your network only
        qasync.run(network_screens())
    elif "--worked-example" in sys.argv:  # the trial worked example only
        qasync.run(worked_example())
    elif "--long-message" in sys.argv:  # the longest message, large Welsh
        qasync.run(long_message())
    else:
        qasync.run(ppmid_screens() if "--ppmid" in sys.argv else main())  # --ppmid: the PPMID only
