"""The display's settings kept on disk: ``settings.toml`` in the user's config folder.

Only what an installer or a kiosk's owner sets to last is kept – the theme and language to start
in, how the display speaks (``[speech]``: on or off, volume, rate, voice, repeats), and the kiosk's
configuration (``app/kiosk/kiosk_settings.py``). Writes are atomic: the whole
file goes to a temporary file beside it, is flushed to disk and then renamed over the old one, so a
power cut leaves either the old settings or the new, never half of each. Every value is checked
before anything is written. A file that cannot be read is set aside (``settings.toml.unreadable``,
or ``.unreadable.1``… when an earlier one is there) with a message saying what was wrong; every
setting that can still be read (the kiosk's PIN above all) is kept, the rest are the defaults.
"""

from __future__ import annotations

import contextlib
import json
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from app.kiosk.kiosk_settings import KioskSettings, SettingsError, kiosk_from_table
from app.settings.atomic_file import write_text_atomically
from app.settings.display_settings import LANGUAGE_CODES, THEME_NAMES, SoundMode, SpeechSettings
from app.settings.user_dirs import config_dir

FILE_NAME: Final = "settings.toml"
SCHEMA_VERSION: Final = 1
SOUND_MODES: Final = tuple(mode.value for mode in SoundMode)
SPEECH_KEYS: Final = ("volume", "rate", "voice", "high_load_repeat")


def default_path() -> Path:
    return config_dir() / FILE_NAME


@dataclass(frozen=True)
class StoredSettings:
    theme: str = "standard"
    language: str = "en"
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    sound: str = SoundMode.OFF.value
    """Off, beep or speak: a person who turned speech on finds it on after a power cut."""
    speech: SpeechSettings = field(default_factory=SpeechSettings)

    def checked(self) -> StoredSettings:
        if self.sound not in SOUND_MODES:
            raise SettingsError("speech.sound", f"must be one of {', '.join(SOUND_MODES)}")
        if self.theme not in THEME_NAMES:
            raise SettingsError("display.theme", f"must be one of {', '.join(THEME_NAMES)}")
        if self.language not in LANGUAGE_CODES:
            raise SettingsError("display.language", f"must be one of {', '.join(LANGUAGE_CODES)}")
        self.kiosk.checked()
        return self

    def with_kiosk(self, **changes: Any) -> StoredSettings:
        return replace(self, kiosk=replace(self.kiosk, **changes)).checked()


@dataclass(frozen=True)
class Loaded:
    settings: StoredSettings
    problem: str = ""
    """Why the file could not be used (empty when it could, or when there was none)."""


def load(path: Path | None = None) -> Loaded:
    """The stored settings; the defaults (and a problem to show) when the file is unusable."""
    path = path or default_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(StoredSettings())
    except (OSError, UnicodeDecodeError) as error:
        return Loaded(StoredSettings(), f"cannot read {path}: {error}")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Loaded(StoredSettings(), _set_aside(path, f"{path} is not valid TOML ({error})"))
    try:
        return Loaded(_from_toml(document))
    except SettingsError as error:
        problem = f"{path}: {error}"
    # One bad value must not cost the rest – above all the PIN, without which a kiosk will not
    # start: every setting that can be read is kept, the file as it was is set aside.
    kept = _readable_part(document)
    problem = _set_aside(path, problem, defaults="the other settings are kept")
    with contextlib.suppress(OSError):  # a read-only folder: what was kept serves this run
        save(kept, path)
    return Loaded(kept, problem)


def _set_aside(path: Path, problem: str, *, defaults: str = "the defaults are used") -> str:
    """Moves the file to the first free ``.unreadable`` name: an earlier one is never overwritten."""
    aside = path.with_name(path.name + ".unreadable")
    number = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.unreadable.{number}")
        number += 1
    try:
        os.replace(path, aside)
    except OSError:
        return f"{problem}; {defaults}"
    return f"{problem}; it was moved to {aside.name} and {defaults}"


def _readable_part(document: dict[str, Any]) -> StoredSettings:
    """Each setting on its own: a readable one is kept, an unreadable one is its default."""
    kept = StoredSettings()
    display = document.get("display")
    display = display if isinstance(display, dict) else {}
    for key in ("theme", "language"):
        try:
            value = _text(display, f"display.{key}", getattr(kept, key))
            kept = (
                replace(kept, theme=value) if key == "theme" else replace(kept, language=value)
            ).checked()
        except SettingsError:
            pass
    speech = document.get("speech")
    for key, value in (speech if isinstance(speech, dict) else {}).items():
        with contextlib.suppress(SettingsError):
            kept = _with_speech(kept, {key: value})
    kiosk = document.get("kiosk")
    for key, value in (kiosk if isinstance(kiosk, dict) else {}).items():
        try:
            alone = kiosk_from_table({key: value})  # its type and value checked on their own
            kept = kept.with_kiosk(**{key: getattr(alone, key)})
        except SettingsError:
            pass
    return kept


def _from_toml(document: dict[str, Any]) -> StoredSettings:
    version = document.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise SettingsError(
            "schema_version", f"is {version!r}; this version reads {SCHEMA_VERSION}"
        )
    display = _table(document, "display")
    stored = StoredSettings(
        theme=_text(display, "display.theme", "standard"),
        language=_text(display, "display.language", "en"),
        kiosk=kiosk_from_table(_table(document, "kiosk")),
    )
    return _with_speech(stored, _table(document, "speech")).checked()


def _with_speech(stored: StoredSettings, table: dict[str, Any]) -> StoredSettings:
    """The ``[speech]`` table's values over ``stored``'s, each checked."""
    unknown = sorted(set(table) - {"sound", *SPEECH_KEYS})
    if unknown:
        raise SettingsError(f"speech.{unknown[0]}", "is not a speech setting")
    sound = _text(table, "speech.sound", stored.sound)
    values = {
        key: _text(table, f"speech.{key}", getattr(stored.speech, key)) for key in SPEECH_KEYS
    }
    try:
        speech = SpeechSettings(**values)
    except ValueError as error:
        raise SettingsError("speech", str(error)) from None
    return replace(stored, sound=sound, speech=speech).checked()


def _table(document: dict[str, Any], name: str) -> dict[str, Any]:
    table = document.get(name, {})
    if not isinstance(table, dict):
        raise SettingsError(name, "must be a table")
    return table


def _text(table: dict[str, Any], key: str, default: str) -> str:
    value = table.get(key.rsplit(".", 1)[1], default)
    if not isinstance(value, str):
        raise SettingsError(key, "must be text in quotes")
    return value


def save(settings: StoredSettings, path: Path | None = None) -> Path:
    """Check, then write atomically (owner-only: the file holds the PIN's hash)."""
    path = path or default_path()
    text = to_toml(settings.checked())
    write_text_atomically(path, text)  # owner-only, like every file mkstemp makes
    return path


def to_toml(settings: StoredSettings) -> str:
    kiosk = settings.kiosk
    lines = [
        "# The display's settings. Change them on the display (behind the kiosk PIN) or with",
        "# python -m app kiosk-pin; a hand edit is checked when the display starts.",
        f"schema_version = {SCHEMA_VERSION}",
        "",
        "[display]",
        f"theme = {_quoted(settings.theme)}",
        f"language = {_quoted(settings.language)}",
        "",
        "[speech]",
        f"sound = {_quoted(settings.sound)}",
        *(f"{key} = {_quoted(getattr(settings.speech, key))}" for key in SPEECH_KEYS),
        "",
        "[kiosk]",
        *(f"{key} = {_value(value)}" for key, value in kiosk.as_table().items()),
        "",
    ]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid TOML basic string


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _quoted(str(value))
