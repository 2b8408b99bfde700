"""A questionnaire put to the participant: one item at a time, answered by touch.

Shown over the participant's display (it covers the display's screens until answered, so the
display's own controls cannot be pressed by mistake) or in the console when the researcher asks
the questions aloud. Ratings of up to eleven points are a row of touch buttons; a 0–100 scale
(NASA-TLX, in fives) is a slider with its value shown; free text is a line the participant may
leave empty. Standard texts go through Qt's translation; a study's own items show their Welsh
when the display is in Welsh. Words wrap, so large text stays readable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from app.trial.questionnaires import (
    QUESTIONNAIRE_CONTEXT,
    Instrument,
    Item,
    ItemKind,
    Questionnaire,
)
from app.ui import i18n
from app.ui.overlay import Overlay
from app.ui.touch_button import TouchButton

translate = QCoreApplication.translate
MAX_BUTTONS = 11
"""More choices than this do not fit a 800 px display as touch buttons: a slider instead."""

Answers = dict[str, float | str]


def item_text(item: Item, standard: bool) -> str:
    if standard:
        return translate(QUESTIONNAIRE_CONTEXT, item.text)
    if i18n.current_language() == "cy" and item.text_cy:
        return item.text_cy
    return item.text


def end_labels(item: Item, standard: bool) -> tuple[str, str]:
    if standard:
        return (
            translate(QUESTIONNAIRE_CONTEXT, item.low_label),
            translate(QUESTIONNAIRE_CONTEXT, item.high_label),
        )
    if i18n.current_language() == "cy":
        return (item.label_cy[0] or item.low_label, item.label_cy[1] or item.high_label)
    return item.low_label, item.high_label


class QuestionnaireForm(QWidget):
    """The items of one questionnaire, one page each; ``done`` is called with every answer."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        done: Callable[[Answers], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"questionnaire-{questionnaire.instrument}")
        self.questionnaire = questionnaire
        self._standard = questionnaire.instrument is not Instrument.OWN
        self._done = done
        self.answers: Answers = {}
        self.index = 0

        self.progress = QLabel("")
        self.progress.setProperty("role", "caption")
        self.question = QLabel("")
        self.question.setProperty("role", "heading")
        self.question.setWordWrap(True)
        self.low = QLabel("")
        self.low.setWordWrap(True)
        self.high = QLabel("")
        self.high.setWordWrap(True)
        self.high.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.choices_row = QHBoxLayout()
        self.choices: list[TouchButton] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumHeight(48)
        self.slider.valueChanged.connect(self._slid)
        self.slider_value = QLabel("")
        self.slider_value.setProperty("role", "heading")
        self.text = QLineEdit()
        self.text.setMinimumHeight(48)
        self.back = TouchButton()
        self.back.clicked.connect(self._back)
        self.next = TouchButton()
        self.next.setProperty("role", "primary")
        self.next.clicked.connect(self._next)

        labels = QHBoxLayout()
        labels.addWidget(self.low, 1)
        labels.addWidget(self.high, 1)
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.slider_value)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.progress)
        layout.addWidget(self.question)
        layout.addStretch(1)
        layout.addLayout(self.choices_row)
        layout.addLayout(slider_row)
        layout.addWidget(self.text)
        layout.addLayout(labels)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._show_item()

    @property
    def item(self) -> Item:
        return self.questionnaire.items[self.index]

    def _show_item(self) -> None:
        item = self.item
        count = len(self.questionnaire.items)
        self.progress.setText(
            translate("Questionnaire", "Question %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(count))
        )
        self.question.setText(item_text(item, self._standard))
        for button in self.choices:
            self._group.removeButton(button)
            button.deleteLater()
        self.choices = []
        is_text = item.kind is ItemKind.TEXT
        uses_slider = not is_text and len(item.choices) > MAX_BUTTONS
        self.text.setVisible(is_text)
        self.slider.setVisible(uses_slider)
        self.slider_value.setVisible(uses_slider)
        low, high = ("", "") if is_text else end_labels(item, self._standard)
        self.low.setText(low)
        self.high.setText(high)
        answer = self.answers.get(item.id)
        if is_text:
            self.text.setText(str(answer or ""))
            self.text.setAccessibleName(self.question.text())
        elif uses_slider:
            self.slider.setRange(item.low, item.high)
            self.slider.setSingleStep(item.step)
            self.slider.setPageStep(item.step * 2)
            self.slider.setTickInterval(item.step * 2)
            self.slider.setAccessibleName(self.question.text())
            self.slider.setValue(int(answer) if isinstance(answer, float | int) else item.low)
            self._slid(self.slider.value(), record=answer is not None)
        else:
            for value in item.choices:
                button = TouchButton(str(value))
                button.setCheckable(True)
                button.setChecked(answer == value)
                button.describe(
                    translate("Questionnaire", "%1 of %2")
                    .replace("%1", str(value))
                    .replace("%2", str(item.high)),
                    self.question.text(),
                )
                button.clicked.connect(lambda _=False, v=value: self._chose(v))
                self._group.addButton(button)
                self.choices_row.addWidget(button, 1)
                button.show()  # a layout shows a new child only later, when the loop runs
                self.choices.append(button)
        self.back.set_words(translate("Questionnaire", "Back"))
        self.back.setEnabled(self.index > 0)
        last = self.index == count - 1
        self.next.set_words(
            translate("Questionnaire", "Done") if last else translate("Questionnaire", "Next")
        )
        self._update_next()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._keep_text()  # what is typed stays typed
            self._show_item()
        super().changeEvent(event)

    def _chose(self, value: int) -> None:
        self.answers[self.item.id] = float(value)
        self._update_next()

    def _slid(self, value: int, record: bool = True) -> None:
        step = self.item.step
        snapped = round(value / step) * step
        if snapped != value:
            self.slider.setValue(snapped)
            return
        self.slider_value.setText(str(snapped))
        if record:
            self.answers[self.item.id] = float(snapped)
        self._update_next()

    def _update_next(self) -> None:
        item = self.item
        self.next.setEnabled(item.kind is ItemKind.TEXT or item.id in self.answers)

    def _back(self) -> None:
        if self.index > 0:
            self._keep_text()
            self.index -= 1
            self._show_item()

    def _keep_text(self) -> None:
        if self.item.kind is ItemKind.TEXT:
            self.answers[self.item.id] = self.text.text().strip()

    def _next(self) -> None:
        self._keep_text()
        if self.index + 1 < len(self.questionnaire.items):
            self.index += 1
            self._show_item()
            return
        self._done(dict(self.answers))


class QuestionnaireOverlay(Overlay):
    """A questionnaire covering a display's window, painted in the display's theme."""

    def __init__(
        self, window: QWidget, questionnaire: Questionnaire, done: Callable[[Answers], None]
    ) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.form = QuestionnaireForm(questionnaire, done, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.cover()

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.end()
