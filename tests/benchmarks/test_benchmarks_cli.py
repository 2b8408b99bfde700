"""The benchmark command line and its renderings, with made-up figures; and the HAN throughput
benchmark itself on a tiny sample. Speed is measured by ``python -m benchmarks``, never asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zigpy.types as t

from benchmarks import cli, runner
from benchmarks.figures import Failure, Results, at_least, at_most, for_information
from benchmarks.harness import SideTiming
from benchmarks.plan import FULL, QUICK
from benchmarks.render import as_json_object, format_value, render_json, render_table


def _results(*, failures: tuple[Failure, ...] = ()) -> Results:
    return Results(
        figures=[
            at_least("han_reports_per_s", 6123.4, "frames/s", 5000, detail="6000 frames"),
            for_information("zigpy_reports_per_s", 9000.0, "frames/s"),
            at_most("report_to_pixel_p95_ms", 75.25, "ms", 50),
        ],
        failures=list(failures),
        machine={"cpu_count": 2, "python": "3.11.7"},
        date="2026-01-01T12:00:00+00:00",
    )


# Command line --------------------------------------------------------------------------------


def test_no_options_means_the_full_run_as_a_table() -> None:
    options = cli.parse_args([])
    assert options == cli.Options(quick=False, json=False)
    assert options.plan == FULL


def test_quick_and_json_are_independent_switches() -> None:
    assert cli.parse_args(["--quick"]).plan == QUICK
    assert cli.parse_args(["--json"]) == cli.Options(quick=False, json=True)
    assert cli.parse_args(["--json", "--quick"]) == cli.Options(quick=True, json=True)


def test_the_quick_plan_is_smaller_in_every_respect() -> None:
    assert QUICK.han_steps < FULL.han_steps
    assert QUICK.pixel_samples < FULL.pixel_samples
    assert QUICK.startup_runs < FULL.startup_runs
    assert QUICK.soak_s < FULL.soak_s


@pytest.mark.parametrize("argv", [["--fast"], ["quick"], ["--json=yes"]])
def test_a_bad_command_line_exits_with_status_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.parse_args(argv)
    assert exit_info.value.code == 2
    assert "usage: python -m benchmarks" in capsys.readouterr().err


def test_missed_targets_do_not_fail_the_run_but_a_benchmark_that_raised_does() -> None:
    assert cli.exit_status(_results()) == 0
    broken = _results(failures=(Failure("startup_s", "RuntimeError: no app"),))
    assert cli.exit_status(broken) == 1


def test_json_mode_prints_one_object_and_nothing_else(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = []

    def fake_run_all(plan: object) -> Results:
        seen.append(plan)
        print("chatter from the code under test")
        return _results()

    monkeypatch.setattr(runner, "run_all", fake_run_all)
    status = cli.main(["--quick", "--json"])
    out, err = capsys.readouterr()
    assert status == 0
    assert seen == [QUICK]
    assert json.loads(out)["han_reports_per_s"]["value"] == pytest.approx(6123.4)
    assert "chatter" in err


def test_table_mode_reports_a_failed_benchmark_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        runner, "run_all", lambda plan: _results(failures=(Failure("startup_s", "boom"),))
    )
    assert cli.main([]) == 1
    out = capsys.readouterr().out
    assert "startup_s: boom" in out
    assert "han_reports_per_s" in out


# Rendering -----------------------------------------------------------------------------------


def test_json_keys_figures_by_name_with_target_and_verdict() -> None:
    document = json.loads(render_json(_results()))
    assert document["han_reports_per_s"] == {
        "value": 6123.4,
        "unit": "frames/s",
        "target": ">= 5000",
        "met": True,
        "detail": "6000 frames",
    }
    assert document["report_to_pixel_p95_ms"]["met"] is False
    assert document["report_to_pixel_p95_ms"]["target"] == "<= 50"
    assert document["zigpy_reports_per_s"]["target"] is None
    assert document["zigpy_reports_per_s"]["met"] is None
    assert document["_machine"] == {"cpu_count": 2, "python": "3.11.7"}
    assert document["_date"] == "2026-01-01T12:00:00+00:00"
    assert document["_errors"] == {}


def test_json_lists_errors_by_benchmark() -> None:
    results = _results(failures=(Failure("report_to_pixel", "TimeoutError: "),))
    assert as_json_object(results)["_errors"] == {"report_to_pixel": "TimeoutError: "}


def test_table_shows_value_unit_target_and_whether_met() -> None:
    lines = render_table(_results()).splitlines()
    assert lines[0].split() == ["Figure", "Value", "Unit", "Target", "Met"]
    rows = {line.split()[0]: line.split() for line in lines[2:5]}
    assert rows["han_reports_per_s"] == [
        "han_reports_per_s",
        "6,123",
        "frames/s",
        ">=",
        "5000",
        "yes",
    ]
    assert rows["report_to_pixel_p95_ms"][-1] == "no"
    assert rows["zigpy_reports_per_s"][-2:] == ["-", "-"]
    text = "\n".join(lines)
    assert "han_reports_per_s: 6000 frames" in text
    assert "Machine: cpu_count 2, python 3.11.7" in text
    assert "Errors" not in text


def test_table_lists_errors() -> None:
    text = render_table(_results(failures=(Failure("startup_s", "RuntimeError: gone"),)))
    assert "startup_s: RuntimeError: gone" in text


@pytest.mark.parametrize(
    ("value", "shown"), [(12345.6, "12,346"), (123.45, "123.5"), (1.234, "1.23"), (0.0, "0.00")]
)
def test_values_are_shown_to_a_sensible_precision(value: float, shown: str) -> None:
    assert format_value(value) == shown


def test_targets_are_judged_inclusively() -> None:
    assert at_least("a", 5000, "frames/s", 5000).met is True
    assert at_most("b", 50.0, "ms", 50).met is True
    assert at_most("b", 50.01, "ms", 50).met is False


def test_our_layers_are_judged_by_cpu_time_with_the_parts_of_the_run_shown() -> None:
    from benchmarks.our_layers import ratio

    def pair(display_cpu_s: float, display_wall_s: float) -> tuple[SideTiming, SideTiming]:
        return SideTiming(3000, display_wall_s, display_cpu_s), SideTiming(3000, 1.0, 1.0)

    # By CPU time the display side managed 0.75 of zigpy's rate; by wall time (another process
    # took the machine meanwhile) a quarter.
    judged = ratio(pair(4 / 3, 4.0), [pair(2.0, 2.0), pair(4 / 3, 1.5), pair(1 / 0.95, 1.1)])
    assert judged.key == "han_vs_zigpy_ratio"
    assert judged.value == pytest.approx(0.75)
    assert judged.met is False  # our layers must cost at most a tenth on top of zigpy
    assert "by thirds of the run 0.50, 0.75, 0.95" in judged.detail
    assert "by wall time 0.25" in judged.detail
    assert ratio(pair(1 / 0.9, 5.0), []).met is True


def test_pairs_taken_in_turns_are_judged_by_their_median() -> None:
    from benchmarks.pairs import median_ratio

    def pair(judged_cpu_s: float) -> tuple[SideTiming, SideTiming]:
        return SideTiming(100, 1.0, judged_cpu_s), SideTiming(100, 1.0, 1.0)

    figure = median_ratio("r", [pair(2.0), pair(1 / 0.95), pair(4 / 3)], minimum=0.9, what="a / b")
    assert figure.value == pytest.approx(0.75)
    assert "0.50, 0.75, 0.95" in figure.detail
    assert figure.met is False


# The benchmark itself, tiny ------------------------------------------------------------------


async def test_the_throughput_benchmarks_run_end_to_end_on_a_tiny_sample() -> None:
    from benchmarks.han_throughput import han_reports_per_s
    from benchmarks.harness import distinct_frames
    from benchmarks.our_layers import our_layers_against_zigpy

    frames: list[t.ZigbeePacket] = []
    han = await han_reports_per_s(50, batch=20, warm_up_steps=10, record=frames)
    assert han.key == "han_reports_per_s"
    assert han.unit == "frames/s"
    assert han.value > 0
    assert han.met is not None
    assert frames, "the timed steps sent no frames"

    display, zigpy, ratio = await our_layers_against_zigpy(frames, batch=7)
    assert zigpy.key == "zigpy_reports_per_s"
    assert zigpy.value > 0
    assert display.key == "han_display_side_reports_per_s"
    assert display.value > 0
    distinct = len(distinct_frames(frames))
    assert distinct > 0
    assert f"the {distinct} distinct frames" in display.detail
    assert f"zigpy decoded all {distinct} frames" in zigpy.detail
    assert ratio.key == "han_vs_zigpy_ratio"
    assert ratio.value > 0  # both sides took CPU time: the ratio is of their rates by it


async def test_the_coordinator_benchmark_counts_every_report_through_zigpy_znp() -> None:
    from benchmarks.coordinator_throughput import coordinator_reports_per_s, coordinator_vs_virtual

    timing: list[SideTiming] = []
    figure = await coordinator_reports_per_s(50, batch=20, warm_up_steps=10, timing=timing)
    assert figure.key == "coordinator_reports_per_s"
    assert figure.unit == "frames/s"
    assert figure.value > 0
    assert "reached zigpy through the emulated ZNP coordinator" in figure.detail
    assert timing[0].frames > 0
    assert timing[0].cpu_s > 0
    virtual = SideTiming(timing[0].frames, timing[0].wall_s, timing[0].cpu_s / 2)
    ratio = coordinator_vs_virtual("znp", [(timing[0], virtual)])
    assert ratio.key == "coordinator_vs_virtual_ratio"
    assert ratio.value == pytest.approx(0.5)
    assert ratio.target == ">= 0.9"
    assert ratio.met is False


async def test_the_coordinator_benchmark_counts_every_report_through_bellows() -> None:
    from benchmarks.coordinator_throughput import coordinator_reports_per_s, coordinator_vs_virtual

    timing: list[SideTiming] = []
    figure = await coordinator_reports_per_s(
        50, batch=20, warm_up_steps=10, radio_name="ezsp", timing=timing
    )
    assert figure.key == "coordinator_ezsp_reports_per_s"
    assert figure.unit == "frames/s"
    assert figure.value > 0
    assert "reached zigpy through the emulated EZSP coordinator" in figure.detail
    virtual = SideTiming(timing[0].frames, timing[0].wall_s, timing[0].cpu_s / 4)
    ratio = coordinator_vs_virtual("ezsp", [(timing[0], virtual)])
    assert ratio.key == "coordinator_ezsp_vs_virtual_ratio"
    assert ratio.value == pytest.approx(0.25)


@pytest.mark.logs_warning(r"not this protocol", r"malformed", r"failed", r"refused", r"hello")
async def test_the_hostile_soak_runs_briefly_and_reports_its_figures() -> None:
    from benchmarks.soak_hostile import CRASHES_KEY, CREDIT_KEY, STALENESS_KEY, soak_hostile

    figures = {figure.key: figure for figure in await soak_hostile(3.0)}
    assert {CRASHES_KEY, STALENESS_KEY, CREDIT_KEY} <= set(figures)
    assert all(figures[key].met is not None for key in (CRASHES_KEY, STALENESS_KEY, CREDIT_KEY))
    assert figures["soak_hostile_frames"].value > 0  # the hostile client did its work


def test_the_emulator_benchmarks_run_on_a_tiny_sample() -> None:
    from benchmarks import emulator

    rate = emulator.emulated_s_per_wall_s(days=0)
    assert rate.key == "emulated_s_per_wall_s"
    population = emulator.homes_realtime_per_core(homes=2, steps=3)
    assert population.key == "homes_realtime_per_core"
    assert population.value > 0
    home, display = emulator.home_with_reports_on(history_days=1)
    for _ in range(30):
        home.step()
    assert display.frames > 0  # reports really go on the air


def test_a_start_is_timed_to_the_first_reading_on_screen_and_to_its_exit(tmp_path: Path) -> None:
    from benchmarks.startup import describe, time_one_start

    times = time_one_start(tmp_path / "start.png", tmp_path / "cache")
    assert 0 < times.shown_s < times.exit_s
    assert (tmp_path / "start.png").stat().st_size > 0
    assert "to the first reading on screen; to the process's exit" in describe([times])
