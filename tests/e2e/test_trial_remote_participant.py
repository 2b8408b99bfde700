"""A participant display on another screen: attached to the console's home over TCP with
``--source tcp://… --trial FILE --participant ID``, it records into the console's trial, and the
console judges the task on the home."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.connection.han_access import format_install_code
from app.host.running import RunningApp
from app.settings.options import Options
from app.trial.study import load_study
from app.trial_ui.console_host import REMOTE_DISPLAYS, OperatorConsole


async def until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - what a person would see, polled
            await asyncio.sleep(0.02)


async def test_a_display_attached_over_tcp_records_into_the_console_trial(tmp_path: Path) -> None:
    db = tmp_path / "trial.sqlite"
    console = OperatorConsole(
        load_study("prepay-basics"),
        db,
        speed=60,
        history_days=3,
        listen=("127.0.0.1", 0),
        embed=False,
    )
    window = await console.start()
    assert console.address.startswith("tcp://127.0.0.1:")
    hint = console.attach_hint()
    assert console.address in hint
    for ieee, code in console.install_codes.items():
        assert f"{ieee}  {format_install_code(code)}" in hint
    options = Options(
        mode="ppmid",
        source=console.address,
        display_ieee=REMOTE_DISPLAYS[0],
        install_code=console.install_codes[REMOTE_DISPLAYS[0]],  # as the console shows it
        trial_db=db,
        participant="P01",
    )
    display = RunningApp(options, history_path=tmp_path / "history.sqlite3")
    try:
        shell = (await display.start()).view
        balance = shell.page_for("balance")  # type: ignore[attr-defined]
        await until(lambda: bool(balance.cards) and balance.top_up.isEnabled())
        assert sorted(console.server.displays) == [REMOTE_DISPLAYS[0]]

        console.conductor.start_participant("P01")
        running = console.conductor.start_task("top-up")
        assert running.code is not None
        QTest.mouseClick(balance.top_up, Qt.MouseButton.LeftButton)
        page = shell.page_for("top_up")  # type: ignore[attr-defined]
        QTest.keyClicks(page, running.code)
        QTest.keyClick(page, Qt.Key.Key_Return)
        await until(lambda: console.conductor.running is None)
        await until(lambda: "added" in page.result.text())  # the display heard the answer
        assert console.conductor.sitting is not None
        assert console.conductor.sitting.outcomes == {"top-up": "success"}
        window.refresh()
        assert "P01, PPMID last saw ppmid-top-up" in window.displays.attached.text()
    finally:
        await display.stop()
        await console.stop()
    from app.trial.store import TrialStore

    record = TrialStore(db)
    try:
        [session] = record.sessions("prepay-basics")
        [run] = record.task_runs(session.id)
        kinds = [(e.source, e.kind, e.target) for e in record.events(task_run_id=run.id)]
        # The task ends the moment the meter has the credit; the display hears the answer after.
        sitting = [(e.source, e.kind, e.target) for e in record.events(session_id=session.id)]
    finally:
        record.close()
    assert ("display:ppmid", "screen", "ppmid-top-up") in kinds
    assert ("display:ppmid", "key", "digit") in kinds
    assert ("display:ppmid", "command", "top_up") in sitting
