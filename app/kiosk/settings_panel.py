"""The kiosk's settings behind the PIN: language, text and colours, brightness, when it rests,
its night, its HAN source and its PIN.

Changes are a draft until Save: then the whole set is checked (a bad source says what is wrong and
nothing is written) and written atomically; the display follows at once, except for a new source,
which the display restarts to use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.kiosk.kiosk_settings import MAX_BRIGHTNESS, MIN_BRIGHTNESS, SettingsError, parse_clock
from app.settings.display_settings import LANGUAGE_NAMES
from app.settings.store import StoredSettings
from app.ui.overlay import Overlay
from app.ui.scrolling_page import scrolling
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from app.wording import QT_TRANSLATE_NOOP

REST_STEPS_S: Final = (15, 30, 60, 120, 300, 600, 1800, 3600)
THEME_BUTTON_PX: Final = 72
THEME_WORDS: Final = {
    "standard": QT_TRANSLATE_NOOP("KioskSettings", "Standard"),
    "large": QT_TRANSLATE_NOOP("KioskSettings", "Large text"),
    "contrast": QT_TRANSLATE_NOOP("KioskSettings", "High contrast"),
}

translate = QCoreApplication.translate


def _step_clock(text: str, minutes: int) -> str:
    moment = parse_clock(text)
    total = (moment.hour * 60 + moment.minute + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def _step_rest(seconds: int, direction: int) -> int:
    steps = list(REST_STEPS_S)
    index = min(range(len(steps)), key=lambda i: abs(steps[i] - seconds))
    return steps[max(0, min(len(steps) - 1, index + direction))]


class _Stepper(QWidget):
    """− value + for a finger."""

    def __init__(self, on_step: Callable[[int], None]) -> None:
        super().__init__()
        self.less = TouchButton("−")
        self.more = TouchButton("+")
        self.value = QLabel("")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value.setMinimumWidth(96)
        self.less.clicked.connect(lambda: on_step(-1))
        self.more.clicked.connect(lambda: on_step(+1))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.less)
        row.addWidget(self.value, 1)
        row.addWidget(self.more)


class SettingsPanel(Overlay):
    saved = Signal(object)
    """The settings as written (a ``StoredSettings``)."""
    change_pin_wanted = Signal()

    def __init__(
        self,
        parent: QWidget,
        theme: Theme,
        save: Callable[[StoredSettings], None],
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._draft = StoredSettings()
        self.title = QLabel("")
        self.title.setProperty("role", "title")
        self.captions: dict[str, QLabel] = {}
        self.languages = {code: TouchButton(name) for code, name in LANGUAGE_NAMES.items()}
        self.themes = {name: TouchButton("") for name in THEME_WORDS}
        for code, button in self.languages.items():
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, code=code: self._edit(language=code))
        for name, button in self.themes.items():
            button.setMinimumHeight(THEME_BUTTON_PX)  # room for two lines ("Cyferbyniad uchel")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, name=name: self._edit(theme=name))
        self.brightness = _Stepper(self._step_brightness)
        self.rest = _Stepper(self._step_rest)
        self.night_start = _Stepper(lambda d: self._step_night("night_start", d))
        self.night_end = _Stepper(lambda d: self._step_night("night_end", d))
        self.night_to = QLabel("")
        self.source = QLineEdit()
        self.source.textEdited.connect(lambda text: self._edit_kiosk(source=text.strip()))
        self.pin = TouchButton("")
        self.pin.clicked.connect(self.change_pin_wanted.emit)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.save_button = TouchButton("")
        self.save_button.clicked.connect(self._submit)
        self.cancel = TouchButton("")
        self.cancel.clicked.connect(self.hide)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        rows: list[tuple[str, list[QWidget]]] = [
            ("language", list(self.languages.values())),
            ("theme", list(self.themes.values())),
            ("brightness", [self.brightness]),
            ("rest", [self.rest]),
            ("night", [self.night_start, self.night_to, self.night_end]),
            ("source", [self.source]),
        ]
        for row, (key, widgets) in enumerate(rows):
            caption = self.captions[key] = QLabel("")
            caption.setProperty("role", "caption")
            caption.setWordWrap(True)  # two lines rather than push the controls off the card
            grid.addWidget(caption, row, 0)
            line = QHBoxLayout()
            line.setSpacing(8)
            for widget in widgets:
                line.addWidget(widget, 0 if widget is self.night_to else 1)
            grid.addLayout(line, row, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pin)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save_button)
        card = QFrame()
        card.setProperty("role", "card")
        column = QVBoxLayout(card)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(6)
        column.addWidget(self.title)
        column.addLayout(grid)
        column.addStretch(1)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        # Large text in Welsh needs more than 480 px: the card scrolls rather than squeeze its rows.
        page = scrolling(card)
        page.viewport().setAutoFillBackground(False)
        card.setAutoFillBackground(False)
        outer.addWidget(page)
        self.set_theme(theme)
        self.retranslate()

    def set_theme(self, theme: Theme) -> None:
        self.set_shade(QColor(theme.background))

    # Showing the draft -----------------------------------------------------------------------

    @property
    def draft(self) -> StoredSettings:
        return self._draft

    def open_panel(self, current: StoredSettings) -> None:
        self._draft = current
        self.source.setText(current.kiosk.source)
        self.message.setText("")
        self._show_draft()
        self.cover()

    def _edit(self, **changes: str) -> None:
        self._draft = replace(self._draft, **changes)  # type: ignore[arg-type]
        self._show_draft()

    def _edit_kiosk(self, **changes: object) -> None:
        self._draft = replace(self._draft, kiosk=replace(self._draft.kiosk, **changes))  # type: ignore[arg-type]
        self._show_draft()

    def _step_brightness(self, direction: int) -> None:
        value = self._draft.kiosk.brightness_percent + 10 * direction
        self._edit_kiosk(brightness_percent=max(MIN_BRIGHTNESS, min(MAX_BRIGHTNESS, value)))

    def _step_rest(self, direction: int) -> None:
        self._edit_kiosk(dim_after_s=_step_rest(self._draft.kiosk.dim_after_s, direction))

    def _step_night(self, which: str, direction: int) -> None:
        current = getattr(self._draft.kiosk, which)
        self._edit_kiosk(**{which: _step_clock(current, 30 * direction)})

    def _show_draft(self) -> None:
        draft = self._draft
        for code, button in self.languages.items():
            button.setChecked(code == draft.language)
        for name, button in self.themes.items():
            button.setChecked(name == draft.theme)
        kiosk = draft.kiosk
        self.brightness.value.setText(f"{kiosk.brightness_percent} %")
        seconds = kiosk.dim_after_s
        self.rest.value.setText(
            translate("KioskSettings", "%1 s").replace("%1", str(seconds))
            if seconds < 60
            else translate("KioskSettings", "%1 min").replace("%1", str(seconds // 60))
        )
        self.night_start.value.setText(kiosk.night_start)
        self.night_end.value.setText(kiosk.night_end)

    # Saving ----------------------------------------------------------------------------------

    def _submit(self) -> None:
        try:
            checked = self._draft.checked()
        except SettingsError as error:
            self.message.setText(
                translate("KioskSettings", "Not saved: %1").replace("%1", str(error))
            )
            return
        try:
            self._save(checked)
        except OSError as error:
            self.message.setText(
                translate("KioskSettings", "Not saved: %1").replace("%1", str(error))
            )
            return
        self.hide()
        self.saved.emit(checked)

    # Words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(translate("KioskSettings", "Kiosk settings"))
        words = {
            "language": translate("KioskSettings", "Language"),
            "theme": translate("KioskSettings", "Text and colours"),
            "brightness": translate("KioskSettings", "Brightness"),
            "rest": translate("KioskSettings", "Rest after"),
            "night": translate("KioskSettings", "Screen off at night"),
            "source": translate("KioskSettings", "HAN source"),
        }
        self.night_to.setText(translate("KioskSettings", "to"))
        for key, caption in self.captions.items():
            caption.setText(words[key])
        for name, button in self.themes.items():
            button.set_words(translate("KioskSettings", THEME_WORDS[name]))
        self.pin.set_words(translate("KioskSettings", "Change the PIN"))
        self.save_button.set_words(translate("KioskSettings", "Save"))
        self.cancel.set_words(translate("KioskSettings", "Cancel"))
        self.source.setAccessibleName(words["source"])
        self._show_draft()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
