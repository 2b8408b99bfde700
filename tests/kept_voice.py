"""A display's voice for tests: speech is available, and every sound it is asked for is kept, in
order, for the test to read back."""

from __future__ import annotations


class KeptVoice:
    """Stands for ``app.host.sound.SystemSound``. ``said`` holds each phrase as spoken, "beep" for
    a beep and "(stopped)" where speech was cut short; ``said_in`` holds each phrase with its
    language (a beep as ``("beep", "")``), for the tests that care which language was spoken."""

    speech_available = True

    def __init__(self) -> None:
        self.said: list[str] = []
        self.said_in: list[tuple[str, str]] = []
        self.speaking = False
        """Set by a test to stand for a phrase still being spoken: the repeat key then cuts it
        short instead of saying it again."""

    def beep(self) -> None:
        self.said.append("beep")
        self.said_in.append(("beep", ""))

    def speak(self, text: str, language: str) -> None:
        self.said.append(text)
        self.said_in.append((text, language))

    def stop(self) -> None:
        self.said.append("(stopped)")
        self.speaking = False
