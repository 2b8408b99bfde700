"""The report's questionnaire and design-variant sections (HTML) and their CSV files."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence

from app.trial.answers import Sheet
from app.trial.comparison import Finding, VariantTask, sus_by_variant
from app.trial.questionnaires import Instrument
from app.trial.small_samples import Interval, mean_interval
from app.trial.study import Study

INSTRUMENT_NAMES = {"sus": "SUS", "seq": "SEQ", "nasa-tlx": "Raw NASA-TLX", "study": "Own items"}


def _interval(value: Interval | None, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "–"
    return (
        f"{value.estimate:.{digits}f}{unit} ({value.low:.{digits}f}–{value.high:.{digits}f}{unit})"
    )


def _percent(value: Interval | None) -> str:
    if value is None:
        return "–"
    return f"{value.estimate:.0%} ({value.low:.0%}–{value.high:.0%})"


def questionnaires_html(study: Study, answered: Sequence[Sheet]) -> str:
    if not study.questionnaires.asks_anything:
        return ""
    e = html.escape
    rows = []
    variants = [v.id for v in study.variants] or [""]
    for instrument in (Instrument.SUS, Instrument.TLX):
        for variant in variants:
            values = [
                s.score
                for s in answered
                if s.instrument == instrument
                and s.variant == variant
                and not s.task
                and s.score is not None
            ]
            if values:
                rows.append(
                    f"<tr><th scope='row'>{INSTRUMENT_NAMES[instrument]}</th>"
                    f"<td class='text'>{e(variant or '–')}</td><td>{len(values)}</td>"
                    f"<td>{_interval(mean_interval(values))}</td></tr>"
                )
    for task in study.tasks:
        for variant in variants:
            values = [
                s.score
                for s in answered
                if s.instrument == "seq"
                and s.variant == variant
                and s.task == task.id
                and s.score is not None
            ]
            if values:
                rows.append(
                    f"<tr><th scope='row'>SEQ · {e(task.id)}</th>"
                    f"<td class='text'>{e(variant or '–')}</td><td>{len(values)}</td>"
                    f"<td>{_interval(mean_interval(values), 2)}</td></tr>"
                )
    own = _own_items_html(study, answered)
    table = (
        "<table><thead><tr><th scope='col' class='text'>Questionnaire</th>"
        "<th scope='col' class='text'>Variant</th><th scope='col'>n</th>"
        "<th scope='col'>Mean (95 % CI)</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        if rows
        else "<p>No questionnaire was answered.</p>"
    )
    return f"""
<h2>Questionnaires</h2>
{table}
<p>SUS: Brooke (1996) – odd items score the answer − 1, even items 5 − the answer, the sum × 2.5
(0–100; 68 is about average). SEQ: the answer, 1 (very difficult) – 7 (very easy). Raw NASA-TLX: the
mean of the six 0–100 subscales (lower is less workload). Intervals are t intervals of the mean.</p>
{own}
"""


def _own_items_html(study: Study, answered: Sequence[Sheet]) -> str:
    own = [s for s in answered if s.instrument == "study"]
    if not own or not study.questionnaires.own_items:
        return ""
    e = html.escape
    lines = []
    for item in study.questionnaires.own_items:
        ratings = [s.ratings[item.id] for s in own if item.id in s.ratings]
        texts = [s.texts[item.id] for s in own if s.texts.get(item.id)]
        if ratings:
            lines.append(
                f"<li><b>{e(item.text)}</b> ({item.low}–{item.high}): mean "
                f"{_interval(mean_interval(ratings), 2)}, n = {len(ratings)}</li>"
            )
        if texts:
            quoted = "".join(f"<li>“{e(text)}”</li>" for text in texts)
            lines.append(f"<li><b>{e(item.text)}</b><ul>{quoted}</ul></li>")
    return "<h3>The study's own questions</h3><ul>" + "".join(lines) + "</ul>"


def variants_html(
    study: Study, rows: Sequence[VariantTask], found: Sequence[Finding], answered: Sequence[Sheet]
) -> str:
    if not study.variants:
        return ""
    e = html.escape
    titles = {v.id: v.title for v in study.variants}
    design = (
        "within participants (every participant saw every variant, in a balanced Latin square order)"
        if study.design == "within"
        else "between participants (each participant saw one variant)"
    )
    table_rows = "".join(
        f"<tr><th scope='row'>{e(r.task)}</th><td class='text'>{e(titles[r.variant])}</td>"
        f"<td>{r.successes} of {r.attempts}</td><td nowrap>{_percent(r.completion)}</td>"
        f"<td nowrap>{_interval(r.time_s, 1)}</td><td nowrap>{_interval(r.seq, 2)}</td></tr>"
        for r in rows
    )
    sus = sus_by_variant(study, answered)
    sus_rows = "".join(
        f"<tr><th scope='row'>{e(titles[v])}</th><td>{_interval(value)}</td></tr>"
        for v, value in sus.items()
    )
    findings = "".join(
        f"<li class='{'supported' if f.supported else 'not-shown'}'>{e(f.words)} "
        f"<small>({e(f.test)})</small></li>"
        for f in found
    )
    return f"""
<h2>Design variants</h2>
<p>Compared {design}: {", ".join(f"<b>{e(v.id)}</b> – {e(v.title)}" for v in study.variants)}.</p>
<table>
<thead><tr><th scope="col" class="text">Task</th><th scope="col" class="text">Variant</th>
<th scope="col">Succeeded</th><th scope="col">Completion (95 % CI)</th>
<th scope="col">Geometric mean time, s (95 % CI)</th><th scope="col">SEQ (95 % CI)</th></tr></thead>
<tbody>{table_rows}</tbody>
</table>
<table><thead><tr><th scope="col" class="text">Variant</th><th scope="col">SUS (95 % CI)</th></tr>
</thead><tbody>{sus_rows}</tbody></table>
<p>Completion: adjusted-Wald interval (Sauro &amp; Lewis 2005). Time: successful attempts only,
geometric mean with the t interval of the log times taken back. SUS and SEQ: t intervals.</p>
<h3>What the data support</h3>
<ul>{findings}</ul>
<p>Tests are two-sided at α = 0.05: {"paired t on log times and scores, McNemar's exact test on completion" if study.design == "within" else "Welch's t on log times and scores, the N−1 two-proportion test on completion"}.
“Do not show a difference” is not evidence of no difference with this many participants.</p>
"""


def questionnaires_csv(answered: Sequence[Sheet]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["participant", "variant", "task", "instrument", "score", "item", "answer"])
    for s in answered:
        scored = "" if s.score is None else f"{s.score:.3f}"
        for item, value in s.ratings.items():
            writer.writerow(
                [s.participant, s.variant, s.task, s.instrument, scored, item, f"{value:g}"]
            )
        for item, text in s.texts.items():
            writer.writerow([s.participant, s.variant, s.task, s.instrument, scored, item, text])
    return out.getvalue()


def variants_csv(rows: Sequence[VariantTask]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "variant",
            "task",
            "attempts",
            "successes",
            "completion_low",
            "completion_high",
            "time_geomean_s",
            "time_low_s",
            "time_high_s",
        ]
    )
    for r in rows:
        writer.writerow(
            [
                r.variant,
                r.task,
                r.attempts,
                r.successes,
                "" if r.completion is None else f"{r.completion.low:.4f}",
                "" if r.completion is None else f"{r.completion.high:.4f}",
                "" if r.time_s is None else f"{r.time_s.estimate:.3f}",
                "" if r.time_s is None else f"{r.time_s.low:.3f}",
                "" if r.time_s is None else f"{r.time_s.high:.3f}",
            ]
        )
    return out.getvalue()


def findings_csv(found: Sequence[Finding]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["measure", "task", "first", "second", "test", "n", "t", "df", "p", "supported"]
    )
    for f in found:
        writer.writerow(
            [
                f.measure,
                f.task,
                f.first,
                f.second,
                f.test,
                f.n,
                "" if f.t is None else f"{f.t:.6f}",
                "" if f.df is None else f"{f.df:.6f}",
                "" if f.p is None else f"{f.p:.6f}",
                "yes" if f.supported else "no",
            ]
        )
    return out.getvalue()
