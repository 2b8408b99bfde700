"""A two-participant study run end to end: the operator console hosts the home and both
participant displays, the test plays researcher and participants with clicks and keys, and the
report's numbers are checked against what was done."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.trial.study import load_study
from app.trial_ui import report_command
from app.trial_ui.console_host import OperatorConsole
from app.trial_ui.console_window import ConsoleWindow
from ihd.pages.messages import MessagesScreen
from ihd.shell import IhdShell
from ppmid.balance_screen import BalanceScreen
from ppmid.emergency_screen import EmergencyScreen
from ppmid.shell import PpmidShell
from ppmid.top_up_screen import TopUpScreen
from tests.app.trial.hand_clock import HandClock, until
from tests.ihd.screen_of import screen_of
from tests.ppmid.page_of import page_of

START = 50_000.0
# Seconds on task the test spends, per participant and task (the console's clock is the test's).
SECONDS = {
    "P01": {"top-up": 30, "emergency-credit": 20, "message": 25, "yesterday": 40},
    "P02": {"top-up": 50, "emergency-credit": 10, "message": 35, "yesterday": 60},
}
JUDGED = {"P01": True, "P02": False}
"""The researcher's verdict on "yesterday" (answered aloud)."""


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), widget
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


async def test_two_participants_then_the_report_says_what_happened(
    qtbot: QtBot, tmp_path: Path
) -> None:
    study = load_study("prepay-basics")
    db = tmp_path / "trial.sqlite"
    clock = HandClock(START)
    console = OperatorConsole(
        study, db, speed=60, history_days=3, listen=("127.0.0.1", 0), now=clock
    )
    window = await console.start()
    ppmid_window = console.displays["ppmid"].window
    ihd_window = console.displays["ihd"].window
    assert ppmid_window is not None
    assert ihd_window is not None
    ppmid, ihd = ppmid_window.view, ihd_window.view
    assert isinstance(ppmid, PpmidShell)
    assert isinstance(ihd, IhdShell)
    codes: list[str] = []
    try:
        balance = page_of(ppmid, "balance", BalanceScreen)
        await until(lambda: bool(balance.cards) and balance.top_up.isEnabled(), 60)
        for participant in ("P01", "P02"):
            window.tasks.participant.setCurrentText(participant)
            click(qtbot, window.tasks.start_participant)
            sitting = console.conductor.sitting
            assert sitting is not None
            assert sitting.participant == participant
            for task in list(sitting.order):
                started = clock.now
                click(qtbot, window.tasks.start_task)
                running = console.conductor.running
                assert running is not None
                assert running.task.id == task
                finish_at = started + SECONDS[participant][task]
                if task == "top-up":
                    codes.append(
                        await _top_up(
                            qtbot,
                            console,
                            window,
                            ppmid,
                            clock,
                            finish_at,
                            mistype_first=participant == "P01",
                        )
                    )
                elif task == "emergency-credit":
                    await _emergency_credit(qtbot, ppmid, clock, finish_at)
                elif task == "message":
                    await _confirm_message(qtbot, ihd, clock, finish_at)
                else:
                    click(qtbot, ihd.nav.buttons["history"])
                    clock.now = finish_at
                    click(
                        qtbot, window.tasks.success if JUDGED[participant] else window.tasks.failure
                    )
                await until(lambda: console.conductor.running is None)
                clock.now += 5  # the researcher reads the next instruction
            click(qtbot, window.tasks.finish_participant)
            assert console.conductor.sitting is None
    finally:
        await console.stop()

    out = tmp_path / "report"
    assert (
        report_command.main(["report", str(study.source), "--db", str(db), "--out", str(out)]) == 0
    )
    with (out / "tasks.csv").open() as file:
        tasks = {row["task"]: row for row in csv.DictReader(file)}
    assert {task: (row["attempts"], row["successes"]) for task, row in tasks.items()} == {
        "top-up": ("2", "2"),
        "emergency-credit": ("2", "2"),
        "yesterday": ("2", "1"),
        "message": ("2", "2"),
    }
    assert float(tasks["top-up"]["time_median_s"]) == 40.0
    assert (float(tasks["top-up"]["time_q1_s"]), float(tasks["top-up"]["time_q3_s"])) == (
        35.0,
        45.0,
    )
    assert float(tasks["emergency-credit"]["time_median_s"]) == 15.0
    assert float(tasks["message"]["time_iqr_s"]) == 5.0
    assert float(tasks["yesterday"]["time_median_s"]) == 40.0  # successes only: P01's
    assert tasks["top-up"]["errors"] == "1"  # P01's mistyped code
    assert sum(int(row["errors"]) for row in tasks.values()) == 1
    with (out / "attempts.csv").open() as file:
        attempts = list(csv.DictReader(file))
    assert {
        (a["participant"], a["task"]): (a["outcome"], float(a["time_s"])) for a in attempts
    } == {
        (participant, task): (
            "failure" if (task == "yesterday" and not JUDGED[participant]) else "success",
            float(seconds),
        )
        for participant, times in SECONDS.items()
        for task, seconds in times.items()
    }
    assert (out / "participants.csv").read_text().splitlines() == [
        "participant,attempts,successes,errors,time_on_tasks_s",
        "P01,4,4,1,115.000",
        "P02,4,3,0,155.000",
    ]
    page = (out / "report.html").read_text()
    assert "1 of 2 (50%)" in page
    assert "2 of 2 (100%)" in page
    assert page.count("data:image/png;base64,") == 2
    assert "<b>top-up</b>: “That code isn’t right – please check the digits” ×1" in page.replace(
        "&#x27;", "’"
    ).replace("'", "’")
    assert (out / "success-rate.png").read_bytes().startswith(b"\x89PNG")

    # What the displays recorded: screens, controls and keys – and never a code's digits.
    from app.trial.store import TrialStore

    record = TrialStore(db)
    events = record.events()
    record.close()
    kinds = {(e.source, e.kind) for e in events}
    assert {("display:ppmid", "screen"), ("display:ppmid", "control"),
            ("display:ihd", "screen"), ("display:ihd", "control"),
            ("display:ppmid", "command"), ("display:ppmid", "error")} <= kinds  # fmt: skip
    screens = {e.target for e in events if e.kind == "screen"}
    assert {
        "ppmid-balance",
        "ppmid-top-up",
        "ppmid-emergency",
        "ihd-messages",
        "ihd-history",
    } <= screens
    for event in events:
        for code in codes:
            assert code[:6] not in event.target + event.detail
    keys = [e for e in events if e.kind == "key" and e.target == "digit"]
    assert len(keys) >= 20  # the code's last ten digits typed, twice
    assert {e.detail for e in keys} == {"•"}
    assert ("display:ppmid", "key", "Enter") in {(e.source, e.kind, e.target) for e in events}
    digits = [e for e in events if e.kind == "control" and e.target == "digit"]
    assert len(digits) >= 20
    assert {e.detail for e in digits} == {"•"}


async def _top_up(
    qtbot: QtBot,
    console: OperatorConsole,
    window: ConsoleWindow,
    ppmid: PpmidShell,
    clock: HandClock,
    finish_at: float,
    *,
    mistype_first: bool,
) -> str:
    shown = window.tasks.code.text()  # what the researcher reads out or hands over
    code = re.sub(r"\D", "", shown.split(":", 1)[1])
    assert len(code) == 20
    running = console.conductor.running
    assert running is not None
    assert code == running.code
    ppmid.go_to("balance")
    click(qtbot, page_of(ppmid, "balance", BalanceScreen).top_up)
    page = page_of(ppmid, "top_up", TopUpScreen)
    if mistype_first:
        wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
        for digit in wrong:
            click(qtbot, page.keypad.buttons[digit])
        click(qtbot, page.send)
        await until(lambda: "isn't right" in page.result.text())
        qtbot.keyClick(page, Qt.Key.Key_Delete)
    for digit in code[:10]:
        click(qtbot, page.keypad.buttons[digit])
    qtbot.keyClicks(page, code[10:])
    clock.now = finish_at
    qtbot.keyClick(page, Qt.Key.Key_Return)
    await until(lambda: "added" in page.result.text())
    click(qtbot, page.back)
    return code


async def _emergency_credit(
    qtbot: QtBot, ppmid: PpmidShell, clock: HandClock, finish_at: float
) -> None:
    ppmid.go_to("balance")
    balance = page_of(ppmid, "balance", BalanceScreen)
    await until(lambda: bool(balance.cards) and balance.cards[0].emergency.isVisible())
    click(qtbot, balance.cards[0].emergency)
    page = page_of(ppmid, "emergency", EmergencyScreen)
    # As a person does: press Confirm once the screen offers it (it is enabled once the meter's
    # emergency-credit state is read, later on a busy machine).
    await until(lambda: page.confirm.isVisible() and page.confirm.isEnabled())
    clock.now = finish_at
    click(qtbot, page.confirm)


async def _confirm_message(qtbot: QtBot, ihd: IhdShell, clock: HandClock, finish_at: float) -> None:
    messages = ihd.context.model.messages
    await until(lambda: any(not message.read for message in messages.values()))  # "Messages (1)"
    click(qtbot, ihd.nav.buttons["messages"])
    screen = screen_of(ihd, "messages", MessagesScreen)
    await until(lambda: screen.confirm.isVisible())
    clock.now = finish_at
    click(qtbot, screen.confirm)
