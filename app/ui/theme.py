"""Colours and type for every screen, in one place so themes (large text, high contrast) swap whole.

Sizes are in pixels relative to the window height, so an 800×480 touchscreen, a 1024×600 one and a
desktop window all read at arm's length. Every text colour meets WCAG AA on the backgrounds it is
drawn on (AAA in the high-contrast theme); ``tests/app/ui/test_theme.py`` holds them to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from han.resources import resource_dir


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    surface: str
    """Cards and panels."""
    text: str
    text_muted: str
    """Captions and units: quieter than values, still AA (AAA in high contrast)."""
    stale: str
    """Values that stopped arriving: visibly dimmed, still readable."""
    accent: str
    """The chosen screen and chosen options."""
    on_accent: str
    ambient_low: str
    ambient_medium: str
    ambient_high: str
    border: str
    """Card outlines (decoration: the card's caption names it)."""
    control: str
    """Button faces."""
    control_border: str
    """Button outlines: a person must see where to press (3:1 against what is around them)."""
    focus: str
    """The keyboard focus ring, distinct from the accent so focus and choice never look alike."""
    text_scale: float = 1.0
    """Body text relative to the standard; big readings are large already and keep their size."""
    outline_px: int = 1


STANDARD: Final = Theme(
    name="standard",
    background="#0f1b2d",
    surface="#172a45",
    text="#f4f7fb",
    text_muted="#a9b8cc",
    stale="#9aa9bd",
    accent="#4fc3f7",
    on_accent="#0f1b2d",
    ambient_low="#2e9e5b",
    ambient_medium="#e0a030",
    ambient_high="#f26b6b",  # light enough to stand out for protanopes, who see red darker
    border="#2c4466",
    control="#1f3a5f",
    control_border="#6a8bb8",
    focus="#ffd54f",
)

LARGE_TEXT: Final = Theme(**{**STANDARD.__dict__, "name": "large", "text_scale": 1.3})

HIGH_CONTRAST: Final = Theme(
    name="contrast",
    background="#000000",
    surface="#000000",
    text="#ffffff",
    text_muted="#ffe14d",
    stale="#c8c8c8",
    accent="#ffd400",
    on_accent="#000000",
    ambient_low="#00e676",
    ambient_medium="#ffb300",
    ambient_high="#ff5252",
    border="#ffffff",
    control="#000000",
    control_border="#ffffff",
    focus="#00e5ff",
    outline_px=2,
)

THEMES: Final = {theme.name: theme for theme in (STANDARD, LARGE_TEXT, HIGH_CONTRAST)}


_TICK: Final = (resource_dir("ui") / "tick-dark.svg").as_posix()
"""The mark in a chosen check box: dark, as ``on_accent`` is in every theme."""


def stylesheet(theme: Theme, base_px: int) -> str:
    """The application style sheet; widgets pick roles through their ``role`` property."""
    body = round(base_px * theme.text_scale)
    line = theme.outline_px
    touch = _touch_target(base_px)
    nav_px = nav_font_px(theme, base_px)
    return f"""
    QWidget {{
        background: {theme.background};
        color: {theme.text};
        font-size: {body}px;
    }}
    QFrame[role="card"] {{
        background: {theme.surface};
        border: {line}px solid {theme.border};
        border-radius: {base_px // 2}px;
    }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {round(body * 1.25)}px; font-weight: 600; }}
    QLabel[role="heading"] {{ font-size: {round(body * 1.1)}px; font-weight: 600; }}
    QLabel[role="caption"] {{ color: {theme.text_muted}; }}
    QLabel[role="value"] {{ font-size: {base_px * 3}px; font-weight: 700; }}
    QLabel[role="value-small"] {{ font-size: {round(base_px * 1.9)}px; font-weight: 700; }}
    QLabel[role="unit"] {{ color: {theme.text_muted}; font-size: {round(body * 1.2)}px; }}
    QLabel[role="status"] {{ color: {theme.text_muted}; }}
    QLabel[role="message"] {{ font-size: {round(body * 1.3)}px; }}
    QLabel[role="badge"] {{
        color: {theme.on_accent}; background: {theme.accent};
        border-radius: {base_px // 3}px; padding: 0px {base_px // 3}px; font-weight: 700;
    }}
    QLabel[stale="true"] {{ color: {theme.stale}; }}
    QLabel[role="searching"] {{ font-size: {round(base_px * 1.8)}px; font-weight: 600; }}
    QLabel[role="clock"] {{ font-size: {round(body * 1.25)}px; font-weight: 600; }}
    QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
    QScrollArea[role="scrolling-text"]:focus {{ border: 3px solid {theme.focus}; }}
    QToolButton, QPushButton {{
        background: {theme.control};
        color: {theme.text};
        border: {max(line, 2)}px solid {theme.control_border};
        border-radius: {base_px // 2}px;
        padding: {base_px // 4}px {base_px // 2}px;
        min-height: {touch - 2 * max(line, 2) - base_px // 2}px;
        min-width: {touch}px;
    }}
    QToolButton[role="nav"] {{
        border-color: transparent;
        background: {theme.background};
        border-radius: 0px;
        padding: 2px 2px;
        font-size: {nav_px}px;
    }}
    QToolButton:checked, QPushButton:checked {{
        background: {theme.accent};
        color: {theme.on_accent};
        border-color: {theme.accent};
    }}
    QToolButton[role="nav"][current="true"] {{
        background: {theme.accent};
        color: {theme.on_accent};
        border-color: {theme.accent};
        font-weight: 700;
    }}
    QToolButton:disabled, QPushButton:disabled {{
        color: {theme.stale};
        border-style: dashed;
    }}
    QToolButton:focus, QPushButton:focus {{ border: 3px solid {theme.focus}; }}
    QCheckBox, QRadioButton {{ spacing: {base_px // 2}px; padding: 3px 0px; }}
    QCheckBox::indicator, QRadioButton::indicator {{
        width: {body - 2 * max(line, 2)}px; height: {body - 2 * max(line, 2)}px;
        background: {theme.control};
        border: {max(line, 2)}px solid {theme.control_border};
        border-radius: {max(2, base_px // 6)}px;
    }}
    QRadioButton::indicator {{ border-radius: {body // 2}px; }}
    QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
        background: {theme.accent};
        border-color: {theme.accent};
        image: url({_TICK});
    }}
    QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border-color: {theme.focus}; }}
    QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-style: dashed; }}
    QTabBar::tab:focus, QComboBox:focus, QCheckBox:focus, QRadioButton:focus, QLineEdit:focus,
    QAbstractSpinBox:focus, QAbstractItemView:focus, QTextEdit:focus, QPlainTextEdit:focus {{
        border: 3px solid {theme.focus};
    }}
    QScrollBar:vertical {{
        background: {theme.surface}; width: {base_px * 3 // 4}px; margin: 0px; border: none;
    }}
    QScrollBar::handle:vertical {{
        background: {theme.control_border}; min-height: {touch}px; border-radius: {base_px // 3}px;
    }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    QWidget[role="nav-bar"] {{ border-top: {line}px solid {theme.border}; }}
    """


def nav_font_px(theme: Theme, base_px: int) -> int:
    """The navigation bar's words before the bar fits them to its buttons (``app/ui/nav_bar.py``).
    Four to eight screen names share the bar: its words grow less than body text does."""
    return round(base_px * min(theme.text_scale, 1.1) * 0.95)


def base_font_px(window_height: int) -> int:
    """Body text height for a window: 20 px at 480 px high, growing with the window."""
    return max(14, round(window_height / 24))


def touch_target_px(window_height: int) -> int:
    """The smallest side of anything a finger presses: 48 px at 480 px high, growing with it."""
    return _touch_target(base_font_px(window_height))


def _touch_target(base_px: int) -> int:
    """≥ 48 px at 800×480 (20 px text), larger above."""
    return max(48, round(base_px * 2.4))
