"""WCAG 2.x contrast ratio between two sRGB colours, to hold every theme to a checked standard.

AA asks 4.5:1 for body text and 3:1 for large text and for the shapes of controls and indicators;
AAA (the high-contrast theme's bar) asks 7:1 for text.
"""

from __future__ import annotations

from typing import Final

AA_TEXT: Final = 4.5
AA_NON_TEXT: Final = 3.0
AAA_TEXT: Final = 7.0


def _channel(value_8bit: int) -> float:
    c = value_8bit / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb`` (0 for black, 1 for white)."""
    digits = colour.removeprefix("#")
    if len(digits) != 6:
        raise ValueError(f"expected a colour like #1a2b3c, not {colour!r}")
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(foreground: str, background: str) -> float:
    """From 1 (identical) to 21 (black on white); the order of the two colours does not matter."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
