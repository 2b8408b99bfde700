"""How view-models put things into words without knowing Qt.

View-models are Qt-free, yet every string a person sees must go through Qt's translation system and
every number, price and time must be formatted for the display's language. So a view-model is given
a ``Wording``: the host passes one backed by ``QCoreApplication.translate`` and ``QLocale``
(``app/ui/i18n.py``); tests may pass ``PlainWording`` (English, no Qt).

Calls are written ``wording.translate("Context", "Source text")`` with literal arguments so that
``pyside6-lupdate`` finds them. Phrases with a count ("%n unread message(s)") are worded by Qt views
with ``self.tr(text, None, n)``: lupdate's Python parser marks a message as plural (numerus, which
Welsh needs five forms of) only in ``tr()`` calls, so view-models hand the view the count.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Protocol
from zoneinfo import ZoneInfo

GB_TIME: Final = ZoneInfo("Europe/London")
"""Times are shown as a GB household reads them, whatever the computer's own time zone: the
meters' days and the tariffs' hours are GB days and hours (GMT, or BST in summer)."""
MINUS: Final = "−"  # U+2212: a real minus sign reads better than a hyphen beside a £
_PLACEHOLDER: Final = re.compile(r"%([1-9])")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark a string for translation where it is defined; it is translated where it is shown."""
    return source


def fill(template: str, *values: str) -> str:
    """Qt's ``%1``, ``%2`` … placeholders, filled in one pass (a value may itself contain ``%1``)."""
    return _PLACEHOLDER.sub(
        lambda match: (
            values[int(match.group(1)) - 1] if int(match.group(1)) <= len(values) else match[0]
        ),
        template,
    )


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


class Wording(Protocol):
    """Translation and local formats for one language (English or Welsh, in the UK)."""

    @property
    def language(self) -> str:
        """ISO 639-1 code of the language the words are in: ``en`` or ``cy``."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        """The source text in the display's language; ``%n`` becomes ``n`` when it is given."""

    def number(self, value: Decimal, decimals: int) -> str:
        """A quantity with digit grouping, rounded half up: ``1,234.57``."""

    def money(self, gbp: Decimal) -> str:
        """Pounds to the penny: ``£1.23``, ``−£0.50``."""

    def clock(self, epoch_s: float, *, seconds: bool = False) -> str:
        """A time of day on the 24-hour clock: ``14:30`` (or ``14:30:05``)."""

    def day(self, epoch_s: float) -> str:
        """A short date with its weekday: ``Mon 1 Jun``."""


class PlainWording:
    """English source text and British formats in plain Python – for tests and Qt-free tools."""

    language = "en"

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return source.replace("%n", str(n)) if n >= 0 else source

    def number(self, value: Decimal, decimals: int) -> str:
        rounded = round_half_up(value, decimals)
        return f"{rounded:,.{decimals}f}"

    def money(self, gbp: Decimal) -> str:
        amount = round_half_up(gbp, 2)
        return f"£{amount:,.2f}" if amount >= 0 else f"{MINUS}£{-amount:,.2f}"

    def clock(self, epoch_s: float, *, seconds: bool = False) -> str:
        return datetime.fromtimestamp(epoch_s, GB_TIME).strftime("%H:%M:%S" if seconds else "%H:%M")

    def day(self, epoch_s: float) -> str:
        moment = datetime.fromtimestamp(epoch_s, GB_TIME)
        return f"{moment.strftime('%a')} {moment.day} {moment.strftime('%b')}"


PLAIN_ENGLISH: Final = PlainWording()


# A meter's rate label travels on the air as the supplier wrote it (ZCL Price cluster
# ``RateLabel``, in English on GB meters: "Standard", "Day", "Night", "Block 2"). The labels GB
# tariffs commonly use are put into the display's language; any other is the supplier's own name
# for its rate and is shown as sent.
_RATE_LABELS: Final = {
    "Standard": QT_TRANSLATE_NOOP("RateLabel", "Standard"),
    "Day": QT_TRANSLATE_NOOP("RateLabel", "Day"),
    "Night": QT_TRANSLATE_NOOP("RateLabel", "Night"),
    "Peak": QT_TRANSLATE_NOOP("RateLabel", "Peak"),
    "Off-peak": QT_TRANSLATE_NOOP("RateLabel", "Off-peak"),
    "Gas": QT_TRANSLATE_NOOP("RateLabel", "Gas"),
    "Electricity": QT_TRANSLATE_NOOP("RateLabel", "Electricity"),
}
_BLOCK_LABEL: Final = re.compile(r"Block (\d+)")


def rate_label_words(label: str, w: Wording) -> str:
    """A meter's rate label in ``w``'s language (as sent when it is the supplier's own name)."""
    if label in _RATE_LABELS:
        return w.translate("RateLabel", _RATE_LABELS[label])
    block = _BLOCK_LABEL.fullmatch(label)
    if block is not None:
        return fill(w.translate("RateLabel", QT_TRANSLATE_NOOP("RateLabel", "Block %1")), block[1])
    return label
