"""A 20-digit top-up code as the person types it – Qt-free.

Digits come one at a time (keypad, keyboard) or pasted from any text (a text message, an e-mail):
only the digits count, up to twenty. The code is shown in groups of four, as printed on receipts,
and its check digit is tested here, so a mistyped code is caught before anything is sent.
"""

from __future__ import annotations

from typing import Final

from han.formats.utrn import UTRN_DIGITS, check_digit

GROUP: Final = 4


def group(digits: str) -> str:
    """``73947252416745201637`` → ``7394 7252 4167 4520 1637`` (a partial code too)."""
    return " ".join(digits[start : start + GROUP] for start in range(0, len(digits), GROUP))


def check_digit_matches(digits: str) -> bool:
    """True for 20 digits whose last is the check digit of the first 19."""
    if len(digits) != UTRN_DIGITS or not digits.isdigit():
        return False
    return check_digit(digits[:-1]) == int(digits[-1])


class CodeEntry:
    def __init__(self) -> None:
        self.digits = ""

    def press(self, digit: str) -> bool:
        """Add one digit; False (nothing added) when the code is full or it is not a digit."""
        if len(digit) != 1 or digit not in "0123456789" or self.complete:
            return False
        self.digits += digit
        return True

    def delete(self) -> None:
        self.digits = self.digits[:-1]

    def clear(self) -> None:
        self.digits = ""

    def paste(self, text: str) -> int:
        """Take the digits of any text (spaces, dashes and words are ignored); how many were taken."""
        taken = 0
        for char in text:
            if char in "0123456789" and self.press(char):
                taken += 1
        return taken

    @property
    def complete(self) -> bool:
        return len(self.digits) == UTRN_DIGITS

    @property
    def grouped(self) -> str:
        return group(self.digits)

    @property
    def valid(self) -> bool:
        return check_digit_matches(self.digits)
