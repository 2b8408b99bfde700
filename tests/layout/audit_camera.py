"""A camera for the screenshot tours that, at each stop, looks at the screen in every theme,
language and size instead of photographing it, and keeps what it could not read: text that does not
fit, and text the screen still shows in English once switched to Welsh."""

from __future__ import annotations

import asyncio
import re

from PySide6.QtWidgets import QWidget

from tests.layout.readable import Finding, findings
from tests.layout.welsh import english_left, visible_texts

THEMES = ("standard", "large", "contrast")
LANGUAGES = ("en", "cy")
SMALL = (800, 480)
SIZES = (SMALL, (1024, 600), (1280, 720))

_VARIANT = re.compile(r"(-(en|cy))?(-(standard|large|contrast))?(-\d+x\d+)?\.png$")


def state_of(file_name: str) -> str:
    """``ihd-now-cy-contrast-800x480.png`` → ``ihd-now``: the state, whatever it was shown in."""
    return _VARIANT.sub("", file_name)


async def settled() -> None:
    """Posted language, style and layout events land (the loop runs them between awaits)."""
    for _ in range(2):
        await asyncio.sleep(0.05)


async def _lasting(window: QWidget, known: frozenset[str]) -> list[Finding]:
    """What is still found once late restyling (a touch button setting a long word smaller) has
    landed: a screen under load may be looked at between a theme and a button's own fitting.
    What is known and still to mend is kept as found, without waiting for it to go."""
    found = findings(window)
    for _ in range(3):
        if all(_is_known(finding, known) for finding in found):
            break
        await asyncio.sleep(0.2)
        again = {str(finding) for finding in findings(window)}
        found = [finding for finding in found if str(finding) in again]
    return found


def _is_known(finding: Finding, known: frozenset[str]) -> bool:
    return any(part in str(finding) for part in known)


def _authored(window: QWidget) -> tuple[str, ...]:
    """The supplier's messages in the home the window shows: data, shown as the supplier sent it."""
    context = getattr(getattr(window, "view", None), "context", None)
    model = getattr(context, "model", None)
    messages = getattr(model, "messages", {})
    return tuple(message.text for message in messages.values())


class AuditCamera:
    def __init__(
        self, sizes: tuple[tuple[int, int], ...] = SIZES, known: frozenset[str] = frozenset()
    ) -> None:
        self.sizes = sizes
        self.known = known
        self.states: list[str] = []
        self.found: dict[str, set[str]] = {}

    async def __call__(self, widget: QWidget, file_name: str) -> None:
        state = state_of(file_name)
        if state in self.states:
            return
        self.states.append(state)
        window = widget.window()
        settings = getattr(window, "settings", None)
        if settings is None:
            return
        before = (settings.theme, settings.language, window.size())
        english: dict[str, str] = {}
        for theme in THEMES:
            settings.set_theme(theme)
            for language in LANGUAGES:
                settings.set_language(language)
                for size in self.sizes:
                    window.resize(*size)
                    await settled()
                    if theme == THEMES[0] and size == self.sizes[0]:
                        # Switched live from English, as a person switches it in Settings.
                        if language == "en":
                            english = visible_texts(window)
                        else:
                            welsh = visible_texts(window)
                            for text in english_left(english, welsh, _authored(window)):
                                self.found.setdefault(
                                    f"{state}: English in Welsh: {text!r}", set()
                                ).add(f"{theme} {size[0]}×{size[1]}")
                    for finding in await _lasting(window, self.known):
                        where = f"{theme} {language} {size[0]}×{size[1]}"
                        self.found.setdefault(f"{state}: {finding}", set()).add(where)
        settings.set_theme(before[0])
        settings.set_language(before[1])
        window.resize(before[2])
        await settled()

    def report(self) -> str:
        return "\n".join(
            f"{what}  [{', '.join(sorted(where))}]" for what, where in sorted(self.found.items())
        )
