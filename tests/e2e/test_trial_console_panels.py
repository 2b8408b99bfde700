"""The console's controls act on the hosted home and are written to the record."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.trial.conditions import observe
from app.trial.home_controls import Injection
from app.trial.store import TrialStore
from app.trial.study import load_study
from app.trial_ui.console_host import OperatorConsole
from home_emulator.devices.esme import SUPPLY_OFF


async def test_clock_injections_vending_and_the_scenarios_script(tmp_path: Path) -> None:
    study = load_study("prepay-basics")
    console = OperatorConsole(
        study, tmp_path / "t.sqlite", history_days=2, listen=("127.0.0.1", 0), embed=False
    )
    window = await console.start()
    home = console.home
    try:
        assert home.clock.now() < study.scenario.events[0].at_s
        assert not home._agenda  # the scenario's script waits for the researcher

        panel = window.home
        QTest.mouseClick(panel.pause, Qt.MouseButton.LeftButton)
        paused = home.clock.paused  # a name: asserting the attribute would fix it for mypy
        assert paused
        assert panel.pause.text() == "Resume"
        QTest.mouseClick(panel.pause, Qt.MouseButton.LeftButton)
        assert not home.clock.paused
        panel.speed.setCurrentIndex(panel.speed.findData(600))
        assert home.clock.speed == 600

        QTest.mouseClick(panel.injections[Injection.DISCONNECT], Qt.MouseButton.LeftButton)
        assert home.esme.supply_status == SUPPLY_OFF
        QTest.mouseClick(panel.injections[Injection.NO_CREDIT], Qt.MouseButton.LeftButton)
        assert observe(home).balance_pence == 60
        assert panel.done.text() == "Done: electricity credit set to £0.60"
        QTest.mouseClick(panel.vend, Qt.MouseButton.LeftButton)
        code = panel.vended.text().replace(" ", "")
        assert len(code) == 20
        assert home.esme.prepay.top_up(code)[0] == 0

        script = window.scenario
        script.events.setCurrentRow(2)  # 20:15, a relative tops up £20 online
        QTest.mouseClick(script.now, Qt.MouseButton.LeftButton)
        assert script.done.text() == "Done: £20.00 electricity credit added remotely"
        QTest.mouseClick(script.jump, Qt.MouseButton.LeftButton)
        assert home.clock.now() >= study.scenario.events[2].at_s
        assert not script.jump.isEnabled()  # it is past now
    finally:
        await console.stop()
    record = TrialStore(tmp_path / "t.sqlite")
    kinds = [(e.kind, e.target) for e in record.events() if e.source == "console"]
    record.close()
    assert kinds == [
        ("clock", "paused"),
        ("clock", "resumed"),
        ("clock", "speed ×600"),
        ("inject", "disconnect"),
        ("inject", "no_credit"),
        ("vend", "£10"),
        ("scenario", "top_up"),
        ("clock", "moved"),
    ]
