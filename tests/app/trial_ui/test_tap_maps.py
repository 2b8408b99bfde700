"""The report's tap maps: per screen of each display, every participant's taps at their recorded
positions on the screen as the replay draws it – a green dot for a hit, a red cross for a miss."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.settings.display_settings import DisplaySettings
from app.trial.display_state import DISPLAY, DisplayState
from app.trial.model_state import model_parts
from app.trial.store import TrialStore
from app.trial.study import load_study
from app.trial_ui import report_command
from han.model import HomeModel

ROOT = Path(__file__).resolve().parents[3]
STUDY = ROOT / "resources" / "studies" / "ihd-money-or-energy.toml"

HOME_TAPS = {"P01": [(100, 200, "cost-card"), (700, 60, "")], "P02": [(300, 250, "")]}
HISTORY_TAPS = {"P02": [(400, 300, "week")]}
VARIANT = {"P01": "money", "P02": "energy"}


def _tap(store: TrialStore, who: str, x: int, y: int, control: str, screen: str) -> None:
    detail = json.dumps({"x": x, "y": y, "screen": screen})
    store.record(who, "display:ihd", "tap", control, detail)


def a_record(path: Path) -> Path:
    study = load_study(str(STUDY))
    store = TrialStore(path)
    display = DisplayState("ihd", (800, 480), DisplaySettings()).text()
    for who in ("P01", "P02"):
        store.record_states(who, "display:ihd", {DISPLAY: display, **model_parts(HomeModel())})
        session = store.open_session(study.id, who, ["cost-now"])
        run = store.start_task(session, "cost-now", 1, VARIANT[who])
        store.record(who, "display:ihd", "screen", "ihd-home")
        for x, y, control in HOME_TAPS.get(who, []):
            _tap(store, who, x, y, control, "ihd-home")
        if who in HISTORY_TAPS:
            store.record(who, "display:ihd", "screen", "ihd-history")
            for x, y, control in HISTORY_TAPS[who]:
                _tap(store, who, x, y, control, "ihd-history")
        store.end_task(run, "success")
        # Between tasks the display shows a questionnaire over the screen: not the design tested.
        _tap(store, who, 600, 150, "5", "")
        store.close_session(session)
    store.close()
    return path


def _near(image: QImage, x: int, y: int, colour: str) -> bool:
    """The colour is under the tap position (antialiasing aside)."""
    want = QColor(colour)
    got = image.pixelColor(x, y)
    return all(
        abs(a - b) <= 40
        for a, b in zip(
            (got.red(), got.green(), got.blue()),
            (want.red(), want.green(), want.blue()),
            strict=True,
        )
    )


def test_a_tap_map_per_screen_marks_hits_and_misses_where_they_were(
    qapp: QApplication, tmp_path: Path
) -> None:
    record = a_record(tmp_path / "trial.sqlite")
    out = tmp_path / "report"
    assert report_command.main(["report", str(STUDY), "--db", str(record), "--out", str(out)]) == 0
    # One map per screen of each design variant: P01 used the £-first design, P02 the kWh-first.
    home = out / "tap-map-ihd-money-ihd-home.png"
    home_energy = out / "tap-map-ihd-energy-ihd-home.png"
    history = out / "tap-map-ihd-energy-ihd-history.png"
    assert sorted(path.name for path in out.glob("tap-map-*.png")) == sorted(
        path.name for path in (home, home_energy, history)
    )
    page = (out / "report.html").read_text()
    for image_file in (home, home_energy, history):
        assert stat.S_IMODE(image_file.stat().st_mode) == 0o600
        assert f"src='{image_file.name}'" in page
    image = QImage(str(home))
    assert image.width() == 800
    assert image.height() > 480  # the legend under the screen
    assert _near(image, 100, 200, "#1b7f3b")  # P01's hit
    assert _near(image, 700, 60, "#c62828")  # P01's miss
    assert not _near(image, 300, 250, "#c62828")  # P02's miss is on the kWh-first map
    energy = QImage(str(home_energy))
    assert _near(energy, 300, 250, "#c62828")
    # A miss is a cross, not a dot: its arms reach out diagonally, its sides stay the screen's.
    assert _near(energy, 305, 255, "#c62828")
    assert not _near(energy, 306, 250, "#c62828")
    # A hit is a filled dot, round on every side.
    assert _near(image, 104, 200, "#1b7f3b")
    assert _near(image, 100, 204, "#1b7f3b")
    assert not _near(image, 600, 150, "#1b7f3b")  # the questionnaire's tap is left out
    again = QImage(str(history))
    assert _near(again, 400, 300, "#1b7f3b")
    assert not _near(again, 100, 200, "#1b7f3b")  # P01's home taps are not on the history map
    assert "Tap maps" in page
