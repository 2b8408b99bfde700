"""The operator console fits a laptop's screen (1280×720 and 1366×768) in English and Welsh, shows
all of its text there at every task of a participant, keeps its size when a task starts, and puts
the right answer in front of the researcher on a task they judge."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from app.trial.study import SuccessKind, load_study
from app.trial_ui.console_host import LAPTOP, OperatorConsole
from app.trial_ui.console_window import ConsoleWindow
from app.trial_ui.displays_panel import DisplaysPanel
from app.ui.i18n import current_language, use_language
from tests.layout.audit_camera import settled
from tests.layout.readable import findings
from tests.layout.welsh import english_left, visible_texts

LAPTOPS = ((1280, 720), (1366, 768))
TITLE_BAR_AND_PANEL_PX = 40
"""What a laptop's window manager takes of its 720 px: the console's window gets the rest."""


@pytest.fixture
def quiet_windows(qapp: QApplication) -> Iterator[None]:
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


@contextlib.asynccontextmanager
async def _console(folder: Path) -> AsyncIterator[OperatorConsole]:
    console = OperatorConsole(
        load_study("prepay-basics"), folder / "t.sqlite", history_days=2, listen=("127.0.0.1", 0)
    )
    await console.start()
    try:
        yield console
    finally:
        await console.stop()


def _fits_a_laptop(window: ConsoleWindow) -> None:
    least = window.minimumSizeHint()
    assert least.width() <= LAPTOPS[0][0], f"needs {least.width()} px wide"
    assert least.height() <= LAPTOPS[0][1] - TITLE_BAR_AND_PANEL_PX, f"needs {least.height()} px"


def _window_in(console: OperatorConsole, language: str) -> ConsoleWindow:
    """The console's window built in ``language`` (the console is put into words when built),
    on the same conductor and displays."""
    assert console.window is not None
    if language == current_language():
        return console.window
    use_language(language)
    panel = console.window.displays
    displays = DisplaysPanel(panel.store, panel.embedded, panel.remote)
    return ConsoleWindow(console.conductor, displays, console.attach_hint())


async def test_the_console_fits_a_laptop_and_keeps_its_size_through_every_task(
    tmp_path: Path, quiet_windows: None
) -> None:
    async with _console(tmp_path) as console:
        await _keeps_its_size(console)


async def _keeps_its_size(console: OperatorConsole) -> None:
    window = console.window
    assert window is not None
    assert window.size().width() <= LAPTOP.width()
    assert window.size().height() <= LAPTOP.height()
    _fits_a_laptop(window)
    opened = window.size()
    tasks = window.tasks
    tasks.participant.setCurrentText("P01")
    tasks.start_participant.click()
    sitting = console.conductor.sitting
    assert sitting is not None
    judged = 0
    for _ in sitting.order:
        tasks.start_task.click()
        running = console.conductor.running
        assert running is not None
        await settled()
        assert window.size() == opened, f"grew when {running.task.id!r} started"
        _fits_a_laptop(window)
        success = running.task.success
        if success.kind is SuccessKind.RESEARCHER:
            judged += 1
            assert tasks.expected.isVisible()
            assert success.expected in tasks.expected.text()
        else:
            assert not tasks.expected.isVisible()
        tasks.skip.click()
        await settled()
        assert not tasks.expected.isVisible()
    assert judged, "the study has a task the researcher judges"


async def test_the_console_shows_all_its_text_on_a_laptop_in_english_and_welsh(
    tmp_path: Path, quiet_windows: None
) -> None:
    async with _console(tmp_path) as console:
        await _shows_all_its_text(console)


async def _shows_all_its_text(console: OperatorConsole) -> None:
    assert console.window is not None
    tasks = console.window.tasks
    tasks.participant.setCurrentText("P01")
    tasks.start_participant.click()
    sitting = console.conductor.sitting
    assert sitting is not None
    started = current_language()
    found: dict[str, set[str]] = {}
    windows = {language: _window_in(console, language) for language in ("en", "cy")}
    use_language(started)
    try:
        for step in sitting.order:
            tasks.start_task.click()
            english: dict[str, str] = {}
            for language, window in windows.items():
                use_language(language)
                window.refresh()
                window.show()
                for width, height in LAPTOPS:
                    window.resize(QSize(width, height - TITLE_BAR_AND_PANEL_PX))
                    await settled()
                    for finding in findings(window):
                        found.setdefault(f"{step}: {finding}", set()).add(f"{language} {width}")
                if language == "en":
                    english = visible_texts(window)
                else:
                    for text in english_left(english, visible_texts(window), _authored(console)):
                        found.setdefault(f"{step}: English in Welsh: {text!r}", set()).add("cy")
            tasks.skip.click()
    finally:
        use_language(started)
        windows["cy"].close()
    assert not found, "\n".join(f"{what}  {sorted(where)}" for what, where in sorted(found.items()))


def _authored(console: OperatorConsole) -> tuple[str, ...]:
    """What the study's author wrote, in the language of their participants."""
    study = console.study
    written = [study.title, study.scenario.name, study.scenario.description]
    for task in study.tasks:
        written += [task.instruction, task.success.expected]
    return tuple(text for text in written if text)


async def test_the_console_says_everything_in_welsh_once_switched_while_open(
    tmp_path: Path, quiet_windows: None
) -> None:
    """As the devices do: a console opened in English and switched to Welsh while a task runs
    re-words its panels, tabs, buttons and captions, and what the researcher has just done."""
    started = current_language()
    use_language("en")
    try:
        async with _console(tmp_path) as console:
            window = console.window
            assert window is not None
            tasks = window.tasks
            tasks.participant.setCurrentText("P01")
            tasks.start_participant.click()
            tasks.start_task.click()
            window.observation.observer.setText("")  # so a note is refused, in words
            window.observation.note.setText("a note")
            window.observation.add_note.click()
            window.refresh()
            window.show()
            await settled()
            english = visible_texts(window)
            assert window.observation.problem.text()
            use_language("cy")
            await settled()
            welsh = visible_texts(window)
            left = english_left(english, welsh, _authored(console))
            assert not left, left
            assert tasks.skip.text() not in english.values()
            # The home's state is one label of lines whose words are looked up each refresh:
            # the supply and emergency-credit words must change too, not only the captions.
            english_words = {"off", "on", "armed (the household may switch it on)", "available",
                             "not available", "in use", "used up"}  # fmt: skip
            state_lines = window.home.state.text().splitlines()
            values = {line.split(": ", 1)[1] for line in state_lines if ": " in line}
            assert values, state_lines
            assert not values & english_words, state_lines
            window.close()
    finally:
        use_language(started)
