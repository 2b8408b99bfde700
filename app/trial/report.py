"""A trial's report: one self-contained HTML page (plots inlined), and the same numbers as CSV.

Written for the researcher and whoever reads their findings: tables first with units in the
headings, the method stated under them, plots beside. CSV files are plain (UTF-8, a header row,
seconds as numbers) for a statistics package.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import html
import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from app.trial.stats import Attempt, TaskSummary, participants, problems_by_task
from app.trial.study import Study
from han.private_files import private_folder

OUTCOME_MARKS = {
    "success": "✓ success",
    "failure": "✗ failure",
    "timeout": "✗ out of time",
    "skipped": "– skipped",
}


def seconds_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def rate_text(summary: TaskSummary) -> str:
    rate = summary.success_rate
    if rate is None:
        return "–"
    return f"{summary.successes} of {summary.attempts} ({rate:.0%})"


def tasks_csv(summaries: Sequence[TaskSummary]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "task",
            "attempts",
            "successes",
            "success_rate",
            "skipped",
            "time_median_s",
            "time_q1_s",
            "time_q3_s",
            "time_iqr_s",
            "errors",
        ]
    )
    for s in summaries:
        writer.writerow(
            [
                s.task,
                s.attempts,
                s.successes,
                "" if s.success_rate is None else f"{s.success_rate:.4f}",
                s.skipped,
                _number(s.median_s),
                _number(s.q1_s),
                _number(s.q3_s),
                _number(s.iqr_s),
                s.errors,
            ]
        )
    return out.getvalue()


def attempts_csv(found: Sequence[Attempt]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["participant", "task", "position", "outcome", "time_s", "errors"]
    variants = any(a.variant for a in found)
    writer.writerow([*header, "variant"] if variants else header)
    for a in found:
        row = [a.participant, a.task, a.position, a.outcome, f"{a.seconds:.3f}", a.errors]
        writer.writerow([*row, a.variant] if variants else row)
    return out.getvalue()


def participants_csv(found: Sequence[Attempt]) -> str:
    """One row per participant: tasks attempted (skips left out), successes, errors, time."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["participant", "attempts", "successes", "errors", "time_on_tasks_s"])
    for person in participants(found):
        done = [a for a in found if a.participant == person and a.outcome != "skipped"]
        writer.writerow(
            [
                person,
                len(done),
                sum(1 for a in done if a.outcome == "success"),
                sum(a.errors for a in done),
                f"{sum(a.seconds for a in done):.3f}",
            ]
        )
    return out.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def report_html(
    study: Study,
    summaries: Sequence[TaskSummary],
    found: Sequence[Attempt],
    plots: Mapping[str, bytes],
    *,
    database: str,
    generated: dt.datetime,
    sections: str = "",
) -> str:
    """``sections``: the questionnaire and design-variant sections, when the study has them."""
    e = html.escape
    people = participants(found)
    extra_files = ""
    if study.questionnaires.asks_anything:
        extra_files += ", <code>questionnaires.csv</code>"
    if study.variants:
        extra_files += ", <code>variants.csv</code>, <code>findings.csv</code>"
    task_rows = "\n".join(
        "<tr>"
        f"<th scope='row' nowrap>{e(s.task)}</th><td class='text'>{e(s.instruction)}</td>"
        f"<td nowrap>{e(rate_text(s))}</td><td>{seconds_text(s.median_s)}</td>"
        f"<td nowrap>{seconds_text(s.q1_s)} – {seconds_text(s.q3_s)}</td>"
        f"<td>{seconds_text(s.iqr_s)}</td><td>{s.errors}</td><td>{s.skipped}</td>"
        "</tr>"
        for s in summaries
    )
    by_key: dict[tuple[str, str], list[Attempt]] = {}
    for a in found:  # one attempt per design variant when the study compares them
        by_key.setdefault((a.participant, a.task), []).append(a)
    head = "".join(f"<th scope='col'>{e(task.id)}</th>" for task in study.tasks)
    person_rows = []
    for person in people:
        cells = []
        for task in study.tasks:
            done = by_key.get((person, task.id))
            if not done:
                cells.append("<td>not done</td>")
                continue
            parts = []
            for attempt in done:
                errors = f", {attempt.errors} error{'s' if attempt.errors != 1 else ''}"
                variant = f"{e(attempt.variant)}: " if attempt.variant else ""
                parts.append(
                    f"{variant}{e(OUTCOME_MARKS[attempt.outcome])}<br>"
                    f"{attempt.seconds:.1f} s{errors if attempt.errors else ''}"
                    f"<br><small>task {attempt.position}</small>"
                )
            outcome = done[0].outcome if len(done) == 1 else ""
            cells.append(f"<td class='{outcome}'>{'<hr>'.join(parts)}</td>")
        succeeded = sum(1 for a in found if a.participant == person and a.outcome == "success")
        errors_total = sum(a.errors for a in found if a.participant == person)
        person_rows.append(
            f"<tr><th scope='row'>{e(person)}</th>{''.join(cells)}"
            f"<td>{succeeded}</td><td>{errors_total}</td></tr>"
        )
    problems = problems_by_task(study, found)
    problem_items = "\n".join(
        f"<li><b>{e(task)}</b>: "
        + "; ".join(f"“{e(text)}” ×{count}" for text, count in counter.most_common())
        + "</li>"
        for task, counter in problems.items()
    )
    problem_list = f"<ul>{problem_items}</ul>" if problems else "<p>None.</p>"
    figures = "\n".join(
        f"<p><img alt='{e(caption)}' src='data:image/png;base64,"
        f"{base64.b64encode(png).decode('ascii')}'></p>"
        for caption, png in plots.items()
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(study.title)} – trial report</title>
<style>
body {{ font-family: sans-serif; font-size: 17px; line-height: 1.4; color: #111; background: #fff;
       max-width: 72em; margin: 1.5em auto; padding: 0 1em; }}
h1 {{ font-size: 1.7em; margin-bottom: 0.2em; }}
table {{ border-collapse: collapse; margin: 0.8em 0 1.6em; }}
th, td {{ border: 1px solid #888; padding: 0.35em 0.6em; text-align: right; vertical-align: top; }}
th {{ background: #e8eef4; }}
td.text, th.text, th[scope=row] {{ text-align: left; }}
td.success {{ background: #e3f4e3; }} td.failure, td.timeout {{ background: #fbe4e4; }}
img {{ max-width: 100%; }}
.meta {{ color: #333; }}
</style>
</head>
<body>
<h1>{e(study.title)}</h1>
<p class="meta">Study <code>{e(study.id)}</code> ({e(study.source.name)}), scenario
“{e(study.scenario.name)}”, task order {e(str(study.order))} (seed {study.seed}).
{len(people)} participant{"s" if len(people) != 1 else ""} recorded in <code>{e(database)}</code>.
Report made {generated.strftime("%Y-%m-%d %H:%M")}.</p>

<h2>Tasks</h2>
<table>
<thead><tr><th scope="col" class="text">Task</th><th scope="col" class="text" width="30%">Instruction</th>
<th scope="col" nowrap>Succeeded</th><th scope="col" nowrap>Median (s)</th>
<th scope="col" nowrap>Q1 – Q3 (s)</th><th scope="col" nowrap>IQR (s)</th>
<th scope="col">Errors</th><th scope="col">Skipped</th></tr></thead>
<tbody>
{task_rows}
</tbody>
</table>
<p>Times are wall-clock seconds from the start of a task to its end, over successful attempts;
quartiles by linear interpolation between closest ranks (type 7). Errors are problems the
participant's display showed (e.g. a wrong code). Skipped tasks are not counted as attempts.</p>

<h2>Participants</h2>
<table>
<thead><tr><th scope="col">Participant</th>{head}<th scope="col">Succeeded</th>
<th scope="col">Errors</th></tr></thead>
<tbody>
{"".join(person_rows)}
</tbody>
</table>

<h2>Errors the participants were shown</h2>
{problem_list}

{sections}
<h2>Plots</h2>
{figures}

<p>The numbers are also in <code>tasks.csv</code>, <code>attempts.csv</code> and
<code>participants.csv</code> beside this page{extra_files}.</p>
</body>
</html>
"""


def write_atomically(path: Path, data: bytes) -> None:
    """A file of the trial's, owner-only (mkstemp's 0600) in a folder made owner-only."""
    private_folder(path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
