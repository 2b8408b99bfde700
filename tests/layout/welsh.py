"""What a Welsh reader would still read in English: text on a screen shown in Welsh that is the same
as the same widget showed in English, once names, numbers and units are set aside.

Only what is visible counts, as in ``readable``: labels, buttons, group and tab titles, and what a
chart paints (its axes' titles and labels, its captions: ``chart_text``). A screen
switched from English to Welsh while it runs must put all of it into Welsh, banners and alerts too.
"""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from tests.layout.chart_text import painted_texts

SAME_IN_BOTH: frozenset[str] = frozenset(
    {
        # Units and their symbols: the same in Welsh GB usage.
        "kwh",
        "kw",
        "wh",
        "w",
        "p",
        "m³",
        "dbm",
        # Zigbee's link quality indicator, as radio tools name it.
        "lqi",
        "am",
        "pm",
        # Names of standards and products, not words: the same in any language.
        "smets",
        "smets2",
        "ihd",
        "ppmid",
        "cad",
        "han",
        "zigbee",
        "glow",
        "mqtt",
        "eui",
        "sus",
        "seq",
        "nasa",
        "tlx",
        "pin",
        "ok",
        "ppm",
        "id",
        "tcp",
        # Spelt the same in Welsh.
        "wi",
        "fi",
    }
)
"""Words a Welsh screen may show as the English one does, each for the reason above its group."""

NAMES: frozenset[str] = frozenset(
    {
        # The example homes' and studies' own names, written by whoever wrote the scenario or study.
        "p01",
        "p02",
        "p03",
        "p04",
        # Each language offered by its own name, so a person finds theirs whichever is on show.
        "english",
        "cymraeg",
    }
)
"""Names of people, homes and studies, which are not translated."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")
_CODES = re.compile(r"\b(?:[0-9A-Fa-f]{2}:)+[0-9A-Fa-f]{2}\b|\b[0-9A-F]{4}\b")
"""EUI-64s (``00:0d:6f:…``) and install codes or CINs in groups of four hex digits."""


def visible_texts(window: QWidget) -> dict[str, str]:
    """Each visible text on ``window``, keyed by where it is in the widget tree (the same key in
    two windows built alike, or in one window before and after a language switch)."""
    texts: dict[str, str] = {}
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        key = _place(widget, window)
        if isinstance(widget, pg.GraphicsView):
            texts.update(painted_texts(widget, key))
            continue
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                texts[f"{key}#{index}"] = widget.tabText(index)
            continue
        text = _text(widget)
        if text:
            texts[key] = text
    return texts


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel) and widget.pixmap().isNull():
        return _TAG.sub(" ", widget.text()).strip()
    if isinstance(widget, QAbstractButton):
        return widget.text().strip()
    if isinstance(widget, QGroupBox):
        return widget.title().strip()
    return ""


def _place(widget: QWidget, window: QWidget) -> str:
    steps: list[str] = []
    at: QObject = widget
    while at is not window:
        parent = at.parent()
        assert parent is not None
        steps.append(f"{type(at).__name__}{parent.children().index(at)}")
        at = parent
    return "/".join(reversed(steps))


def words_to_translate(text: str) -> list[str]:
    """The words of ``text`` that a Welsh reader needs in Welsh (not units, names or numbers)."""
    return [
        word
        for word in _WORD.findall(_CODES.sub(" ", text))
        if word.lower() not in SAME_IN_BOTH
        and word.lower() not in NAMES
        and not (len(word) == 1 and not word.isalpha())
    ]


def english_left(
    english: dict[str, str], welsh: dict[str, str], authored: tuple[str, ...] = ()
) -> list[str]:
    """Texts shown in Welsh just as they were in English, with a word to translate in them.

    ``authored`` are texts a person wrote for the screens in the language they chose (a study's
    title, its tasks' instructions and right answers): shown as written, they are not the app's."""
    left = set()
    for key, text in welsh.items():
        if english.get(key) != text:
            continue
        own = text
        for passage in authored:
            own = own.replace(passage, " ")
        if words_to_translate(own):
            left.add(text)
    return sorted(left)
