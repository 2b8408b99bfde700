"""Questionnaires a study asks: the standard instruments, the study's own items, and their scores.

- **SUS** (System Usability Scale; Brooke 1996), after a session: ten statements answered 1
  (strongly disagree) to 5 (strongly agree). Odd items are worded positively and score
  ``answer − 1``, even items negatively and score ``5 − answer``; the sum (0–40) × 2.5 gives 0–100.
- **SEQ** (Single Ease Question; Sauro & Dumas 2009), after each task: "Overall, how difficult or
  easy was the task to complete?" 1 (very difficult) to 7 (very easy); the score is the answer.
- **Raw NASA-TLX** (Hart 2006, "NASA-TLX 20 years later": the unweighted form), after a session
  when the study asks: six subscales rated 0–100 in steps of 5, lower is less workload except
  performance (0 = perfect, 100 = failure, as the original scale runs); the score is their mean.
- The study's own items: a Likert item with its number of points and end labels, or free text.

Texts are marked for Qt's translation (``QT_TRANSLATE_NOOP``) and translated where they are shown,
in the display's language; a study's own items carry their Welsh beside the English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from app.wording import QT_TRANSLATE_NOOP


class ItemKind(StrEnum):
    SCALE = "scale"
    """A rating: whole numbers from ``low`` to ``high`` in ``step``s."""
    TEXT = "text"
    """Free text (may be left empty)."""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    """English; a standard instrument's is translated through Qt's catalogue."""
    kind: ItemKind = ItemKind.SCALE
    low: int = 1
    high: int = 5
    step: int = 1
    low_label: str = ""
    high_label: str = ""
    text_cy: str = ""
    """A study's own item in Welsh (standard items are in the catalogue)."""
    label_cy: tuple[str, str] = ("", "")

    @property
    def choices(self) -> tuple[int, ...]:
        return tuple(range(self.low, self.high + 1, self.step))


class Instrument(StrEnum):
    SUS = "sus"
    SEQ = "seq"
    TLX = "nasa-tlx"
    OWN = "study"
    """The study's own items."""


QUESTIONNAIRE_CONTEXT: Final = "Questionnaire"
"""The translation context of every standard text here."""

_AGREE = (
    QT_TRANSLATE_NOOP("Questionnaire", "Strongly disagree"),
    QT_TRANSLATE_NOOP("Questionnaire", "Strongly agree"),
)

SUS_ITEMS: Final = tuple(
    Item(f"sus{number}", text, low=1, high=5, low_label=_AGREE[0], high_label=_AGREE[1])
    for number, text in enumerate(
        (
            QT_TRANSLATE_NOOP(
                "Questionnaire", "I think that I would like to use this display frequently."
            ),
            QT_TRANSLATE_NOOP("Questionnaire", "I found the display unnecessarily complex."),
            QT_TRANSLATE_NOOP("Questionnaire", "I thought the display was easy to use."),
            QT_TRANSLATE_NOOP(
                "Questionnaire",
                "I think that I would need the support of a technical person to be able to use this display.",
            ),
            QT_TRANSLATE_NOOP(
                "Questionnaire",
                "I found the various functions in this display were well integrated.",
            ),
            QT_TRANSLATE_NOOP(
                "Questionnaire", "I thought there was too much inconsistency in this display."
            ),
            QT_TRANSLATE_NOOP(
                "Questionnaire",
                "I would imagine that most people would learn to use this display very quickly.",
            ),
            QT_TRANSLATE_NOOP("Questionnaire", "I found the display very cumbersome to use."),
            QT_TRANSLATE_NOOP("Questionnaire", "I felt very confident using the display."),
            QT_TRANSLATE_NOOP(
                "Questionnaire",
                "I needed to learn a lot of things before I could get going with this display.",
            ),
        ),
        start=1,
    )
)
"""Brooke's statements with "system" read as "display", as SUS users commonly adapt the noun."""

SEQ_ITEMS: Final = (
    Item(
        "seq",
        QT_TRANSLATE_NOOP(
            "Questionnaire", "Overall, how difficult or easy was the task to complete?"
        ),
        low=1,
        high=7,
        low_label=QT_TRANSLATE_NOOP("Questionnaire", "Very difficult"),
        high_label=QT_TRANSLATE_NOOP("Questionnaire", "Very easy"),
    ),
)

_LOW_HIGH = (
    QT_TRANSLATE_NOOP("Questionnaire", "Very low"),
    QT_TRANSLATE_NOOP("Questionnaire", "Very high"),
)


def _tlx_scale(
    key: str, text: str, low_label: str = _LOW_HIGH[0], high_label: str = _LOW_HIGH[1]
) -> Item:
    """One of NASA-TLX's six 0–100 scales, in steps of 5 (Hart & Staveland; raw TLX)."""
    return Item(key, text, low=0, high=100, step=5, low_label=low_label, high_label=high_label)


TLX_ITEMS: Final = (
    _tlx_scale(
        "mental",
        QT_TRANSLATE_NOOP("Questionnaire", "Mental demand: how mentally demanding was the task?"),
    ),
    _tlx_scale(
        "physical",
        QT_TRANSLATE_NOOP(
            "Questionnaire", "Physical demand: how physically demanding was the task?"
        ),
    ),
    _tlx_scale(
        "temporal",
        QT_TRANSLATE_NOOP(
            "Questionnaire", "Temporal demand: how hurried or rushed was the pace of the task?"
        ),
    ),
    _tlx_scale(
        "performance",
        QT_TRANSLATE_NOOP(
            "Questionnaire",
            "Performance: how successful were you in accomplishing what you were asked to do?",
        ),
        low_label=QT_TRANSLATE_NOOP("Questionnaire", "Perfect"),
        high_label=QT_TRANSLATE_NOOP("Questionnaire", "Failure"),
    ),
    _tlx_scale(
        "effort",
        QT_TRANSLATE_NOOP(
            "Questionnaire",
            "Effort: how hard did you have to work to accomplish your level of performance?",
        ),
    ),
    _tlx_scale(
        "frustration",
        QT_TRANSLATE_NOOP(
            "Questionnaire",
            "Frustration: how insecure, discouraged, irritated, stressed and annoyed were you?",
        ),
    ),
)

STANDARD: Final = {Instrument.SUS: SUS_ITEMS, Instrument.SEQ: SEQ_ITEMS, Instrument.TLX: TLX_ITEMS}


@dataclass(frozen=True)
class Questionnaire:
    """One sheet put to the participant: an instrument's items, after a task or the session."""

    instrument: Instrument
    items: tuple[Item, ...]
    task: str = ""
    """The task it follows ("" after the session)."""


@dataclass(frozen=True)
class QuestionnairePlan:
    """What a study asks and where (``[questionnaires]`` in the study file)."""

    after_task: tuple[Instrument, ...] = ()
    after_session: tuple[Instrument, ...] = ()
    own_items: tuple[Item, ...] = ()
    own_after: str = "session"
    """``session`` or ``task``: when the study's own items are asked."""
    shown_on: str = "display"
    """``display`` (the participant's own screen, by touch) or ``console`` (the researcher asks)."""

    def after_each_task(self, task: str) -> list[Questionnaire]:
        sheets = [Questionnaire(i, STANDARD[i], task) for i in self.after_task]
        if self.own_items and self.own_after == "task":
            sheets.append(Questionnaire(Instrument.OWN, self.own_items, task))
        return sheets

    def after_the_session(self) -> list[Questionnaire]:
        sheets = [Questionnaire(i, STANDARD[i]) for i in self.after_session]
        if self.own_items and self.own_after == "session":
            sheets.append(Questionnaire(Instrument.OWN, self.own_items))
        return sheets

    @property
    def asks_anything(self) -> bool:
        return bool(self.after_task or self.after_session or self.own_items)


class IncompleteAnswers(ValueError):
    """A score needs every rating of its instrument."""


def sus_score(answers: Mapping[str, float]) -> float:
    """Brooke (1996): odd items contribute answer − 1, even items 5 − answer; the sum × 2.5."""
    total = 0.0
    for number in range(1, 11):
        answer = _rating(answers, f"sus{number}", 1, 5)
        total += answer - 1 if number % 2 else 5 - answer
    return total * 2.5


def seq_score(answers: Mapping[str, float]) -> float:
    return _rating(answers, "seq", 1, 7)


def raw_tlx(answers: Mapping[str, float]) -> float:
    """Raw (unweighted) NASA-TLX: the mean of the six 0–100 subscales."""
    return sum(_rating(answers, item.id, 0, 100) for item in TLX_ITEMS) / len(TLX_ITEMS)


SCORES: Final = {Instrument.SUS: sus_score, Instrument.SEQ: seq_score, Instrument.TLX: raw_tlx}


def score(instrument: Instrument, answers: Mapping[str, float]) -> float | None:
    """The instrument's published score, or None for the study's own items (reported per item)."""
    scorer = SCORES.get(instrument)
    return None if scorer is None else scorer(answers)


def _rating(answers: Mapping[str, float], item: str, low: int, high: int) -> float:
    if item not in answers:
        raise IncompleteAnswers(f"no answer to {item}")
    value = float(answers[item])
    if not low <= value <= high:
        raise IncompleteAnswers(f"{item} = {value} is outside {low}–{high}")
    return value


def instruments(names: Sequence[str]) -> tuple[Instrument, ...]:
    return tuple(Instrument(name) for name in names)
