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

import argparse
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


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Render every screen of every device into docs/screenshots/ (offscreen)."
    )
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--ppmid", action="store_true", help="the PPMID only")
    only.add_argument("--cad", action="store_true", help="the CAD only")
    only.add_argument("--kiosk", action="store_true", help="kiosk mode only")
    only.add_argument("--network", action="store_true", help="the IHD's Your network only")
    only.add_argument(
        "--long-message", action="store_true", help="the longest message, large text, Welsh"
    )
    only.add_argument(
        "--worked-example",
        action="store_true",
        help="the trial worked example only (into docs/worked-example/)",
    )
    return parser.parse_args()


if __name__ == "__main__":
    args = _parse_args()
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    if args.cad:
        qasync.run(cad_screens())
    elif args.kiosk:
        qasync.run(kiosk_screens())
    elif args.network:
        qasync.run(network_screens())
    elif args.worked_example:
        qasync.run(worked_example())
    elif args.long_message:
        qasync.run(long_message())
    elif args.ppmid:
        qasync.run(ppmid_screens())
    else:
        qasync.run(main())
