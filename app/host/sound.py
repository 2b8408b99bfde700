"""The display's voice: espeak-ng speaking English or Welsh if it is installed, else a short beep.

Speech runs as a detached process (Debian package ``espeak-ng``), so a slow synthesiser never holds up
the screen and nothing is left for the app to reap; PySide6's own speech module is in the 430 MB
Addons wheel, far more than a few spoken phrases are worth. Without espeak-ng the display says speech
is not available and offers the beep.
"""

from __future__ import annotations

import logging
import shutil
from typing import Final

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

LOGGER = logging.getLogger(__name__)

ESPEAK: Final = "espeak-ng"
VOICES: Final = {"en": "en-gb", "cy": "cy"}
WORDS_PER_MINUTE: Final = 150
"""A little slower than espeak-ng's default 175, for people who asked for speech to hear better."""


class SystemSound:
    def __init__(self, speaker: str | None = None) -> None:
        """``speaker``: the espeak-ng program to run; by default the one on PATH, if any."""
        self._speaker = speaker if speaker is not None else shutil.which(ESPEAK)

    @property
    def speech_available(self) -> bool:
        return self._speaker is not None

    def beep(self) -> None:
        QApplication.beep()

    def speak(self, text: str, language: str) -> None:
        if self._speaker is None:
            self.beep()
            return
        voice = VOICES.get(language, VOICES["en"])
        started, _pid = QProcess.startDetached(
            self._speaker, ["-v", voice, "-s", str(WORDS_PER_MINUTE), "--", text]
        )
        if not started:
            LOGGER.warning("could not start %s; beeping instead", self._speaker)
            self.beep()
