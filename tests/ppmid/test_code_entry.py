"""Typing, pasting, grouping and checking a top-up code."""

from __future__ import annotations

from ppmid.view_models.code_entry import CodeEntry, check_digit_matches, group

KNOWN = "73947252416745201637"  # the GBCS known answer (DCC test keys, 1234 pennies)


def test_codes_are_grouped_in_fours_as_printed_on_receipts() -> None:
    assert group(KNOWN) == "7394 7252 4167 4520 1637"
    assert group("739472") == "7394 72"
    assert group("") == ""


def test_the_check_digit_is_tested_locally() -> None:
    assert check_digit_matches(KNOWN)
    assert not check_digit_matches(KNOWN[:-1] + "8")
    assert not check_digit_matches(KNOWN[:-1])


def test_typing_stops_at_twenty_digits_and_delete_and_clear_work() -> None:
    entry = CodeEntry()
    for digit in KNOWN + "99":
        entry.press(digit)
    assert entry.digits == KNOWN
    complete = entry.complete  # a name: asserting the attribute would fix it for mypy
    assert complete
    assert entry.valid
    assert not entry.press("1")
    entry.delete()
    assert entry.digits == KNOWN[:-1]
    assert not entry.complete
    entry.clear()
    assert entry.digits == ""
    assert not entry.press("x")


def test_pasting_takes_the_digits_of_any_text() -> None:
    entry = CodeEntry()
    taken = entry.paste(f"Your code: {group(KNOWN)} – thank you! Ref 42")
    assert taken == 20
    assert entry.digits == KNOWN
    assert entry.grouped == "7394 7252 4167 4520 1637"
