"""The display's voice: espeak-ng speaking English or Welsh if it is installed, else a short beep.

Speech runs as a child process (Debian package ``espeak-ng``), so a slow synthesiser never holds up
the screen; a new phrase cuts off the one before, and ``stop()`` silences it (the repeat key
interrupts as well as repeats). PySide6's own speech module is in the 430 MB Addons wheel, far more
than a few spoken phrases are worth. Without espeak-ng the display says speech is not available and
offers the beep.

Volume, rate and voice are the ``Voice`` given, or the display's speech settings as they are at
each phrase (``Voice.of``); espeak-ng's Welsh voice is ``cy``, a higher voice its ``+f3`` variant.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

from app.settings.display_settings import DisplaySettings, SpeechSettings

LOGGER = logging.getLogger(__name__)

ESPEAK: Final = "espeak-ng"
VOICES: Final = {"en": "en-gb", "cy": "cy"}
WORDS_PER_MINUTE: Final = 150
"""A little slower than espeak-ng's default 175, for people who asked for speech to hear better."""
SLOWEST_WPM: Final = 80
FASTEST_WPM: Final = 300
"""espeak-ng's own limits, kept within what is still understood."""
LOUDEST: Final = 200
"""espeak-ng's amplitude runs 0–200, 100 its default."""
VOLUME_STEPS: Final = {"quiet": 50, "normal": 100, "loud": 170}
RATE_STEPS: Final = {"slow": 115, "normal": WORDS_PER_MINUTE, "fast": 195}
VOICE_VARIANTS: Final = {"lower": "", "higher": "+f3"}
"""espeak-ng's variants: none is its own (lower) voice, ``+f3`` a higher one, in every language."""


@dataclass(frozen=True)
class Voice:
    """How the display speaks: volume (0–200, 100 as espeak-ng's default), words a minute, and
    the espeak-ng voice for each language."""

    volume: int = 100
    words_per_minute: int = WORDS_PER_MINUTE
    voices: dict[str, str] = field(default_factory=lambda: dict(VOICES))

    @classmethod
    def of(cls, speech: SpeechSettings) -> Voice:
        """The voice a person chose on the Settings screen."""
        variant = VOICE_VARIANTS[speech.voice]
        return cls(
            volume=VOLUME_STEPS[speech.volume],
            words_per_minute=RATE_STEPS[speech.rate],
            voices={language: f"{voice}{variant}" for language, voice in VOICES.items()},
        )

    def arguments(self, language: str) -> list[str]:
        voice = self.voices.get(language, self.voices.get("en", VOICES["en"]))
        rate = min(max(self.words_per_minute, SLOWEST_WPM), FASTEST_WPM)
        volume = min(max(self.volume, 0), LOUDEST)
        return ["-v", voice, "-s", str(rate), "-a", str(volume)]


class SystemSound:
    def __init__(
        self,
        speaker: str | None = None,
        voice: Voice | None = None,
        *,
        settings: DisplaySettings | None = None,
    ) -> None:
        """``speaker``: the espeak-ng program to run; by default the one on PATH, if any.
        ``settings``: speak as their speech settings say (a ``voice`` given wins)."""
        self._speaker = speaker if speaker is not None else shutil.which(ESPEAK)
        self._voice = voice
        self._settings = settings
        self._speech: QProcess | None = None

    @property
    def voice(self) -> Voice:
        if self._voice is not None:
            return self._voice
        if self._settings is not None:
            return Voice.of(self._settings.speech)
        return Voice()

    @property
    def speech_available(self) -> bool:
        return self._speaker is not None

    @property
    def speaking(self) -> bool:
        return self._speech is not None and self._speech.state() != QProcess.ProcessState.NotRunning

    def beep(self) -> None:
        QApplication.beep()

    def speak(self, text: str, language: str) -> None:
        if self._speaker is None:
            self.beep()
            return
        self.stop()  # one voice at a time: the newest news wins
        speech = self._speech = QProcess()
        speech.setProgram(self._speaker)
        speech.setArguments([*self.voice.arguments(language), "--", text])
        speech.setStandardOutputFile(QProcess.nullDevice())
        speech.setStandardErrorFile(QProcess.nullDevice())
        speech.start()
        if not speech.waitForStarted(2000):
            LOGGER.warning("could not start %s; beeping instead", self._speaker)
            self._speech = None
            self.beep()

    def stop(self) -> None:
        """Silence the phrase being said, if any."""
        speech, self._speech = self._speech, None
        if speech is not None and speech.state() != QProcess.ProcessState.NotRunning:
            speech.kill()
            speech.waitForFinished(1000)
