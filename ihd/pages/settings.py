"""The Settings screen: language, text and colours, sound, and how speech sounds (volume, rate,
voice, how often a high load is said again) – each a row of big choice buttons that take effect at
once (the host restyles and retranslates every screen live; a speech choice is heard at once).

Language buttons name each language in itself ("English", "Cymraeg"), so either reader finds theirs
whatever language is showing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.settings.display_settings import (
    HIGH_LOAD_REPEATS,
    LANGUAGE_CODES,
    LANGUAGE_NAMES,
    SPEECH_RATES,
    SPEECH_VOICES,
    SPEECH_VOLUMES,
    SoundMode,
)
from app.ui.icons import icon
from app.ui.one_of import OneOf
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from han.model import ModelChange
from ihd.screen import IhdScreen, Navigator

translate = QCoreApplication.translate


def _theme_words() -> dict[str, str]:
    return {
        "standard": translate("SettingsScreen", "Standard"),
        "large": translate("SettingsScreen", "Large text"),
        "contrast": translate("SettingsScreen", "High contrast"),
    }


def _sound_words() -> dict[SoundMode, str]:
    return {
        SoundMode.OFF: translate("SettingsScreen", "Off"),
        SoundMode.BEEP: translate("SettingsScreen", "Beep"),
        SoundMode.SPEAK: translate("SettingsScreen", "Speak"),
    }


def _speech_words() -> dict[str, dict[str, str]]:
    """Each speech setting's choices in words, by the ``SpeechSettings`` field it sets."""
    return {
        "volume": {
            "quiet": translate("SettingsScreen", "Quiet"),
            "normal": translate("SettingsScreen", "Normal"),
            "loud": translate("SettingsScreen", "Loud"),
        },
        "rate": {
            "slow": translate("SettingsScreen", "Slow"),
            "normal": translate("SettingsScreen", "Normal"),
            "fast": translate("SettingsScreen", "Fast"),
        },
        "voice": {
            "lower": translate("SettingsScreen", "Lower"),
            "higher": translate("SettingsScreen", "Higher"),
        },
        "high_load_repeat": {  # a number kept with its word (no-break space): never "10 / munud"
            "10": translate("SettingsScreen", "10 minutes").replace(" ", "\u00a0"),
            "30": translate("SettingsScreen", "30 minutes").replace(" ", "\u00a0"),
            "never": translate("SettingsScreen", "Never"),
        },
    }


def _speech_captions() -> dict[str, str]:
    return {
        "volume": translate("SettingsScreen", "Speech volume"),
        "rate": translate("SettingsScreen", "Speech rate"),
        "voice": translate("SettingsScreen", "Voice"),
        "high_load_repeat": translate("SettingsScreen", "How often a high use is said again"),
    }


SPEECH_CHOICES = {
    "volume": SPEECH_VOLUMES,
    "rate": SPEECH_RATES,
    "voice": SPEECH_VOICES,
    "high_load_repeat": HIGH_LOAD_REPEATS,
}


class _Choices:
    """One setting: its caption and a row of mutually exclusive buttons."""

    def __init__(self, keys: list[str], choose: Callable[[str], None]) -> None:
        self.caption = QLabel("")
        self.caption.setProperty("role", "heading")
        self.caption.setWordWrap(True)
        self.row = QHBoxLayout()
        self.group = OneOf()
        self.buttons: dict[str, TouchButton] = {}
        for key in keys:
            button = TouchButton()
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, chosen=key: choose(chosen))
            self.group.addButton(button)
            self.row.addWidget(button, 1)
            self.buttons[key] = button

    def set_words(self, caption: str, words: dict[str, str]) -> None:
        self.caption.setText(caption)
        for key, button in self.buttons.items():
            button.set_words(words[key])
            button.describe(words[key], f"{caption}: {words[key]}")

    def set_current(self, key: str, theme: Theme) -> None:
        """The chosen button is filled *and* ticked, so the choice does not rest on colour."""
        for button_key, button in self.buttons.items():
            button.setChecked(button_key == key)
            button.setIcon(icon("confirm", theme) if button_key == key else QIcon())


class SettingsScreen(IhdScreen):
    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-settings")
        settings = context.settings
        self.language = _Choices(list(LANGUAGE_CODES), settings.set_language)
        self.theme_choice = _Choices(list(_theme_words()), settings.set_theme)
        self.sound = _Choices(
            [mode.value for mode in SoundMode], lambda value: self._choose_sound(SoundMode(value))
        )
        self.sound.buttons[SoundMode.SPEAK.value].setEnabled(context.sound.speech_available)
        self.sound_note = QLabel("")
        self.sound_note.setProperty("role", "caption")
        self.sound_note.setWordWrap(True)
        self.speech = {
            name: self._speech_choices(name, keys) for name, keys in SPEECH_CHOICES.items()
        }
        """Volume, rate, voice and repeats, by the ``SpeechSettings`` field each sets."""

        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        for choices in (self.language, self.theme_choice, self.sound):
            card_layout.addWidget(choices.caption)
            card_layout.addLayout(choices.row)
        card_layout.addWidget(self.sound_note)
        speech_card = QFrame()
        speech_card.setProperty("role", "card")
        speech_layout = QVBoxLayout(speech_card)
        for choices in self.speech.values():
            speech_layout.addWidget(choices.caption)
            speech_layout.addLayout(choices.row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(card)
        layout.addWidget(speech_card)
        layout.addStretch(1)

        self.until_closed(settings.subscribe(lambda _setting: self.refresh()))
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.language.set_words(translate("SettingsScreen", "Language"), dict(LANGUAGE_NAMES))
        self.theme_choice.set_words(translate("SettingsScreen", "Text and colours"), _theme_words())
        self.sound.set_words(
            translate("SettingsScreen", "Sound when your electricity use changes"),
            {mode.value: word for mode, word in _sound_words().items()},
        )
        speech_words, captions = _speech_words(), _speech_captions()
        for name, choices in self.speech.items():
            choices.set_words(captions[name], speech_words[name])
        self.sound_note.setText(
            translate("SettingsScreen", "Speaks in the display's language: low, medium or high.")
            if self.context.sound.speech_available
            else translate(
                "SettingsScreen",
                "Speech is not available on this display (espeak-ng is not installed).",
            )
        )

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.refresh()

    def refresh(self) -> None:
        settings = self.context.settings
        self.language.set_current(settings.language, self.theme)
        self.theme_choice.set_current(settings.theme, self.theme)
        self.sound.set_current(settings.sound.value, self.theme)
        for name, choices in self.speech.items():
            choices.set_current(getattr(settings.speech, name), self.theme)

    def _choose_sound(self, mode: SoundMode) -> None:
        self.context.settings.set_sound(mode)
        # A sample of what will be heard, so the choice can be judged at once.
        if mode is SoundMode.BEEP:
            self.context.sound.beep()
        elif mode is SoundMode.SPEAK:
            self.context.sound.speak(
                translate("SettingsScreen", "Spoken alerts are on."), self.context.settings.language
            )

    def _speech_choices(self, name: str, keys: tuple[str, ...]) -> _Choices:
        def choose(value: str) -> None:
            self._choose_speech(name, value)

        return _Choices(list(keys), choose)

    def _choose_speech(self, name: str, value: str) -> None:
        settings = self.context.settings
        settings.set_speech(replace(settings.speech, **{name: value}))
        if settings.sound is SoundMode.SPEAK and self.context.sound.speech_available:
            # Heard at once in the new voice, so the choice can be judged by ear.
            self.context.sound.speak(
                translate("SettingsScreen", "This is how speech sounds now."), settings.language
            )

    def model_changed(self, change: ModelChange) -> None:
        """The settings are the display's own, not the home's: nothing here follows the model."""
