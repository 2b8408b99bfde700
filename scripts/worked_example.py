"""The worked example: the shipped two-variant IHD study run with simulated participants, and its
full report, into docs/worked-example/ (offscreen, a few minutes).

    .venv/bin/python scripts/worked_example.py      (also run by scripts/dev.py screenshots)

The study is resources/studies/ihd-money-or-energy.toml: eight participants, three tasks on each of
two home-screen designs (leading with £ or with kWh), block order counterbalanced. The operator
console hosts the home and the IHD; each participant, with timings and mistakes drawn from a seed,
uses the real display through Qt mouse events – taps on the numbers that are no control, a wrong
screen first, a wrong answer, a task run out of time – and answers the SEQ, the SUS and the study's
own item by touch on the display; the researcher's buttons mark what only they can judge. The
report command then writes everything a researcher gets (statistics, plots, tap maps), the replay
draws one participant's task as a contact sheet, and the report page is rendered as an image.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: I001 - PySide6 before qasync

import qasync
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.host import qt_messages
from app.trial.replay_timeline import find_session, moments
from app.trial.store import TrialStore
from app.trial.study import load_study
from app.trial_ui import report_command
from app.trial_ui.console_host import OperatorConsole
from app.trial_ui.console_window import ConsoleWindow
from app.trial_ui.replay import Replayer
from app.trial_ui.replay_export import contact_sheet, png_bytes
from ihd.history.screen import HistoryScreen
from ihd.pages.home import HomeScreenView
from ihd.shell import IhdShell
from ihd.view_models.history import Span
from hand_clock import HandClock, until
from report_page import render_report

OUT = Path(__file__).resolve().parent.parent / "docs" / "worked-example"
SEED = 2026
START = 1_800_000_000.0
REPLAYED = ("P03", "cost-now")
"""The participant and task whose replay is drawn as a contact sheet (a miss and a wrong screen)."""


@dataclass(frozen=True)
class Doing:
    """What one simulated participant does in one task under one design."""

    seconds: int
    outcome: str
    """success, failure (a wrong answer) or timeout."""
    wrong_screen_first: bool
    taps_the_number: bool
    """Taps the figure they are reading, which is no control (a miss on the tap map)."""
    seq: int


def plan(participant: str, variant: str, task: str) -> Doing:
    """Seeded: finding £ per hour is slower on the kWh-first design, kWh today on the £-first."""
    rng = random.Random(f"{SEED}/{participant}/{variant}/{task}")
    harder = (variant == "energy") == (task == "cost-now") and task != "history"
    seconds = max(4, round(rng.uniform(7, 24) * (1.7 if harder else 1.0)))
    roll = rng.random()
    if task == "history":
        outcome = "timeout" if roll < 0.1 else "success"
    else:
        outcome = "failure" if roll < (0.3 if harder else 0.08) else "success"
    return Doing(
        seconds,
        outcome,
        rng.random() < (0.45 if harder else 0.15),
        rng.random() < 0.5,
        rng.randint(2, 5) if harder else rng.randint(5, 7),
    )


def sus_answers(participant: str, variant: str) -> list[int]:
    """Ten SUS answers (1–5); the £-first design is liked a little better."""
    rng = random.Random(f"{SEED}/{participant}/{variant}/sus")
    liked = variant == "money"
    return [
        (rng.randint(3, 5) if liked else rng.randint(2, 5))
        if n % 2
        else (rng.randint(1, 3) if liked else rng.randint(1, 4))
        for n in range(1, 11)
    ]


def tap(widget: QWidget, at: QPoint | None = None) -> None:
    """A finger on the widget (its centre unless told where): a real press and release."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at or widget.rect().center())


async def run_study(console: OperatorConsole, clock: HandClock) -> None:
    window = console.window
    assert window is not None
    ihd_window = console.displays["ihd"].window
    assert ihd_window is not None
    ihd = ihd_window.view
    assert isinstance(ihd, IhdShell)
    home = ihd.screen_for(ihd.home_key)
    assert isinstance(home, HomeScreenView)
    await until(lambda: home.pages.currentIndex() == 1, 60)  # the meter is heard
    await until(lambda: home.cost_per_hour.value.text() not in ("", "–"), 60)  # and its price
    study = console.study
    for participant in study.participants:
        window.tasks.participant.setCurrentText(participant)
        tap(window.tasks.start_participant)
        sitting = console.conductor.sitting
        assert sitting is not None
        for step in list(sitting.order):
            variant, task = step.split("/")
            doing = plan(participant, variant, task)
            started = clock.now
            tap(window.tasks.start_task)
            await _do_task(ihd, home, window, console, clock, task, doing, started, participant)
            await until(lambda: console.conductor.running is None)
            await _answer(window, [doing.seq])  # the SEQ, on the display
            following = sitting.next_task()
            if following is None or following.split("/")[0] != variant:
                answers = sus_answers(participant, variant)
                await _answer(window, answers)  # the SUS for the design just used
                await _answer(window, [answers[0]])  # the study's own item
            clock.now += 6  # the researcher reads out the next instruction
        tap(window.tasks.finish_participant)
        clock.now += 300  # the next participant sits down


async def _do_task(
    ihd: IhdShell,
    home: HomeScreenView,
    window: ConsoleWindow,
    console: OperatorConsole,
    clock: HandClock,
    task: str,
    doing: Doing,
    started: float,
    participant: str,
) -> None:
    rng = random.Random(f"{SEED}/{participant}/{task}/fingers")
    clock.now = started + doing.seconds * 0.3
    if doing.wrong_screen_first:  # a mistake: another screen first, then back home
        tap(ihd.nav.buttons[rng.choice(("messages", "status"))])
        clock.now += 3
        tap(ihd.nav.buttons[ihd.home_key])
    figure = home.cost_per_hour if task == "cost-now" else next(iter(home.today.values()))
    if task != "history" and doing.taps_the_number:
        # Where on the figure a finger lands varies; the figure is a label, not a button.
        box = figure.rect()
        spot = QPoint(
            round(box.width() * rng.uniform(0.2, 0.8)), round(box.height() * rng.uniform(0.2, 0.8))
        )
        tap(figure, spot)
    if task == "history":
        if doing.outcome == "timeout":
            running = console.conductor.running
            assert running is not None
            clock.now = started + running.task.time_limit_s + 1
            return
        tap(ihd.nav.buttons["history"])
        history = ihd.screen_for("history")
        assert isinstance(history, HistoryScreen)
        clock.now = started + doing.seconds * 0.7
        tap(history.span_buttons[Span.WEEK])
        clock.now = started + doing.seconds
        tap(ihd.nav.buttons[ihd.home_key])
        return
    clock.now = started + doing.seconds
    tap(window.tasks.success if doing.outcome == "success" else window.tasks.failure)


async def _answer(window: ConsoleWindow, answers: list[int]) -> None:
    host = window.questionnaire
    await until(lambda: host.overlay is not None)
    overlay = host.overlay
    assert overlay is not None
    form = overlay.form
    for value in answers:
        tap(form.choices[form.item.choices.index(value)])
        tap(form.next)
    await until(lambda: host.overlay is not overlay)


def replay_sheet(db: Path, out: Path) -> None:
    participant, task = REPLAYED
    store = TrialStore(db)
    try:
        found = moments(store, find_session(store, participant), "ihd", task=task)
    finally:
        store.close()
    frames = Replayer().frames(found)
    (out / "replay-contact-sheet.png").write_bytes(png_bytes(contact_sheet(frames, participant)))


async def main() -> None:
    study = load_study("ihd-money-or-energy")
    clock = HandClock(START)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / f"{study.id}.sqlite"
        console = OperatorConsole(
            study, db, speed=60, history_days=14, listen=("127.0.0.1", 0), now=clock
        )
        await console.start()
        try:
            await run_study(console, clock)
        finally:
            await console.stop()
        report = Path(folder) / "report"
        if report_command.main(
            ["report", str(study.source), "--db", str(db), "--out", str(report)]
        ):
            raise SystemExit("the report could not be written")
        shutil.rmtree(OUT, ignore_errors=True)
        OUT.mkdir(parents=True)
        for made in report.iterdir():
            # The record's path and the hour of making say nothing about the study.
            if made.suffix in (".png", ".csv"):
                shutil.copyfile(made, OUT / made.name)
        page = (report / "report.html").read_text()
        page = page.replace(str(db), f"{study.id}.sqlite")
        page = re.sub(r"Report made [0-9-]+ [0-9:]+\.", "", page)
        (OUT / "report.html").write_text(page)
        render_report(OUT, OUT / "report-page.png")
        replay_sheet(db, OUT)
    print(f"the worked example is in {OUT}")


if __name__ == "__main__":
    argparse.ArgumentParser(
        description=(
            "The worked example of a usability trial: the shipped two-variant IHD study run with simulated participants, and its full report, into docs/worked-example/ (offscreen, a few minutes)."
        )
    ).parse_args()
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    qasync.run(main())
