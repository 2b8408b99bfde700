"""A desktop run keeps how the display speaks: volume, rate and voice chosen once are there the next
time, in the user's settings file, written for its owner only and beside a kiosk's PIN untouched."""

from __future__ import annotations

import stat

from app.cli import parse
from app.kiosk.pin import hash_pin
from app.settings import store as settings_store
from app.settings.display_settings import DisplaySettings, SoundMode, SpeechSettings
from app.settings.kept_speech import keep_speech
from app.settings.store import StoredSettings

CHOSEN = SpeechSettings(volume="loud", rate="slow", voice="higher", high_load_repeat="30")


def test_speech_chosen_on_a_desktop_run_is_there_the_next_time() -> None:
    assert parse([]).speech == SpeechSettings()  # nothing chosen yet
    display = DisplaySettings(speech=parse([]).speech)
    stop = keep_speech(display)
    display.set_speech(CHOSEN)
    stop()
    again = parse([])
    assert again.speech == CHOSEN
    assert (again.sound, again.theme) == (SoundMode.OFF, "standard")  # still the command line's
    mode = stat.S_IMODE(settings_store.default_path().stat().st_mode)
    assert mode & 0o077 == 0


def test_keeping_speech_leaves_the_rest_of_the_file_as_it_was() -> None:
    pin = hash_pin("4711")
    settings_store.save(StoredSettings(theme="contrast").with_kiosk(pin_hash=pin))
    display = DisplaySettings()
    stop = keep_speech(display)
    display.set_theme("large")  # not a speech setting: not written
    display.set_speech(CHOSEN)
    stop()
    kept = settings_store.load().settings
    assert (kept.theme, kept.kiosk.pin_hash, kept.speech) == ("contrast", pin, CHOSEN)


def test_a_trial_starts_with_the_default_speech() -> None:
    settings_store.save(StoredSettings(speech=CHOSEN))
    assert parse(["--trial", "study.db", "--participant", "P01"]).speech == SpeechSettings()
