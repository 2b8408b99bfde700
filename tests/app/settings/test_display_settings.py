"""The display's settings: known values only, and listeners hear exactly what changed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.settings.display_settings import LANGUAGE_NAMES, DisplaySettings, Setting, SoundMode


def test_defaults_are_standard_english_and_silent() -> None:
    settings = DisplaySettings()
    assert (settings.theme, settings.language, settings.sound) == ("standard", "en", SoundMode.OFF)


def test_listeners_hear_each_change_once() -> None:
    settings = DisplaySettings()
    heard: list[Setting] = []
    unsubscribe = settings.subscribe(heard.append)
    settings.set_theme("contrast")
    settings.set_theme("contrast")  # no change, no news
    settings.set_language("cy")
    settings.set_sound(SoundMode.SPEAK)
    unsubscribe()
    settings.set_theme("large")
    assert heard == [Setting.THEME, Setting.LANGUAGE, Setting.SOUND]


# Each refused value given to the constructor, not the setter: it is refused there too.
BUILT_WITH: dict[str, Callable[[str], DisplaySettings]] = {
    "set_theme": lambda value: DisplaySettings(theme=value),
    "set_language": lambda value: DisplaySettings(language=value),
}


@pytest.mark.parametrize(("setter", "value"), [("set_theme", "neon"), ("set_language", "fr")])
def test_unknown_values_are_refused(setter: str, value: str) -> None:
    with pytest.raises(ValueError, match="unknown"):
        getattr(DisplaySettings(), setter)(value)
    with pytest.raises(ValueError, match="unknown"):
        BUILT_WITH[setter](value)


def test_languages_are_named_in_themselves() -> None:
    assert LANGUAGE_NAMES == {"en": "English", "cy": "Cymraeg"}
