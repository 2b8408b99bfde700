"""How colours look to people with the three dichromacies, to check by machine that no state is told
by colour alone.

Machado, Oliveira and Fernandes (2009), "A physiologically-based model for simulation of color
vision deficiency", give one 3×3 matrix per deficiency and severity, applied to linear RGB; these
are their severity-1.0 matrices (a missing cone type: protanopia, deuteranopia, tritanopia). Qt-free.
"""

from __future__ import annotations

from typing import Final

import numpy as np
from numpy.typing import NDArray

MACHADO_2009: Final = {
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
DEFICIENCIES: Final = tuple(MACHADO_2009)


def _to_linear(srgb: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _to_srgb(linear: NDArray[np.float64]) -> NDArray[np.float64]:
    linear = np.clip(linear, 0.0, 1.0)
    return np.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate_pixels(rgb: NDArray[np.uint8], deficiency: str) -> NDArray[np.uint8]:
    """An ``(…, 3)`` array of 8-bit sRGB pixels as someone with ``deficiency`` sees them."""
    linear = _to_linear(rgb.astype(np.float64) / 255.0)
    seen = linear @ MACHADO_2009[deficiency].T
    return np.round(_to_srgb(seen) * 255.0).astype(np.uint8)


def simulate(colour: str, deficiency: str) -> str:
    """``#rrggbb`` as someone with ``deficiency`` sees it."""
    digits = colour.removeprefix("#")
    pixel = np.array([[int(digits[i : i + 2], 16) for i in (0, 2, 4)]], dtype=np.uint8)
    red, green, blue = (int(channel) for channel in simulate_pixels(pixel, deficiency)[0])
    return f"#{red:02x}{green:02x}{blue:02x}"
