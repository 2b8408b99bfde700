"""The display's own settings – theme, language, sound – changeable while it runs.

Qt-free and evented like the home model: a settings screen changes a value, and whoever follows it
(the host window restyles and retranslates, the sound cues pick their voice) is told which setting
moved. Settings live for the session; the command line gives their starting values, a kiosk
keeps theme, language and speech in its settings file (``app/settings/store.py``), and a desktop
run keeps its speech volume, rate and voice there (``app/settings/kept_speech.py``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from han.events import Emitter, Unsubscribe

THEME_NAMES: Final = ("standard", "large", "contrast")
"""Standard, large text, high contrast (their colours and sizes are in ``app/ui/theme.py``)."""

LANGUAGE_CODES: Final = ("en", "cy")
"""English and Welsh: bilingual displays are expected in GB."""

LANGUAGE_NAMES: Final = {"en": "English", "cy": "Cymraeg"}

BUDGET_PERIODS: Final = ("day", "week", "month")
"""A consumer's spending budget may be set for each of these (in pounds, VAT included)."""
"""Each language named in itself, so a person can find their own whatever is showing."""


LEADS: Final = ("as-built", "cost", "energy")
"""What the IHD home screen puts first: as designed, money (£ an hour, today's £) or energy
(kW, today's kWh). A usability study compares them as design variants."""


@dataclass(frozen=True)
class Presentation:
    """Design choices a usability study may vary between participants (``app/trial/variants.py``);
    the defaults are the displays as designed."""

    lead_with: str = "as-built"
    ambient: bool = True
    """The home screen's ambient (low/medium/high) indicator shown."""

    def __post_init__(self) -> None:
        _checked(self.lead_with, LEADS, "lead")


class SoundMode(enum.Enum):
    """Audible cues for changes a person may not be looking at (ambient level, later low credit)."""

    OFF = "off"
    BEEP = "beep"
    SPEAK = "speak"


SPEECH_VOLUMES: Final = ("quiet", "normal", "loud")
SPEECH_RATES: Final = ("slow", "normal", "fast")
SPEECH_VOICES: Final = ("lower", "higher")
"""Each language's voice (English ``en-gb``, Welsh ``cy``) in a lower or a higher pitch."""
HIGH_LOAD_REPEATS: Final = ("10", "30", "never")
"""How often a high load is said again after the first reminder: every 10 or 30 minutes, or not."""


@dataclass(frozen=True)
class SpeechSettings:
    """How the display speaks, as a person chooses it on the Settings screen: named steps rather
    than numbers, so each is one big button (what they mean to espeak-ng is ``app/host/sound.py``'s
    business)."""

    volume: str = "normal"
    rate: str = "normal"
    voice: str = "lower"
    high_load_repeat: str = "10"

    def __post_init__(self) -> None:
        _checked(self.volume, SPEECH_VOLUMES, "speech volume")
        _checked(self.rate, SPEECH_RATES, "speech rate")
        _checked(self.voice, SPEECH_VOICES, "voice")
        _checked(self.high_load_repeat, HIGH_LOAD_REPEATS, "high-load repeat")

    @property
    def high_load_repeat_s(self) -> float | None:
        """Seconds between reminders of a high load after the first; None: no more reminders."""
        return None if self.high_load_repeat == "never" else 60.0 * int(self.high_load_repeat)


class Setting(enum.Enum):
    """What a settings listener hears moved."""

    THEME = "theme"
    LANGUAGE = "language"
    SOUND = "sound"
    SPEECH = "speech"
    """Volume, rate, voice or how often a high load is repeated."""
    BUDGET = "budget"
    """Any of the day, week or month budgets."""
    PRESENTATION = "presentation"
    """A study's design variant."""


SettingsListener = Callable[[Setting], None]


class DisplaySettings:
    """Current theme, language and sound mode; listeners hear which ``Setting`` changed."""

    def __init__(
        self,
        *,
        theme: str = "standard",
        language: str = "en",
        sound: SoundMode = SoundMode.OFF,
        speech: SpeechSettings | None = None,
    ) -> None:
        self._theme = _checked(theme, THEME_NAMES, "theme")
        self._language = _checked(language, LANGUAGE_CODES, "language")
        self._sound = sound
        self._speech = speech or SpeechSettings()
        self._budgets_gbp: dict[str, Decimal] = {}
        self._presentation = Presentation()
        self._changes: Emitter[Setting] = Emitter("display settings")

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
            self._changes.emit(Setting.THEME)

    def set_language(self, code: str) -> None:
        if _checked(code, LANGUAGE_CODES, "language") != self._language:
            self._language = code
            self._changes.emit(Setting.LANGUAGE)

    def set_sound(self, mode: SoundMode) -> None:
        if mode is not self._sound:
            self._sound = mode
            self._changes.emit(Setting.SOUND)

    @property
    def speech(self) -> SpeechSettings:
        return self._speech

    def set_speech(self, speech: SpeechSettings) -> None:
        """Volume, rate, voice, repeats; listeners hear ``Setting.SPEECH``."""
        if speech != self._speech:
            self._speech = speech
            self._changes.emit(Setting.SPEECH)

    @property
    def presentation(self) -> Presentation:
        return self._presentation

    def set_presentation(self, presentation: Presentation) -> None:
        """A study's design variant; listeners hear ``Setting.PRESENTATION``."""
        if presentation != self._presentation:
            self._presentation = presentation
            self._changes.emit(Setting.PRESENTATION)

    def budget_gbp(self, period: str) -> Decimal | None:
        """The budget for a day, week or month; None when none is set."""
        return self._budgets_gbp.get(_checked(period, BUDGET_PERIODS, "budget period"))

    def set_budget(self, period: str, amount_gbp: Decimal | None) -> None:
        """Set (or with None or £0, clear) a budget; listeners hear ``Setting.BUDGET``."""
        _checked(period, BUDGET_PERIODS, "budget period")
        if amount_gbp is not None and amount_gbp <= 0:
            amount_gbp = None
        if self._budgets_gbp.get(period) != amount_gbp:
            if amount_gbp is None:
                del self._budgets_gbp[period]
            else:
                self._budgets_gbp[period] = amount_gbp
            self._changes.emit(Setting.BUDGET)

    def subscribe(self, listener: SettingsListener) -> Unsubscribe:
        return self._changes.subscribe(listener)

    @property
    def listener_count(self) -> int:
        return self._changes.listener_count


def _checked(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r} (known: {', '.join(allowed)})")
    return value
