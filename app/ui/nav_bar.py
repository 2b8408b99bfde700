"""The bar of screens along the bottom of a device: icon and word on each button, the chosen one
filled with the accent colour *and* in bold, so the choice never rests on colour alone.

To a screen reader the bar is a group named "Screens" of push buttons, the chosen one described as
the screen on show. (Checkable buttons would be read as a row of "check box"es, which is not what
they are: pressing one shows a screen, it does not tick anything.)

Keyboard: Tab reaches the bar, Left/Right (and Home/End) move along it and show that screen at once,
as a tab bar does; Enter or Space choose the focused button.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from app.ui.icons import icon
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton

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
        self._trailing = QHBoxLayout()
        self._layout.addStretch(0)
        self._layout.addLayout(self._trailing)

    def add(self, key: str, icon_name: str) -> TouchButton:
        button = TouchButton(icon_scale=1.3)
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
        for key, button in self.buttons.items():
            button.setIcon(icon(self._icons[key], theme))

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
