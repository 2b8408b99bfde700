"""The console's observation panel: codes by button and by key, notes, all at the session's time
and under the observer's name, on disk as they are made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.trial.observations import Mark, Source, observations
from app.trial.store import TrialStore
from app.trial.study import load_study
from app.trial_ui.console_host import OperatorConsole
from app.ui import i18n
from tests.app.trial.hand_clock import HandClock

START = 80_000.0


async def test_codes_and_notes_from_the_console(tmp_path: Path) -> None:
    study = load_study("ihd-money-or-energy")
    db = tmp_path / "t.sqlite"
    clock = HandClock(START)
    console = OperatorConsole(
        study, db, history_days=2, listen=("127.0.0.1", 0), embed=False, now=clock
    )
    window = await console.start()
    panel = window.observation
    try:
        assert not panel.codes["error"].isEnabled()  # nobody is taking part yet
        panel.observer.setText("GP")
        window.tasks.participant.setCurrentText("P02")
        QTest.mouseClick(window.tasks.start_participant, Qt.MouseButton.LeftButton)
        assert panel.codes["error"].isEnabled()
        assert panel.codes["hesitation"].text() == "Hesitation [H]"

        clock.now = START + 5
        QTest.mouseClick(panel.codes["hesitation"], Qt.MouseButton.LeftButton)  # starts
        assert panel.codes["hesitation"].isChecked()
        clock.now = START + 9.5
        QTest.keyClick(window.tasks.finish_participant, Qt.Key.Key_H)  # its key, anywhere
        assert not panel.codes["hesitation"].isChecked()
        clock.now = START + 12
        QTest.keyClick(window, Qt.Key.Key_E)
        clock.now = START + 20
        QTest.keyClicks(panel.note, "looked for a back button")  # typing "e" here is not a code
        QTest.keyClick(panel.note, Qt.Key.Key_Return)
        assert panel.note.text() == ""
        assert panel.recent.item(0).text() == "0:00:20.0  looked for a back button"
        assert panel.recent.item(1).text() == "0:00:12.0  Error"
        assert panel.recent.item(2).text() == "0:00:09.5  Hesitation (stop)"

        # On disk already, as another process would read it.
        record = TrialStore(db)
        found = observations(record, record.sessions())
        record.close()
        assert [(o.participant, o.observer, o.at_s, o.code, o.mark, o.note, o.source)
                for o in found] == [
            ("P02", "GP", 5.0, "hesitation", Mark.START, "", Source.LIVE),
            ("P02", "GP", 9.5, "hesitation", Mark.STOP, "", Source.LIVE),
            ("P02", "GP", 12.0, "error", Mark.POINT, "", Source.LIVE),
            ("P02", "GP", 20.0, "", Mark.POINT, "looked for a back button", Source.LIVE),
        ]  # fmt: skip

        panel.observer.setText("")
        QTest.mouseClick(panel.codes["error"], Qt.MouseButton.LeftButton)
        assert panel.problem.text() == "Write the observer's name or initials first."
    finally:
        await console.stop()


async def test_the_panel_speaks_welsh(tmp_path: Path) -> None:
    i18n.use_language("cy")  # English again after the test (tests/ihd/conftest.py)
    study = load_study("ihd-money-or-energy")
    console = OperatorConsole(
        study, tmp_path / "t.sqlite", history_days=2, listen=("127.0.0.1", 0), embed=False
    )
    window = await console.start()
    panel = window.observation
    try:
        assert panel.title() == "Arsylwi"
        assert panel.add_note.text() == "Ychwanegu nodyn"
        assert [button.text() for button in panel.codes.values()] == [
            "Petruso [H]", "Gwall [E]", "Gofyn am help [A]",
        ]  # fmt: skip
        window.tasks.participant.setCurrentText("P01")
        QTest.mouseClick(window.tasks.start_participant, Qt.MouseButton.LeftButton)
        QTest.mouseClick(panel.codes["hesitation"], Qt.MouseButton.LeftButton)
        assert panel.recent.item(0).text().endswith("Petruso (dechrau)")
    finally:
        await console.stop()
