"""The bar of screens along the bottom of a device: icon and word on each button, the chosen one
filled with the accent colour *and* in bold, so the choice never rests on colour alone.

To a screen reader the bar is a group named "Screens" of push buttons, the chosen one described as
the screen on show. (Checkable buttons would be read as a row of "check box"es, which is not what
they are: pressing one shows a screen, it does not tick anything.)

Keyboard: Tab reaches the bar, Left/Right (and Home/End) move along it and show that screen at once,
as a tab bar does; Enter or Space choose the focused button.

Words: every button's words are set at one size, the largest (up to the theme's bar size) at which
each button's words fit it whole – in bold, as the chosen screen's are, so choosing a screen never
changes what fits – on one line, or on two where they hold a space ("Negeseuon (2)"). Six screens
and the clock share 800 px, where "Gosodiadau" in large text fills a button: one size for the bar
reads calmer than one word set smaller than its neighbours, and no word is ever cut.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from app.ui.icons import icon
from app.ui.theme import Theme, base_font_px, nav_font_px
from app.ui.touch_button import SMALLEST_WORDS, TouchButton

_MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: +1,
}


class NavBar(QWidget):
    chosen = Signal(str)
    """The key of the screen a person chose."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "nav-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 8, 2)
        self._layout.setSpacing(4)
        self.buttons: dict[str, TouchButton] = {}
        self._icons: dict[str, str] = {}
        self._descriptions: dict[str, str] = {}
        self._current: str | None = None
        self._theme: Theme | None = None
        self.words_px = 0
        """The size every button's words are set at (0 until the bar has a theme)."""
        self._fit_pending = False
        self._trailing = QHBoxLayout()
        self._layout.addStretch(0)
        self._layout.addLayout(self._trailing)

    def add(self, key: str, icon_name: str) -> TouchButton:
        button = TouchButton(icon_scale=1.3, shrinks=False)  # the bar sets its words' size
        button.setProperty("role", "nav")
        button.setProperty("current", "false")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False, chosen=key: self.chosen.emit(chosen))
        button.installEventFilter(self)
        self._layout.insertWidget(len(self.buttons), button, 1)
        self.buttons[key] = button
        self._icons[key] = icon_name
        return button

    def set_words(self, key: str, words: str) -> None:
        """A screen's button's words (its name, and a count: "Messages (2)")."""
        button = self.buttons[key]
        if words != button.words():
            button.set_words(words)
            self._fit_soon()

    def add_trailing(self, widget: QWidget) -> None:
        """Something always on show at the end of the bar (the clock)."""
        self._trailing.addWidget(widget)

    def set_current(self, key: str) -> None:
        previous, self._current = self._current, key
        for changed in {previous, key} - {None}:
            button = self.buttons[changed]  # type: ignore[index]
            button.setProperty("current", "true" if changed == key else "false")
            button.style().unpolish(button)
            button.style().polish(button)
            self._describe(changed)  # type: ignore[arg-type]

    def current(self) -> str | None:
        return self._current

    def is_current(self, key: str) -> bool:
        return key == self._current

    def describe(self, key: str, name: str, description: str) -> None:
        """A screen's button as a screen reader reads it: its name, and what the screen is for."""
        self._descriptions[key] = description
        self.buttons[key].setAccessibleName(name)
        self._describe(key)

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("Navigation", "Screens"))

    def _describe(self, key: str) -> None:
        description = self._descriptions.get(key, "")
        if key == self._current:
            on_show = QCoreApplication.translate("Navigation", "On show.")
            description = f"{on_show} {description}".strip()
        self.buttons[key].setAccessibleDescription(description)

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme
        for key, button in self.buttons.items():
            button.setIcon(icon(self._icons[key], theme))
        self._fit_soon()

    # Fitting the words ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_soon()

    def _fit_soon(self) -> None:
        """After the layout has given the buttons their widths (one pass of the loop)."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        self._fit_pending = False
        if self._theme is None or not self.isVisible():
            return
        natural = nav_font_px(self._theme, base_font_px(self.window().height()))
        floor = int(natural * SMALLEST_WORDS)
        shown = [button for button in self.buttons.values() if not button.isHidden()]
        px = natural
        while px > floor and not all(self._fits(button, px) for button in shown):
            px -= 1
        if px != self.words_px:
            self.words_px = px
            self.setStyleSheet(f'QToolButton[role="nav"] {{ font-size: {px}px; }}')

    @staticmethod
    def _fits(button: TouchButton, px: int) -> bool:
        """The button's words, bold at ``px``, fit its width on one line or broken at a space."""
        words = button.words()
        if not words:
            return True
        # What the style adds around the words (padding, border) is what the hint adds, as the
        # button itself reckons it.
        shown = button.fontMetrics()
        widest = max(shown.horizontalAdvance(line) for line in (button.text() or " ").split("\n"))
        room = button.width() - (QToolButton.sizeHint(button).width() - widest)
        font = QFont(button.font())
        font.setPixelSize(px)
        font.setBold(True)
        metrics = QFontMetrics(font)
        if metrics.horizontalAdvance(words) <= room:
            return True
        if " " not in words:
            return False
        middle = len(words) // 2
        split = min(
            (i for i, char in enumerate(words) if char == " "), key=lambda i: abs(i - middle)
        )
        halves = (words[:split], words[split + 1 :])
        return all(metrics.horizontalAdvance(half) <= room for half in halves)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            keys = [key for key, button in self.buttons.items() if not button.isHidden()]
            position = next((i for i, k in enumerate(keys) if self.buttons[k] is watched), None)
            if position is not None and self._move(keys, position, event.key()):
                return True
        return super().eventFilter(watched, event)

    def _move(self, keys: list[str], position: int, key: int) -> bool:
        if key in _MOVES:
            target = (position + _MOVES[Qt.Key(key)]) % len(keys)
        elif key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = len(keys) - 1
        else:
            return False
        button = self.buttons[keys[target]]
        button.setFocus(Qt.FocusReason.TabFocusReason)
        button.click()
        return True
