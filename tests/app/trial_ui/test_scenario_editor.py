"""The scenario editor checks a scenario as the loader does, and saves only good files."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot


def test_the_scenario_editor_checks_like_the_loader_and_saves_only_good_files(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from app.trial_ui.scenario_editor import ScenarioEditor
    from home_emulator.scenario.model import SCENARIO_DIR, load_scenario

    source = SCENARIO_DIR / "pensioner-prepay.toml"
    editor = ScenarioEditor(source)
    qtbot.addWidget(editor)
    assert editor.check_text()
    assert editor.verdict.text() == "Good: “Pensioner, prepayment”, 3 scripted events."
    text = source.read_text()
    editor.text.setPlainText(text.replace('credit = "4.20"', 'credit = "lots"'))
    target = tmp_path / "richer.toml"
    assert not editor.save_to(target)
    assert not target.exists()
    assert "line 26: electricity.prepayment.credit" in editor.verdict.text()
    assert editor.text.textCursor().blockNumber() == 25  # the cursor is on the line at fault
    editor.text.setPlainText(text.replace('credit = "4.20"', 'credit = "40.00"'))
    assert editor.save_to(target)
    prepayment = load_scenario(target).electricity.prepayment
    assert prepayment is not None, "the saved scenario is on prepayment"
    assert str(prepayment.credit) == "40.00"
    assert source.read_text() == text  # the original is untouched


def test_a_mistake_after_wrapped_lines_selects_its_own_whole_line(qtbot: QtBot) -> None:
    from app.trial_ui.scenario_editor import ScenarioEditor
    from home_emulator.scenario.model import SCENARIO_DIR

    source = SCENARIO_DIR / "pensioner-prepay.toml"
    editor = ScenarioEditor(source)
    qtbot.addWidget(editor)
    editor.resize(360, 640)  # narrow: long lines wrap on screen
    editor.show()
    qtbot.waitExposed(editor)
    lines = source.read_text().splitlines()
    # A long comment near the top wraps over several screen lines above the mistake.
    lines.insert(1, "# " + "a comment long enough to wrap over several screen lines " * 4)
    at_fault = next(n for n, line in enumerate(lines) if line.startswith('credit = "4.20"'))
    lines[at_fault] = 'credit = "lots"'
    editor.text.setPlainText("\n".join(lines) + "\n")
    assert editor.text.document().lineCount() > len(lines)  # some lines did wrap
    assert not editor.check_text()
    cursor = editor.text.textCursor()
    assert cursor.blockNumber() == at_fault
    assert cursor.selectedText() == 'credit = "lots"'


def test_the_verdict_is_reworded_when_the_language_changes(qtbot: QtBot, tmp_path: Path) -> None:
    from app.trial_ui.scenario_editor import ScenarioEditor
    from app.ui.i18n import current_language, use_language
    from home_emulator.scenario.model import SCENARIO_DIR

    started = current_language()
    use_language("en")
    try:
        editor = ScenarioEditor(SCENARIO_DIR / "pensioner-prepay.toml")
        qtbot.addWidget(editor)
        target = tmp_path / "copy.toml"
        assert editor.save_to(target)
        english = editor.verdict.text()
        assert english.startswith("Good: ")
        assert english.endswith(f"Saved as {target}.")
        use_language("cy")
        qtbot.waitUntil(lambda: editor.verdict.text() != english)  # Qt posts the change
        welsh = editor.verdict.text()
        assert "Good" not in welsh
        assert "Saved as" not in welsh
        assert "“Pensioner, prepayment”" in welsh
        assert str(target) in welsh
    finally:
        use_language(started)
