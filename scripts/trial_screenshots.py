"""Screenshots of the usability-trial console and of a report, into docs/screenshots/ (offscreen).

    .venv/bin/python scripts/trial_screenshots.py

Runs the example study (resources/studies/prepay-basics.toml) with four scripted participants on
the console's own displays – codes typed on the PPMID's keypad, buttons pressed on the IHD, one
mistyped code, one wrong answer, one task run out of time – on a clock this script sets, photographs
the console (at 1280×720) during the last participant's top-up and during the task the researcher
judges, and renders the report it makes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: I001 - PySide6 before qasync

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.host import qt_messages
from app.trial.study import load_study
from app.trial_ui import report_command
from app.trial_ui.console_host import OperatorConsole
from ihd.pages.messages import MessagesScreen
from ihd.shell import IhdShell
from ppmid.balance_screen import BalanceScreen
from ppmid.emergency_screen import EmergencyScreen
from ppmid.shell import PpmidShell
from ppmid.top_up_screen import TopUpScreen
from hand_clock import HandClock, until
from report_page import render_report

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
LAPTOP = (1280, 720)
SECONDS = {
    "P01": {"top-up": 48, "emergency-credit": 21, "message": 33, "yesterday": 64},
    "P02": {"top-up": 95, "emergency-credit": 16, "message": 125, "yesterday": 52},
    "P03": {"top-up": 57, "emergency-credit": 30, "message": 27, "yesterday": 90},
    "P04": {"top-up": 71, "emergency-credit": 12, "message": 38, "yesterday": 45},
}
MISTYPES = {"P02": 2}
WRONG_ANSWER = {"P03"}


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


async def top_up(
    console: OperatorConsole,
    ppmid: PpmidShell,
    clock: HandClock,
    finish_at: float,
    mistypes: int,
    photograph: Callable[[], Awaitable[None]],
) -> None:
    running = console.conductor.running
    assert running is not None
    code = running.code
    assert code is not None, "a top-up task vends a code"
    ppmid.go_to("balance")
    balance = ppmid.page_for("balance")
    assert isinstance(balance, BalanceScreen)
    click(balance.top_up)
    page = ppmid.page_for("top_up")
    assert isinstance(page, TopUpScreen)
    for attempt in range(mistypes):
        wrong = code[:-1] + str((int(code[-1]) + 1 + attempt) % 10)
        QTest.keyClicks(page, wrong)
        QTest.keyClick(page, Qt.Key.Key_Return)
        await until(lambda: "isn't right" in page.result.text())
        QTest.keyClick(page, Qt.Key.Key_Delete)
    for digit in code[:12]:
        click(page.keypad.buttons[digit])
    clock.now = finish_at - 30
    await photograph()
    QTest.keyClicks(page, code[12:])
    clock.now = finish_at
    QTest.keyClick(page, Qt.Key.Key_Return)
    await until(lambda: "added" in page.result.text())
    click(page.back)


async def scripted_trial(console: OperatorConsole, clock: HandClock) -> None:
    window = console.window
    assert window is not None
    ppmid = _shown(console, "ppmid")
    assert isinstance(ppmid, PpmidShell)
    ihd = _shown(console, "ihd")
    assert isinstance(ihd, IhdShell)
    model = ihd.context.model
    balance = ppmid.page_for("balance")
    assert isinstance(balance, BalanceScreen)
    await until(lambda: bool(balance.cards) and balance.top_up.isEnabled(), 60)

    async def photograph(name: str = "trial-console.png") -> None:
        sitting = console.conductor.sitting
        if sitting is not None and sitting.participant == "P04":
            window.displays.refresh_pictures()
            window.refresh()
            await asyncio.sleep(0.3)
            window.grab().save(str(OUT / name))

    for participant, seconds in SECONDS.items():
        window.tasks.participant.setCurrentText(participant)
        click(window.tasks.start_participant)
        sitting = console.conductor.sitting
        assert sitting is not None
        for task in list(sitting.order):
            started = clock.now
            click(window.tasks.start_task)
            assert console.conductor.running is not None
            finish_at = started + seconds[task]
            if task == "top-up":
                await top_up(
                    console, ppmid, clock, finish_at, MISTYPES.get(participant, 0), photograph
                )
            elif task == "emergency-credit":
                ppmid.go_to("balance")
                await until(lambda: bool(balance.cards) and balance.cards[0].emergency.isVisible())
                click(balance.cards[0].emergency)
                page = ppmid.page_for("emergency")
                assert isinstance(page, EmergencyScreen)
                await until(page.confirm.isVisible)
                clock.now = finish_at
                click(page.confirm)
            elif task == "message" and seconds[task] >= console.study.task(task).time_limit_s:
                clock.now = finish_at
                window.tick()  # the console's next look: out of time
            elif task == "message":
                await until(lambda: any(not m.read for m in model.messages.values()))
                click(ihd.nav.buttons["messages"])
                screen = ihd.screen_for("messages")
                assert isinstance(screen, MessagesScreen)
                await until(screen.confirm.isVisible)
                clock.now = finish_at
                click(screen.confirm)
            else:
                click(ihd.nav.buttons["history"])
                await photograph("trial-console-judged.png")  # the right answer on show
                clock.now = finish_at
                if seconds[task] >= console.study.task(task).time_limit_s:
                    window.tick()  # the console's next look: out of time
                else:
                    wrong = participant in WRONG_ANSWER
                    click(window.tasks.failure if wrong else window.tasks.success)
            await until(lambda: console.conductor.running is None)
            clock.now += 8
        click(window.tasks.finish_participant)


def _shown(console: OperatorConsole, display: str) -> QWidget:
    """The experience a console display shows (its window is open once the console started)."""
    window = console.displays[display].window
    assert window is not None, f"the {display} display has no window"
    return window.view


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    study = load_study("prepay-basics")
    clock = HandClock(1_800_000_000.0)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "prepay-basics.sqlite"
        console = OperatorConsole(
            study, db, speed=60, history_days=14, listen=("127.0.0.1", 0), now=clock
        )
        window = await console.start()
        window.resize(*LAPTOP)  # as a researcher's laptop shows it
        try:
            await scripted_trial(console, clock)
        finally:
            await console.stop()
        out = Path(folder) / "report"
        report_command.main(["report", str(study.source), "--db", str(db), "--out", str(out)])
        render_report(out, OUT / "trial-report.png")
    print(f"screenshots saved to {OUT}/trial-console.png and trial-report.png")


if __name__ == "__main__":
    argparse.ArgumentParser(
        description=(
            "Screenshots of the usability-trial console and of a report, into docs/screenshots/ (offscreen)."
        )
    ).parse_args()
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    qasync.run(main())
