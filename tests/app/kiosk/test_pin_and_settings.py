"""The kiosk's PIN (salted scrypt, never stored in clear) and its settings file (checked, atomic)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.kiosk.kiosk_settings import KioskSettings, SettingsError
from app.kiosk.pin import PinError, check_hash, hash_pin, verify_pin
from app.kiosk.pin_command import main as kiosk_pin
from app.settings import store as settings_store
from app.settings.store import StoredSettings


def test_a_pin_is_kept_only_as_a_salted_hash() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert "2468" not in first
    assert first != second  # salted: the same PIN never hashes alike
    assert verify_pin("2468", first)
    assert verify_pin("2468", second)
    assert not verify_pin("2469", first)
    assert not verify_pin("", first)


@pytest.mark.parametrize(
    ("pin", "complaint"),
    [("123", "4 to 8 digits"), ("123456789", "4 to 8 digits"), ("12a4", "digits only")],
)
def test_a_pin_must_be_4_to_8_digits(pin: str, complaint: str) -> None:
    with pytest.raises(PinError, match=complaint):
        hash_pin(pin)


def test_a_hash_not_written_by_us_is_refused() -> None:
    with pytest.raises(PinError):
        check_hash("md5$abc")


def test_settings_round_trip_and_are_written_for_the_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    kept = StoredSettings(
        theme="contrast",
        language="cy",
        kiosk=KioskSettings(
            mode="ppmid",
            source="tcp://127.0.0.1:8640",
            pin_hash=hash_pin("1357"),
            brightness_percent=60,
            dim_after_s=300,
            night_start="22:30",
            night_end="07:00",
        ),
    )
    settings_store.save(kept, path)
    loaded = settings_store.load(path)
    assert loaded.problem == ""
    assert loaded.settings == kept
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]  # no temporary left


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"brightness_percent": 0}, "kiosk.brightness_percent"),
        ({"dim_after_s": 1}, "kiosk.dim_after_s"),
        ({"night_start": "25:00"}, "kiosk.night_start"),
        ({"source": "zigbee"}, "kiosk.source"),
        ({"mode": "cad"}, "kiosk.mode"),
    ],
)
def test_a_bad_setting_is_refused_and_nothing_is_written(
    tmp_path: Path, change: dict[str, object], key: str
) -> None:
    path = tmp_path / "settings.toml"
    settings_store.save(StoredSettings(), path)
    before = path.read_bytes()
    with pytest.raises(SettingsError) as refused:
        settings_store.save(StoredSettings().with_kiosk(**change), path)
    assert refused.value.key == key
    assert path.read_bytes() == before


def test_a_bad_value_keeps_the_pin_and_every_readable_setting(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    pin = hash_pin("2468")
    bad = (
        f'schema_version = 1\n[display]\ntheme = "large"\n'
        f'[kiosk]\npin_hash = "{pin}"\ndim_after_s = 5\nnight_start = "22:30"\n'
    )
    path.write_text(bad)
    (tmp_path / "settings.toml.unreadable").write_text("an earlier one")
    loaded = settings_store.load(path)
    assert loaded.settings.kiosk.pin_hash == pin
    assert loaded.settings.kiosk.night_start == "22:30"
    assert loaded.settings.theme == "large"
    assert loaded.settings.kiosk.dim_after_s == StoredSettings().kiosk.dim_after_s
    assert "kiosk.dim_after_s must be" in loaded.problem
    assert "moved to settings.toml.unreadable.1 and the other settings are kept" in loaded.problem
    assert (tmp_path / "settings.toml.unreadable").read_text() == "an earlier one"
    assert (tmp_path / "settings.toml.unreadable.1").read_text() == bad
    again = settings_store.load(path)  # what was kept is the file now: no problem next time
    assert again.problem == ""
    assert again.settings == loaded.settings


def test_an_unreadable_file_is_set_aside_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('schema_version = 1\n[kiosk]\nbrightness_percent = "bright"\n')
    loaded = settings_store.load(path)
    assert loaded.settings == StoredSettings()
    assert "kiosk.brightness_percent must be a whole number" in loaded.problem
    assert "settings.toml.unreadable" in loaded.problem
    assert (tmp_path / "settings.toml.unreadable").exists()
    path.unlink()  # what could be read was written back: here, nothing but defaults
    path.write_text("[display\n")
    assert "is not valid TOML" in settings_store.load(path).problem


def test_kiosk_pin_asks_twice_and_stores_the_hash() -> None:
    answers = iter(["8642", "8642"])
    assert kiosk_pin([], ask=lambda _prompt: next(answers)) == 0
    stored = settings_store.load().settings.kiosk
    assert stored.has_pin
    assert verify_pin("8642", stored.pin_hash)


@pytest.mark.parametrize("answers", [["8642", "8643"], ["12", "12"], ["abcd", "abcd"]])
def test_kiosk_pin_changes_nothing_when_the_answers_will_not_do(answers: list[str]) -> None:
    given = iter(answers)
    assert kiosk_pin([], ask=lambda _prompt: next(given)) == 2
    assert not settings_store.default_path().exists()


def test_kiosk_mode_will_not_start_without_a_pin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--kiosk"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "python -m app: kiosk mode needs a PIN to leave it by; set one first with "
        "python -m app kiosk-pin"
    ]


def test_kiosk_pin_from_the_command_line_then_kiosk_options_come_from_the_file() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "kiosk-pin"],
        input="97531\n97531\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    settings_store.save(
        settings_store.load().settings.with_kiosk(mode="ppmid", source="tcp://127.0.0.1:8641")
    )
    from app.cli import parse

    options = parse(["--kiosk"])
    assert options.kiosk is not None
    assert (options.mode, options.source) == ("ppmid", "tcp://127.0.0.1:8641")
    assert parse(["--kiosk", "--mode", "ihd"]).mode == "ihd"  # the command line wins
    assert parse([]).kiosk is None


def test_a_kiosk_shows_an_ihd_or_a_ppmid_not_a_cad(capsys: pytest.CaptureFixture[str]) -> None:
    settings_store.save(StoredSettings().with_kiosk(pin_hash=hash_pin("1234")))
    from app.cli import parse

    with pytest.raises(SystemExit) as exited:
        parse(["--kiosk", "--mode", "cad"])
    assert exited.value.code == 2
    assert "a kiosk shows ihd or ppmid, not cad" in capsys.readouterr().err


def test_a_corrupt_settings_file_is_explained_at_start() -> None:
    path = settings_store.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[kiosk\npin_hash = ")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--kiosk"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    first, second = result.stderr.strip().splitlines()
    assert "settings.toml is not valid TOML" in first
    assert "moved to settings.toml.unreadable and the defaults are used" in first
    assert "set one first with python -m app kiosk-pin" in second
