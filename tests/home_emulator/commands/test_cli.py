"""``python -m home_emulator``: subcommands and their errors, run as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

KEYS = Path(__file__).resolve().parents[2] / "fixtures" / "gbcs-test-keys"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "home_emulator", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_vend_prints_the_known_answer() -> None:
    result = _run(
        "vend",
        "--supplier-key", str(KEYS / "90b3d51f30010000-pp-ka.key"),
        "--meter-cert", str(KEYS / "00db1234567890a0-ka.pem"),
        "--originator", "90B3D51F30010000",
        "--target", "00DB1234567890A0",
        "--counter", "0x400000000",
        "--pennies", "1234",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "73947252416745201637"


def test_a_subcommand_is_required() -> None:
    result = _run()
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_lists_vend() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "vend" in result.stdout


def test_run_prints_the_final_state_as_json() -> None:
    import json

    result = _run(
        "run",
        "--scenario",
        "outage-and-messages",
        "--speed",
        "100000",
        "--for",
        "6h",
        "--history-days",
        "2",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert set(state["devices"]) == {"ESME", "CHF", "GPF"}
    kinds = [event["kind"] for event in state["devices"]["CHF"]["events"]]
    assert "mains lost" in kinds
    assert "mains restored" in kinds
    assert state["devices"]["ESME"]["registers"]["import_wh"] > 0


def test_run_records_a_pcap(tmp_path: Path) -> None:
    capture = tmp_path / "home.pcap"
    result = _run(
        "run",
        "--scenario",
        "family-dual-fuel",
        "--speed",
        "100000",
        "--for",
        "10m",
        "--history-days",
        "1",
        "--pcap",
        str(capture),
    )
    assert result.returncode == 0, result.stderr
    assert capture.read_bytes()[:4] == bytes.fromhex("d4c3b2a1")  # little-endian libpcap magic


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--scenario", "no-such-home"], "no-such-home"),
        (["--speed", "0"], "speed must be between"),
        (["--for", "forever"], "is not a duration"),
    ],
)
def test_run_refuses_bad_input_with_one_line(args: list[str], complaint: str) -> None:
    result = _run("run", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert complaint in lines[0]


def test_run_names_the_line_of_a_bad_scenario_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'name = "x"\ndescription = "y"\n[home]\nhousehold = "family_of_four"\nseed = 1\nstart = "2026-01-12T07:00"\nspeed = 0\n'
    )
    result = _run("run", "--scenario", str(bad))
    assert result.returncode == 2
    assert "line 7" in result.stderr
    assert "speed" in result.stderr


def test_vend_for_an_emulated_home_gives_codes_its_meter_accepts(tmp_path: Path) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.metering.credit_engine import PrepaymentStart
    from home_emulator.metering.top_up_gate import TopUpResult

    ledger = tmp_path / "ledger.json"
    codes = [
        _run(
            "vend", "--home", "pensioner-prepay", "--pounds", "10", "--ledger", str(ledger)
        ).stdout.strip()
        for _ in range(2)
    ]
    assert codes[0] != codes[1]
    start = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()
    home = EmulatedHome(
        HomeSpec(start_epoch_s=start, history_days=1, electricity_prepayment=PrepaymentStart())
    )
    assert home.esme.prepay.top_up(codes[0]) == (TopUpResult.ACCEPTED, 1000)
    assert home.esme.prepay.top_up(codes[1]) == (TopUpResult.ACCEPTED, 1000)
    home.close()


def test_vend_needs_a_home_or_every_key_option() -> None:
    result = _run("vend", "--pounds", "10")
    assert result.returncode == 2
    assert "give --home NAME" in result.stderr
    unknown = _run("vend", "--home", "atlantis", "--pounds", "10")
    assert unknown.returncode == 2
    assert "no emulated home called 'atlantis'" in unknown.stderr


def test_run_with_a_store_resumes_where_it_stopped(tmp_path: Path) -> None:
    import json

    store = tmp_path / "homes.sqlite"
    common = [
        "run",
        "--scenario",
        "family-dual-fuel",
        "--speed",
        "100000",
        "--history-days",
        "2",
        "--store",
        str(store),
        "--json",
    ]
    first = json.loads(_run(*common, "--for", "2h").stdout)
    second = _run(*common, "--for", "1h")
    assert second.returncode == 0, second.stderr
    assert "resumed 'family-dual-fuel'" in second.stderr
    resumed = json.loads(second.stdout)
    assert resumed["epoch_s"] == first["epoch_s"] + 3600
    assert (
        resumed["devices"]["ESME"]["registers"]["import_wh"]
        >= first["devices"]["ESME"]["registers"]["import_wh"]
    )
    assert resumed["devices"]["CHF"]["messages"] == first["devices"]["CHF"]["messages"] or len(
        resumed["devices"]["CHF"]["messages"]
    ) >= len(first["devices"]["CHF"]["messages"])


def test_run_without_a_speed_goes_as_fast_as_it_can() -> None:
    import json
    from datetime import datetime, timedelta

    # A day: paced at the scenario's ×1 this would take a day, not the test's minute.
    result = _run("run", "--for", "1d", "--history-days", "1", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress line when nobody is at a terminal
    ended = datetime.fromisoformat(json.loads(result.stdout)["time"])
    with_speed = _run("run", "--for", "0s", "--history-days", "1", "--json")
    started = datetime.fromisoformat(json.loads(with_speed.stdout)["time"])
    assert ended - started == timedelta(days=1)


def test_run_shows_its_progress_on_a_terminal() -> None:
    import os
    import pty

    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "home_emulator", "run", "--for", "1d", "--history-days", "1"],
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
        )
        os.close(follower)
        summary, _ = process.communicate(timeout=60)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end is closed once the run has ended
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert process.returncode == 0
    assert "electricity import" in summary
    lines = shown.decode().replace("\r\n", "\n").split("\r")
    assert lines[-1].rstrip().endswith("100%"), shown
    assert lines[-1].startswith("run: ")
