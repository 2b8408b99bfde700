"""Colours and type for every screen, in one place so themes (large text, high contrast) swap whole.

Sizes are in pixels relative to the window height, so an 800×480 touchscreen and a desktop window
both read at arm's length.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str
    text: str
    text_muted: str
    stale: str
    accent: str
    ambient_low: str
    ambient_medium: str
    ambient_high: str
    border: str


STANDARD = Theme(
    name="standard",
    background="#0f1b2d",
    surface="#172a45",
    text="#f4f7fb",
    text_muted="#a9b8cc",
    stale="#6b7a8f",
    accent="#4fc3f7",
    ambient_low="#2e9e5b",
    ambient_medium="#e0a030",
    ambient_high="#d64545",
    border="#2c4466",
)


def stylesheet(theme: Theme, base_px: int) -> str:
    """The application style sheet; widgets pick roles through their ``role`` property."""
    return f"""
    QWidget {{
        background: {theme.background};
        color: {theme.text};
        font-size: {base_px}px;
    }}
    QFrame[role="card"] {{
        background: {theme.surface};
        border: 1px solid {theme.border};
        border-radius: {base_px // 2}px;
    }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {int(base_px * 1.25)}px; font-weight: 600; }}
    QLabel[role="caption"] {{ color: {theme.text_muted}; }}
    QLabel[role="value"] {{ font-size: {base_px * 3}px; font-weight: 700; }}
    QLabel[role="value-small"] {{ font-size: {int(base_px * 1.9)}px; font-weight: 700; }}
    QLabel[role="unit"] {{ color: {theme.text_muted}; font-size: {int(base_px * 1.2)}px; }}
    QLabel[role="status"] {{ color: {theme.text_muted}; }}
    QLabel[stale="true"] {{ color: {theme.stale}; }}
    QLabel[role="searching"] {{ font-size: {int(base_px * 1.8)}px; font-weight: 600; }}
    """


def base_font_px(window_height: int) -> int:
    """Body text height for a window: 20 px at 480 px high, growing with the window."""
    return max(14, round(window_height / 24))
