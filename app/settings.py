"""The display's own settings – theme, language, sound – changeable while it runs.

Qt-free and evented like the home model: a settings screen changes a value, and whoever follows it
(the host window restyles and retranslates, the sound cues pick their voice) is told which setting
moved. Settings live for the session; the command line gives their starting values.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Final

THEME_NAMES: Final = ("standard", "large", "contrast")
"""Standard, large text, high contrast (their colours and sizes are in ``app/ui/theme.py``)."""

LANGUAGE_CODES: Final = ("en", "cy")
"""English and Welsh: bilingual displays are expected in GB."""

LANGUAGE_NAMES: Final = {"en": "English", "cy": "Cymraeg"}
"""Each language named in itself, so a person can find their own whatever is showing."""


class SoundMode(enum.Enum):
    """Audible cues for changes a person may not be looking at (ambient level, later low credit)."""

    OFF = "off"
    BEEP = "beep"
    SPEAK = "speak"


SettingsListener = Callable[[str], None]


class DisplaySettings:
    """Current theme, language and sound mode; listeners hear the name of what changed."""

    def __init__(
        self, *, theme: str = "standard", language: str = "en", sound: SoundMode = SoundMode.OFF
    ) -> None:
        self._theme = _checked(theme, THEME_NAMES, "theme")
        self._language = _checked(language, LANGUAGE_CODES, "language")
        self._sound = sound
        self._listeners: list[SettingsListener] = []

    @property
    def theme(self) -> str:
        return self._theme

    @property
    def language(self) -> str:
        return self._language

    @property
    def sound(self) -> SoundMode:
        return self._sound

    def set_theme(self, name: str) -> None:
        if _checked(name, THEME_NAMES, "theme") != self._theme:
            self._theme = name
            self._announce("theme")

    def set_language(self, code: str) -> None:
        if _checked(code, LANGUAGE_CODES, "language") != self._language:
            self._language = code
            self._announce("language")

    def set_sound(self, mode: SoundMode) -> None:
        if mode is not self._sound:
            self._sound = mode
            self._announce("sound")

    def subscribe(self, listener: SettingsListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _announce(self, setting: str) -> None:
        for listener in list(self._listeners):
            listener(setting)


def _checked(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r} (known: {', '.join(allowed)})")
    return value
