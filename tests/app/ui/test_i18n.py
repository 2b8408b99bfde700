"""English and Welsh: the catalogues match the code, Welsh plurals follow Qt's Welsh rules, and
numbers, money and times are British in both languages."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QApplication

from app.ui import i18n
from app.ui.i18n import QT_WORDING, catalogue_path

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def welsh(qapp: QApplication) -> Iterator[None]:
    i18n.use_language("cy")
    yield
    i18n.use_language("en")


def test_catalogues_hold_every_string_of_the_code_and_the_qm_files_are_current() -> None:
    """lupdate on the sources gives the committed .ts, lrelease gives the committed .qm, and
    every string has its Welsh."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_both_catalogues_are_shipped() -> None:
    for code in ("en", "cy"):
        assert catalogue_path(code).read_bytes()[:4] == b"\x3c\xb8\x64\x18"  # Qt .qm magic


def _unread(n: int) -> str:
    return QCoreApplication.translate("HomeScreenView", "%n unread message(s)", None, n)


def test_english_plurals(qapp: QApplication) -> None:
    i18n.use_language("en")
    assert [_unread(n) for n in (1, 2)] == ["1 unread message", "2 unread messages"]


def test_welsh_plurals_follow_qts_welsh_forms(welsh: None) -> None:
    # Qt's Welsh rules: 0 | 1 | 2–5 | 6 | other; the noun stays singular after a number.
    assert _unread(0) == "Dim negeseuon heb eu darllen"
    assert _unread(1) == "1 neges heb ei darllen"
    assert _unread(3) == "3 neges heb eu darllen"
    assert _unread(6) == "6 neges heb eu darllen"
    assert _unread(11) == "11 neges heb eu darllen"


def _epoch(hour: int, minute: int) -> float:
    """A time on 1 June 2026 in GB (BST): the displays show GB time whatever the machine's zone."""
    london = QTimeZone(b"Europe/London")
    return QDateTime(QDate(2026, 6, 1), QTime(hour, minute), london).toSecsSinceEpoch()


@pytest.mark.parametrize("code", ["en", "cy"])
def test_money_numbers_and_times_are_british(qapp: QApplication, code: str) -> None:
    i18n.use_language(code)
    try:
        assert QT_WORDING.language == code
        assert QT_WORDING.money(Decimal("1.234")) == "£1.23"
        assert QT_WORDING.money(Decimal("1234.5")) == "£1,234.50"
        assert QT_WORDING.money(Decimal("-0.5")) == "−£0.50"
        assert QT_WORDING.number(Decimal("0.125"), 2) == "0.13"  # half up, as on a bill
        assert QT_WORDING.clock(_epoch(14, 30)) == "14:30"
        assert QT_WORDING.clock(_epoch(9, 5), seconds=True) == "09:05:00"
    finally:
        i18n.use_language("en")


def test_dates_are_in_the_displays_language(welsh: None) -> None:
    assert QT_WORDING.day(_epoch(12, 0)) == "Llun 1 Meh"
    i18n.use_language("en")
    assert QT_WORDING.day(_epoch(12, 0)) == "Mon 1 Jun"


def test_an_unknown_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.use_language("fr")


def test_a_meters_usual_rate_labels_are_put_into_welsh_and_a_suppliers_own_names_are_not(
    welsh: None,
) -> None:
    from app.wording import PLAIN_ENGLISH, rate_label_words

    assert rate_label_words("Standard", QT_WORDING) == "Safonol"
    assert rate_label_words("Night", QT_WORDING) == "Nos"
    assert rate_label_words("Block 2", QT_WORDING) == "Bloc 2"
    assert rate_label_words("Octopus Go", QT_WORDING) == "Octopus Go"
    assert rate_label_words("Standard", PLAIN_ENGLISH) == "Standard"
