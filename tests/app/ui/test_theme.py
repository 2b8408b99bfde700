"""Every theme's text is readable on what it is drawn on (WCAG AA; AAA for high contrast), its
controls and indicators stand out (3:1), and sizes grow with the window."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.settings.display_settings import THEME_NAMES
from app.ui.contrast import AA_NON_TEXT, AA_TEXT, AAA_TEXT, contrast_ratio, relative_luminance
from app.ui.theme import (
    HIGH_CONTRAST,
    LARGE_TEXT,
    STANDARD,
    THEMES,
    Theme,
    base_font_px,
    stylesheet,
    touch_target_px,
)


def test_contrast_ratio_matches_wcag_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just fails AA
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # just passes
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)


def test_a_colour_that_is_not_hex_rgb_is_refused() -> None:
    with pytest.raises(ValueError, match="#1a2b3c"):
        relative_luminance("red")


def _text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    pairs = []
    for name in ("text", "text_muted", "stale"):
        for ground in ("background", "surface", "control"):
            pairs.append((name, ground, getattr(theme, name)))
    return [
        (f"{name} on {ground}", getattr(theme, ground), colour) for name, ground, colour in pairs
    ] + [
        ("on_accent on accent", theme.accent, theme.on_accent),
    ]


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_text_is_readable_on_every_background(theme: Theme) -> None:
    needed = AAA_TEXT if theme is HIGH_CONTRAST else AA_TEXT
    for label, background, foreground in _text_pairs(theme):
        assert contrast_ratio(foreground, background) >= needed, f"{theme.name}: {label}"


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_controls_and_indicators_stand_out(theme: Theme) -> None:
    for name in (
        "ambient_low",
        "ambient_medium",
        "ambient_high",
        "control_border",
        "focus",
        "accent",
    ):
        for ground in ("background", "surface"):
            ratio = contrast_ratio(getattr(theme, name), getattr(theme, ground))
            assert ratio >= AA_NON_TEXT, f"{theme.name}: {name} on {ground} is {ratio:.2f}"


def test_the_focus_ring_never_looks_like_the_chosen_button() -> None:
    for theme in THEMES.values():
        assert theme.focus != theme.accent


def test_every_theme_the_command_line_offers_exists() -> None:
    assert tuple(THEMES) == THEME_NAMES


def test_large_text_is_larger_and_high_contrast_draws_thicker_outlines() -> None:
    assert LARGE_TEXT.text_scale >= 1.25
    assert "font-size: 26px" in stylesheet(LARGE_TEXT, 20)
    assert "font-size: 20px" in stylesheet(STANDARD, 20)
    assert HIGH_CONTRAST.outline_px > STANDARD.outline_px


def test_text_and_touch_targets_grow_with_the_window() -> None:
    assert base_font_px(480) == 20
    assert base_font_px(600) == 25
    assert base_font_px(720) == 30
    assert touch_target_px(480) == 48
    assert touch_target_px(720) > 48


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_a_check_box_shows_its_box_and_its_tick_in_every_theme(theme: Theme, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QCheckBox

    def drawn(checked: bool) -> set[str]:
        box = QCheckBox("Encrypt (TLS)")
        qtbot.addWidget(box)
        box.setStyleSheet(stylesheet(theme, 20))
        box.setChecked(checked)
        box.resize(box.sizeHint())
        image = box.grab().toImage()
        # The indicator sits at the left, as tall as the text: every colour drawn there.
        side = min(image.height(), 24)
        top = (image.height() - side) // 2
        return {image.pixelColor(x, y).name() for x in range(side) for y in range(top, top + side)}

    unchecked, checked = drawn(False), drawn(True)
    # The empty box's outline stands out from the window (WCAG 2.2 non-text contrast, 3:1) …
    assert max(contrast_ratio(colour, theme.background) for colour in unchecked) >= AA_NON_TEXT
    # … and the chosen box is filled with the accent and carries a dark tick on it.
    assert theme.accent in checked
    assert theme.accent not in unchecked
    assert max(contrast_ratio(colour, theme.accent) for colour in checked) >= AA_NON_TEXT
