"""The report's observation section: codes counted per task and variant, and observer agreement."""

from __future__ import annotations

import csv
import html
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.trial.agreement import Agreement, agreements
from app.trial.observation_export import Placed
from app.trial.observations import Mark
from app.trial.store import SessionRow
from app.trial.study import Study


@dataclass(frozen=True)
class Observed:
    """What the report needs of a study's observations."""

    placed: Sequence[Placed]
    agreed: Sequence[Agreement]


def observed(study: Study, placed: Sequence[Placed], sessions: Sequence[SessionRow]) -> Observed:
    lengths = {
        session.id: (session.ended_at - session.started_at) if session.ended_at else 0.0
        for session in sessions
    }
    found = [p.observation for p in placed]
    return Observed(placed, agreements(study.coding, found, lengths))


def counts(placed: Sequence[Placed]) -> Counter[tuple[str, str, str, str]]:
    """Occurrences per (code, task, variant, observer): a point code's marks, a state's starts."""
    return Counter(
        (p.observation.code, p.task, p.variant, p.observation.observer)
        for p in placed
        if p.observation.code and p.observation.mark is not Mark.STOP
    )


def _study_order(study: Study) -> Callable[[tuple[str, str]], tuple[int, int]]:
    """Columns in the study's order: variant by variant, its tasks in the file's order, and
    what fell between tasks last."""
    variants = [v.id for v in study.variants] or [""]
    tasks = [t.id for t in study.tasks]

    def key(column: tuple[str, str]) -> tuple[int, int]:
        task, variant = column
        return (
            variants.index(variant) if variant in variants else len(variants),
            tasks.index(task) if task in tasks else len(tasks),
        )

    return key


def _kappa_text(agreement: Agreement) -> str:
    kappa = agreement.table.kappa
    return "undefined" if kappa is None else f"{kappa:.2f}"


def observations_html(study: Study, seen: Observed) -> str:
    if not study.coding.codes and not seen.placed:
        return ""
    e = html.escape
    counted = counts(seen.placed)
    columns = sorted(
        {(task, variant) for (_c, task, variant, _o) in counted}, key=_study_order(study)
    )
    observers = sorted({observer for (*_rest, observer) in counted})
    head = "".join(
        f"<th scope='col'>{e(task or 'between tasks')}{f' · {e(variant)}' if variant else ''}</th>"
        for task, variant in columns
    )
    rows = []
    for code in study.coding.codes:
        for observer in observers:
            cells = "".join(
                f"<td>{counted.get((code.id, task, variant, observer), 0)}</td>"
                for task, variant in columns
            )
            rows.append(
                f"<tr><th scope='row'>{e(code.title)}</th><td class='text'>{e(observer)}</td>"
                f"{cells}</tr>"
            )
    notes = sum(1 for p in seen.placed if not p.observation.code)
    table = (
        "<table><thead><tr><th scope='col' class='text'>Code</th>"
        f"<th scope='col' class='text'>Observer</th>{head}</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        if rows and columns
        else "<p>No code was recorded.</p>"
    )
    return f"""
<h2>Observations</h2>
{table}
<p>Counts are occurrences: a point code each time it was marked, a state code each time it
started; an observation counts for the task running at its session time. {notes} free-text
note{"s" if notes != 1 else ""} in <code>observations.csv</code>.</p>
{_agreement_html(study, seen.agreed)}"""


def _agreement_html(study: Study, agreed: Sequence[Agreement]) -> str:
    e = html.escape
    if not agreed:
        return "<h3>Agreement between observers</h3><p>No session was coded by two observers.</p>"
    titles = {code.id: code.title for code in study.coding.codes}
    rows = "".join(
        f"<tr><th scope='row'>{e(titles.get(a.code, a.code))}</th>"
        f"<td class='text'>{e(a.first)} – {e(a.second)}</td><td>{a.sessions}</td>"
        f"<td>{a.table.n}</td><td>{a.table.a}</td><td>{a.table.b}</td><td>{a.table.c}</td>"
        f"<td>{a.table.d}</td><td>{_percent(a.table.observed)}</td>"
        f"<td>{_kappa_text(a)}</td></tr>"
        for a in agreed
    )
    window = study.coding.window_s
    return f"""<h3>Agreement between observers</h3>
<table><thead><tr><th scope="col" class="text">Code</th><th scope="col" class="text">Observers</th>
<th scope="col">Sessions</th><th scope="col">Windows</th><th scope="col">Both</th>
<th scope="col">First only</th><th scope="col">Second only</th><th scope="col">Neither</th>
<th scope="col">Agreement</th><th scope="col">Cohen's κ</th></tr></thead>
<tbody>{rows}</tbody></table>
<p>The unit of agreement is a window of {window} s: each session two observers both coded is cut
into {window}-second windows from its start, and in each window each observer either marked the
code (a point code in the window, or a state code's span touching it) or did not. κ = (p<sub>o</sub>
− p<sub>e</sub>) / (1 − p<sub>e</sub>) over all those windows (Cohen 1960); it is undefined when
neither observer, or both in every window, marked the code. Shorter windows are stricter about
timing; longer ones forgive it.</p>
"""


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def agreement_csv(agreed: Sequence[Agreement], window_s: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["code", "first", "second", "sessions", "window_s", "windows", "both", "first_only",
         "second_only", "neither", "observed_agreement", "expected_agreement", "kappa"]
    )  # fmt: skip
    for a in agreed:
        t = a.table
        writer.writerow(
            [
                a.code, a.first, a.second, a.sessions, window_s, t.n, t.a, t.b, t.c, t.d,
                "" if t.observed is None else f"{t.observed:.6f}",
                "" if t.expected is None else f"{t.expected:.6f}",
                "" if t.kappa is None else f"{t.kappa:.6f}",
            ]
        )  # fmt: skip
    return out.getvalue()
