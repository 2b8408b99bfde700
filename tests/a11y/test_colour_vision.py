"""Colour-vision safe, checked by machine: every theme and every colour-shown state as people with
protanopia, deuteranopia and tritanopia see them (Machado 2009). Text keeps WCAG 2.2 AA contrast
(AAA in high contrast); the ambient levels and the budget ring stay apart by shape and word even
where their colours merge, as red and green do for deuteranopia."""

from __future__ import annotations

import itertools
from typing import TypeVar

import numpy as np
import pytest
from numpy.typing import NDArray
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.ui.ambient_indicator import AmbientIndicator, level_word
from app.ui.colour_vision import DEFICIENCIES, simulate, simulate_pixels
from app.ui.contrast import AA_NON_TEXT, AA_TEXT, AAA_TEXT, contrast_ratio
from app.ui.theme import HIGH_CONTRAST, THEMES, Theme
from han.model import AmbientLevel
from ihd.pages.budget_ring import BudgetRing
from ihd.view_models.budget import BudgetLevel

# Whatever kind of level the shapes stand for: ambient, budget …
Level = TypeVar("Level")

TEXTS = ("text", "text_muted", "stale")
GROUNDS = ("background", "surface", "control")
SHOWN_BY_COLOUR = ("ambient_low", "ambient_medium", "ambient_high", "focus", "accent")


def test_the_simulation_keeps_white_black_and_greys() -> None:
    for deficiency in DEFICIENCIES:
        for grey in ("#000000", "#808080", "#ffffff"):
            seen = simulate(grey, deficiency)
            assert (
                max(abs(int(seen[i : i + 2], 16) - int(grey[i : i + 2], 16)) for i in (1, 3, 5))
                <= 2
            )


def test_red_and_green_merge_for_deuteranopia_so_colour_alone_would_fail() -> None:
    """Why shapes and words are needed: the standard theme's low and high look almost alike."""
    low = simulate(THEMES["standard"].ambient_low, "deuteranopia")
    high = simulate(THEMES["standard"].ambient_high, "deuteranopia")
    assert contrast_ratio(low, high) < 1.5


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_text_keeps_its_contrast_for_every_colour_vision(theme: Theme, deficiency: str) -> None:
    needed = AAA_TEXT if theme is HIGH_CONTRAST else AA_TEXT
    pairs = [(text, ground) for text in TEXTS for ground in GROUNDS] + [("on_accent", "accent")]
    for text, ground in pairs:
        seen = simulate(getattr(theme, text), deficiency)
        behind = simulate(getattr(theme, ground), deficiency)
        ratio = contrast_ratio(seen, behind)
        assert ratio >= needed, f"{theme.name}, {deficiency}: {text} on {ground} is {ratio:.2f}"


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_the_alarms_words_keep_aa_contrast_on_its_red(theme: Theme, deficiency: str) -> None:
    """The PPMID's low-credit alarm and a stopped update: the theme's dark ground on its red."""
    seen = simulate(theme.background, deficiency)
    ratio = contrast_ratio(seen, simulate(theme.ambient_high, deficiency))
    assert ratio >= AA_TEXT, f"{theme.name}, {deficiency}: {ratio:.2f}"


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_indicators_still_stand_out_for_every_colour_vision(theme: Theme, deficiency: str) -> None:
    for name in SHOWN_BY_COLOUR:
        for ground in ("background", "surface"):
            seen = simulate(getattr(theme, name), deficiency)
            ratio = contrast_ratio(seen, simulate(getattr(theme, ground), deficiency))
            assert ratio >= AA_NON_TEXT, f"{theme.name}, {deficiency}: {name} on {ground}"


def _pixels(image: QImage) -> NDArray[np.uint8]:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def _silhouette(pixels: NDArray[np.uint8], ground: str, deficiency: str) -> NDArray[np.bool_]:
    """Where the drawing shows against its ground, as someone with ``deficiency`` sees it."""
    seen = simulate_pixels(pixels, deficiency).astype(int)
    digits = simulate(ground, deficiency)
    behind = np.array([int(digits[i : i + 2], 16) for i in (1, 3, 5)])
    return np.abs(seen - behind).sum(axis=2) > 60  # type: ignore[no-any-return]


def _apart(shapes: dict[Level, NDArray[np.bool_]], label: str) -> None:
    for (one, first), (other, second) in itertools.combinations(shapes.items(), 2):
        assert first.sum() > 200, f"{label}: {one} barely shows"
        differing = np.logical_xor(first, second).sum() / np.logical_or(first, second).sum()
        assert differing > 0.15, f"{label}: {one} and {other} look alike ({differing:.0%})"


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_the_ambient_levels_differ_in_shape_and_word(
    qtbot: QtBot, theme: Theme, deficiency: str
) -> None:
    indicator = AmbientIndicator(theme)
    qtbot.addWidget(indicator)
    indicator.resize(96, 96)  # the shape alone: the word is checked apart
    indicator.setStyleSheet(f"background: {theme.background};")
    shapes = {}
    for level in AmbientLevel:
        indicator.set_level(level)
        shapes[level] = _silhouette(
            _pixels(indicator.grab().toImage()), theme.background, deficiency
        )
    _apart(shapes, f"{theme.name}, {deficiency}")
    assert len({level_word(level) for level in AmbientLevel}) == len(AmbientLevel)


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_the_budget_ring_levels_differ_in_shape(
    qtbot: QtBot, theme: Theme, deficiency: str
) -> None:
    ring = BudgetRing()
    qtbot.addWidget(ring)
    ring.set_theme(theme)
    ring.resize(160, 160)
    shapes = {}
    for level in BudgetLevel:
        ring.set_progress(0.5, level, dimmed=False)  # the same arc: only the mark may differ
        image = ring.grab().toImage()
        middle = _pixels(image)[40:120, 40:120]  # inside the arc: the tick, "!" or cross
        shapes[level] = _silhouette(middle, _corner(image), deficiency)
    _apart(shapes, f"{theme.name}, {deficiency}")


def _corner(image: QImage) -> str:
    colour = image.pixelColor(1, 1)
    return f"#{colour.red():02x}{colour.green():02x}{colour.blue():02x}"
