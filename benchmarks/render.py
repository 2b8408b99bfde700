"""The two ways results are shown: a table for people, one JSON object for tools.

JSON layout – one object, keyed by figure name::

    {"han_reports_per_s": {"value": 6123.4, "unit": "frames/s", "target": ">= 5000",
                           "met": true, "detail": "..."},
     ...,
     "_errors": {"report_to_pixel": "RuntimeError: ..."},
     "_machine": {"cpu_count": 2, "python": "3.11.7", "platform": "...", ...},
     "_date": "2026-01-01T12:00:00+00:00"}

Keys starting with "_" are about the run, not figures. ``met`` is null for figures without a target.
"""

from __future__ import annotations

import json
from typing import Any

from benchmarks.figures import Figure, Results

_HEADINGS = ("Figure", "Value", "Unit", "Target", "Met")


def format_value(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def met_text(figure: Figure) -> str:
    if figure.met is None:
        return "-"
    return "yes" if figure.met else "no"


def as_json_object(results: Results) -> dict[str, Any]:
    document: dict[str, Any] = {
        figure.key: {
            "value": round(figure.value, 4),
            "unit": figure.unit,
            "target": figure.target or None,
            "met": figure.met,
            "detail": figure.detail,
        }
        for figure in results.figures
    }
    document["_errors"] = {failure.benchmark: failure.error for failure in results.failures}
    document["_machine"] = results.machine
    document["_date"] = results.date
    return document


def render_json(results: Results) -> str:
    return json.dumps(as_json_object(results), indent=2, ensure_ascii=False)


def render_table(results: Results) -> str:
    rows = [
        (
            figure.key,
            format_value(figure.value),
            figure.unit,
            figure.target or "-",
            met_text(figure),
        )
        for figure in results.figures
    ]
    widths = [max(len(row[column]) for row in (_HEADINGS, *rows)) for column in range(5)]

    def line(cells: tuple[str, ...]) -> str:
        padded = [
            cell.rjust(width) if column == 1 else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    lines = [line(_HEADINGS), line(tuple("-" * width for width in widths))]
    lines.extend(line(row) for row in rows)
    details = [f"  {figure.key}: {figure.detail}" for figure in results.figures if figure.detail]
    if details:
        lines += ["", "Details:", *details]
    if results.failures:
        lines += ["", "Errors (these benchmarks did not run to the end):"]
        lines += [f"  {failure.benchmark}: {failure.error}" for failure in results.failures]
    if results.machine:
        machine = ", ".join(f"{key} {value}" for key, value in results.machine.items())
        lines += ["", f"Machine: {machine}"]
    if results.date:
        lines.append(f"Date: {results.date}")
    return "\n".join(lines)
