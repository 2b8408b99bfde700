"""English and Welsh through Qt's own translation system, switchable while the display runs.

Every string a person sees is written in English in the source and passes through
``QCoreApplication.translate``; ``pyside6-lupdate`` collects them into
``resources/translations/smets_<lang>.ts`` and ``pyside6-lrelease`` compiles those into the ``.qm``
catalogues loaded here (``python scripts/translations.py`` does both). English has a catalogue too,
holding only the plural forms ("1 unread message" / "2 unread messages").

Switching language installs the other catalogue and sets the default ``QLocale`` (en_GB or cy_GB);
Qt then sends every widget a ``LanguageChange`` event, on which screens put themselves into words
again. Numbers, money and times are formatted by ``QtWording`` through that locale.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone, QTranslator

from app.settings.display_settings import LANGUAGE_CODES
from app.wording import GB_TIME, MINUS, round_half_up
from han.resources import resource_dir

_GB_ZONE = QTimeZone(str(GB_TIME).encode())
"""``wording.GB_TIME`` for Qt's dates and times."""

TRANSLATIONS_DIR: Final = resource_dir("translations")
CATALOGUE: Final = "smets"

_LOCALES: Final = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "cy": (QLocale.Language.Welsh, QLocale.Country.UnitedKingdom),
}


def catalogue_path(code: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{code}.qm"


class _Installed:
    """The catalogue in use (Qt keeps only a pointer to it, so Python must keep it alive)."""

    code: str | None = None
    translator: QTranslator | None = None


def locale_for(code: str) -> QLocale:
    language, country = _LOCALES[code]
    return QLocale(language, country)


def use_language(code: str) -> None:
    """Show every screen in ``code`` (``en`` or ``cy``) from the next event-loop pass on."""
    if code not in LANGUAGE_CODES:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(LANGUAGE_CODES)})")
    if code == _Installed.code:
        return
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("a Qt application must exist before a language is chosen")
    translator = QTranslator()
    path = catalogue_path(code)
    if not translator.load(str(path)):
        raise FileNotFoundError(
            f"translation catalogue {path} is missing; run python scripts/translations.py"
        )
    QLocale.setDefault(locale_for(code))  # before the LanguageChange events are delivered
    if _Installed.translator is not None:
        QCoreApplication.removeTranslator(_Installed.translator)
    QCoreApplication.installTranslator(translator)
    _Installed.code, _Installed.translator = code, translator


def current_language() -> str:
    return _Installed.code or "en"


class QtWording:
    """``app.wording.Wording`` for the language in use: Qt's catalogues and its en_GB/cy_GB locale."""

    @property
    def language(self) -> str:
        return current_language()

    @property
    def locale(self) -> QLocale:
        return locale_for(current_language())

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return QCoreApplication.translate(context, source, disambiguation, n)

    def number(self, value: Decimal, decimals: int) -> str:
        return self.locale.toString(float(round_half_up(value, decimals)), "f", decimals)

    def money(self, gbp: Decimal) -> str:
        amount = round_half_up(gbp, 2)
        digits = self.locale.toString(float(abs(amount)), "f", 2)
        return f"£{digits}" if amount >= 0 else f"{MINUS}£{digits}"

    def clock(self, epoch_s: float, *, seconds: bool = False) -> str:
        moment = QDateTime.fromSecsSinceEpoch(int(epoch_s), _GB_ZONE).time()
        return self.locale.toString(moment, "HH:mm:ss" if seconds else "HH:mm")

    def day(self, epoch_s: float) -> str:
        moment = QDateTime.fromSecsSinceEpoch(int(epoch_s), _GB_ZONE).date()
        return self.locale.toString(moment, "ddd d MMM")


QT_WORDING: Final = QtWording()
