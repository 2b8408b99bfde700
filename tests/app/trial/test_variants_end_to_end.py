"""Design variants compared end to end, within and between participants.

The operator console hosts the home and the IHD; simulated participants – seeded times, seeded
mistakes (a wrong screen first, a wrong answer, running out of time) and seeded ratings – use the
display with clicks, answer the SEQ and SUS on it by touch, and the researcher marks what only
they can judge. The report's numbers are then checked against values computed here from the plan,
independently of the report's code: adjusted-Wald intervals from Agresti & Coull's definition,
geometric means and t intervals with printed t-table values, SUS by Brooke's scoring, and the
t-tests' statistics from their formulas (p from the closed form of Student's t where df ≤ 3).
"""

from __future__ import annotations

import csv
import math
import random
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist, fmean, geometric_mean, stdev

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.trial.study import STUDY_DIR, Study, parse_study
from app.trial_ui import report_command
from app.trial_ui.console_host import OperatorConsole
from app.trial_ui.console_window import ConsoleWindow
from ihd.pages.home import HomeScreenView
from ihd.shell import IhdShell
from tests.app.trial.hand_clock import HandClock, until
from tests.ihd.screen_of import screen_of

START = 80_000.0
TASKS = ("cost-now", "today", "history")
T_TABLE = {1: 12.7062, 2: 4.30265, 3: 3.18245, 4: 2.77645, 5: 2.57058}
"""Two-sided 95 % critical values of Student's t (printed tables, five figures)."""


def t_cdf_closed_form(t: float, df: int) -> float:
    """Student's t CDF for 1, 2 and 3 degrees of freedom in closed form."""
    if df == 1:
        return 0.5 + math.atan(t) / math.pi
    if df == 2:
        return 0.5 + t / (2 * math.sqrt(2 + t * t))
    if df == 3:
        x = t / math.sqrt(3)
        return 0.5 + (x / (1 + x * x) + math.atan(x)) / math.pi
    raise ValueError(df)


@dataclass
class Doing:
    """What one participant does in one task under one variant."""

    seconds: int
    outcome: str
    """success, failure (a wrong answer) or timeout."""
    wrong_screen_first: bool
    seq: int


def plan_for(participant: str, variant: str, task: str, seed: int) -> Doing:
    rng = random.Random(f"{seed}/{participant}/{variant}/{task}")
    slower = 1.6 if (variant == "energy") == (task == "cost-now") else 1.0
    seconds = max(3, round(rng.uniform(8, 30) * slower))
    roll = rng.random()
    if task == "history":
        outcome = "timeout" if roll < 0.1 else "success"
    else:
        outcome = "failure" if roll < 0.15 else "success"
    return Doing(
        seconds,
        outcome,
        rng.random() < 0.3,
        rng.randint(3, 7) if slower == 1 else rng.randint(1, 5),
    )


def sus_plan(participant: str, variant: str, seed: int) -> list[int]:
    rng = random.Random(f"{seed}/{participant}/{variant}/sus")
    good = variant == "money"
    return [
        (rng.randint(3, 5) if good else rng.randint(2, 4))
        if n % 2
        else (rng.randint(1, 3) if good else rng.randint(2, 4))
        for n in range(1, 11)
    ]


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), widget
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def the_study(design: str, participants: int, folder: Path) -> Study:
    """The shipped example, with the design and participants asked for, saved in ``folder``
    (where the report command reads it)."""
    text = (STUDY_DIR / "ihd-money-or-energy.toml").read_text(encoding="utf-8")
    text = text.replace('design = "within"', f'design = "{design}"')
    ids = ", ".join(f'"P{n:02d}"' for n in range(1, participants + 1))
    text = text.replace(
        'participants = ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08"]',
        f"participants = [{ids}]",
    )
    path = folder / "ihd-money-or-energy.toml"
    path.write_text(text, encoding="utf-8")
    return parse_study(text, path)


async def run_study(qtbot: QtBot, study: Study, db: Path, seed: int) -> dict:
    """Every participant through every step; returns what each one did and rated."""
    clock = HandClock(START)
    console = OperatorConsole(
        study, db, speed=60, history_days=1, listen=("127.0.0.1", 0), now=clock
    )
    window = await console.start()
    ihd_window = console.displays["ihd"].window
    assert ihd_window is not None
    ihd = ihd_window.view
    assert isinstance(ihd, IhdShell)
    home = screen_of(ihd, ihd.home_key, HomeScreenView)
    did: dict = {"steps": {}, "sus": {}, "own": {}}
    try:
        await until(lambda: home.pages.currentIndex() == 1, 60)  # the meter is heard
        for participant in study.participants:
            window.tasks.participant.setCurrentText(participant)
            click(qtbot, window.tasks.start_participant)
            sitting = console.conductor.sitting
            assert sitting is not None
            for step in list(sitting.order):
                variant, task = step.split("/")
                doing = plan_for(participant, variant, task, seed)
                did["steps"][participant, variant, task] = doing
                started = clock.now
                click(qtbot, window.tasks.start_task)
                assert console.conductor.running is not None
                # The display shows the variant: its settings, honoured by the home screen.
                settings = console.displays["ihd"].settings
                lead = {"money": "cost", "energy": "energy"}[variant]
                assert settings.presentation.lead_with == lead
                grid = home._grid
                # (row, column, row span, column span); PySide6 declares it an object.
                position = grid.getItemPosition(grid.indexOf(home.cost_per_hour))
                assert isinstance(position, tuple)
                column = position[1]
                assert column == (0 if variant == "money" else 1)
                await _do_task(qtbot, ihd, window, console, clock, task, doing, started)
                await until(lambda: console.conductor.running is None)
                await _answer(qtbot, window, [doing.seq])  # SEQ, on the display
                next_step = sitting.next_task()
                if next_step is None or next_step.split("/")[0] != variant:
                    answers = sus_plan(participant, variant, seed)
                    did["sus"][participant, variant] = answers
                    await _answer(qtbot, window, answers)  # SUS for the block just done
                    did["own"][participant, variant] = answers[0]
                    await _answer(qtbot, window, [answers[0]])  # the study's own item
                clock.now += 5  # the researcher reads the next instruction
            assert not console.conductor.pending
            click(qtbot, window.tasks.finish_participant)
    finally:
        await console.stop()
    return did


async def _do_task(
    qtbot: QtBot,
    ihd: IhdShell,
    window: ConsoleWindow,
    console: OperatorConsole,
    clock: HandClock,
    task: str,
    doing: Doing,
    started: float,
) -> None:
    finish_at = started + doing.seconds
    if doing.wrong_screen_first:  # a mistake: another screen first, then back home
        click(qtbot, ihd.nav.buttons["messages"])
        ihd.go_to(ihd.home_key)
    if task == "history":
        if doing.outcome == "timeout":
            running = console.conductor.running
            assert running is not None
            clock.now = started + running.task.time_limit_s + 1
            return
        clock.now = finish_at
        click(qtbot, ihd.nav.buttons["history"])
        ihd.go_to(ihd.home_key)
        return
    clock.now = finish_at
    click(qtbot, window.tasks.success if doing.outcome == "success" else window.tasks.failure)


async def _answer(qtbot: QtBot, window: ConsoleWindow, answers: list[int]) -> None:
    host = window.questionnaire
    await until(lambda: host.overlay is not None)
    overlay = host.overlay
    assert overlay is not None
    form = overlay.form
    assert overlay.isVisible()
    for value in answers:
        item = form.item
        click(qtbot, form.choices[item.choices.index(value)])
        click(qtbot, form.next)
    await until(lambda: host.overlay is not overlay)


def adjusted_wald(x: int, n: int) -> tuple[float, float]:
    z = NormalDist().inv_cdf(0.975)
    p = (x + z * z / 2) / (n + z * z)
    half = z * math.sqrt(p * (1 - p) / (n + z * z))
    return max(0.0, p - half), min(1.0, p + half)


def brooke(answers: list[int]) -> float:
    return 2.5 * sum(a - 1 if n % 2 else 5 - a for n, a in enumerate(answers, start=1))


def make_report(study: Study, db: Path, out: Path) -> tuple[dict, list[dict], str]:
    assert (
        report_command.main(["report", str(study.source), "--db", str(db), "--out", str(out)]) == 0
    )
    with (out / "variants.csv").open() as file:
        variants = {(row["variant"], row["task"]): row for row in csv.DictReader(file)}
    with (out / "findings.csv").open() as file:
        findings = list(csv.DictReader(file))
    return variants, findings, (out / "report.html").read_text()


def check_rows(study: Study, did: dict, variants: dict) -> None:
    for variant in ("money", "energy"):
        for task in TASKS:
            done = [d for (p, v, t), d in did["steps"].items() if v == variant and t == task]
            times = [d.seconds for d in done if d.outcome == "success"]
            row = variants[variant, task]
            assert (int(row["attempts"]), int(row["successes"])) == (len(done), len(times))
            low, high = adjusted_wald(len(times), len(done))
            assert float(row["completion_low"]) == pytest.approx(low, abs=1e-4)
            assert float(row["completion_high"]) == pytest.approx(high, abs=1e-4)
            assert len(times) >= 2, "the seed should leave two successes to estimate from"
            logs = [math.log(t) for t in times]
            half = T_TABLE[len(times) - 1] * stdev(logs) / math.sqrt(len(times))
            assert float(row["time_geomean_s"]) == pytest.approx(geometric_mean(times), abs=1e-3)
            assert float(row["time_low_s"]) == pytest.approx(math.exp(fmean(logs) - half), rel=1e-4)
            assert float(row["time_high_s"]) == pytest.approx(
                math.exp(fmean(logs) + half), rel=1e-4
            )


@pytest.mark.e2e
async def test_within_participants_the_report_compares_the_two_designs(
    qtbot: QtBot, tmp_path: Path
) -> None:
    study = the_study("within", 4, tmp_path)
    db = tmp_path / "trial.sqlite"
    did = await run_study(qtbot, study, db, seed=7)
    variants, findings, page = make_report(study, db, tmp_path / "report")
    check_rows(study, did, variants)

    # Time on cost-now: paired t on log times over participants who succeeded under both.
    steps = did["steps"]
    for task in TASKS:
        both = [
            p
            for p in study.participants
            if steps[p, "money", task].outcome == "success"
            and steps[p, "energy", task].outcome == "success"
        ]
        d = [
            math.log(steps[p, "money", task].seconds) - math.log(steps[p, "energy", task].seconds)
            for p in both
        ]
        row = next(f for f in findings if f["measure"] == "time" and f["task"] == task)
        assert int(row["n"]) == len(both)
        if len(both) < 2:
            continue
        t = fmean(d) / (stdev(d) / math.sqrt(len(d)))
        assert float(row["t"]) == pytest.approx(t, rel=1e-5)
        assert float(row["df"]) == len(both) - 1
        p = 2 * (1 - t_cdf_closed_form(abs(t), len(both) - 1))
        assert float(row["p"]) == pytest.approx(p, abs=1e-6)
        assert row["supported"] == ("yes" if p < 0.05 else "no")

    # SUS: Brooke's scoring of each participant's sheet, mean per design, paired t.
    sus = {v: [brooke(did["sus"][p, v]) for p in study.participants] for v in ("money", "energy")}
    assert f"{fmean(sus['money']):.1f} (" in page
    diff = [a - b for a, b in zip(sus["money"], sus["energy"], strict=True)]
    row = next(f for f in findings if f["measure"] == "sus")
    t = fmean(diff) / (stdev(diff) / math.sqrt(len(diff)))
    assert float(row["t"]) == pytest.approx(t, rel=1e-5)
    assert float(row["p"]) == pytest.approx(2 * (1 - t_cdf_closed_form(abs(t), 3)), abs=1e-6)
    assert "paired t on log times" in page
    assert ("the data support a difference" in page) == any(
        f["supported"] == "yes" for f in findings
    )

    # Within participants, every participant did every task under both designs, in a
    # counterbalanced order of blocks.
    from app.trial.store import TrialStore

    record = TrialStore(db)
    try:
        orders = [s.variants for s in record.sessions(study.id)]
        runs = [r for s in record.sessions(study.id) for r in record.task_runs(s.id)]
    finally:
        record.close()
    assert orders == [("money", "energy"), ("energy", "money")] * 2
    assert len(runs) == 4 * 2 * len(TASKS)
    with (tmp_path / "report" / "questionnaires.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert {float(r["score"]) for r in rows if r["instrument"] == "sus"} == {
        s for values in sus.values() for s in values
    }


@pytest.mark.e2e
async def test_between_participants_the_report_uses_welch_tests(
    qtbot: QtBot, tmp_path: Path
) -> None:
    study = the_study("between", 6, tmp_path)
    db = tmp_path / "trial.sqlite"
    did = await run_study(qtbot, study, db, seed=11)
    variants, findings, page = make_report(study, db, tmp_path / "report")
    groups = {"money": ["P01", "P03", "P05"], "energy": ["P02", "P04", "P06"]}
    assert {(p, v) for (p, v, _t) in did["steps"]} == {
        (p, v) for v, people in groups.items() for p in people
    }
    check_rows(study, did, variants)
    steps = did["steps"]
    for task in TASKS:
        logs = {
            v: [
                math.log(steps[p, v, task].seconds)
                for p in people
                if steps[p, v, task].outcome == "success"
            ]
            for v, people in groups.items()
        }
        a, b = logs["money"], logs["energy"]
        va, vb = stdev(a) ** 2 / len(a), stdev(b) ** 2 / len(b)
        t = (fmean(a) - fmean(b)) / math.sqrt(va + vb)
        df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
        row = next(f for f in findings if f["measure"] == "time" and f["task"] == task)
        assert row["test"] == "Welch t on log times"
        assert float(row["t"]) == pytest.approx(t, rel=1e-5)
        assert float(row["df"]) == pytest.approx(df, rel=1e-5)
    sus = {v: [brooke(did["sus"][p, v]) for p in people] for v, people in groups.items()}
    row = next(f for f in findings if f["measure"] == "sus")
    va, vb = stdev(sus["money"]) ** 2 / 3, stdev(sus["energy"]) ** 2 / 3
    assert float(row["t"]) == pytest.approx(
        (fmean(sus["money"]) - fmean(sus["energy"])) / math.sqrt(va + vb), rel=1e-5
    )
    assert "between participants" in page
