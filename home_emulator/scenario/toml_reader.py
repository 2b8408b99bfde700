"""Reading TOML for people: typed getters whose every mistake names the key and its line.

Scenario files are written by usability researchers, not programmers, so an error must say where
it is ("family.toml line 14: events[2].duration: …"). tomllib gives no positions for values, so a
small locator scans the source for the line of a key path, understanding table headers and array
tables well enough for that.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import NoReturn, TypeVar

from home_emulator.scenario.times import DURATION_HINT, parse_duration
from home_emulator.scenario.toml_locator import KeyPart, KeyPath, Locator

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")


class ScenarioError(ValueError):
    """A scenario that cannot be used, saying where (file, line, key) and why."""

    def __init__(
        self, problem: str, *, file: str = "", line: int | None = None, key: str = ""
    ) -> None:
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
        where = f"{file} line {line}" if line else file
        super().__init__(": ".join(part for part in (where, key, problem) if part))


class TomlTable:
    """One TOML table being read: typed getters that fail with the key's path and line, and a
    record of the keys asked for, so that any other key can be reported as unknown."""

    def __init__(self, data: Mapping[str, object], path: KeyPath, source: TomlSource) -> None:
        self._data = data
        self.path = path
        self._source = source
        self._asked: set[str] = set()

    def line(self) -> int | None:
        return self._source.line_of(self.path)

    def fail(self, key: KeyPart | KeyPath | None, problem: str) -> NoReturn:
        """Raise a ScenarioError about ``key`` of this table (None: the table itself)."""
        tail: KeyPath = () if key is None else key if isinstance(key, tuple) else (key,)
        self._source.fail((*self.path, *tail), problem)

    def has(self, key: str) -> bool:
        self._asked.add(key)
        return key in self._data

    def raw(self, key: str) -> object | None:
        """The value as TOML gave it (None when absent: TOML has no null)."""
        self._asked.add(key)
        return self._data.get(key)

    def text(self, key: str, default: str | None = None) -> str:
        """A string; required when there is no default (likewise for the getters below)."""
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not isinstance(value, str):
            self.fail(key, f"{show(value)} should be text in quotes")
        return value

    def integer(
        self,
        key: str,
        default: int | None = None,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"{show(value)} should be a whole number (without quotes)")
        self._check_range(key, value, minimum, maximum)
        return value

    def number(
        self, key: str, default: float | None = None, *, minimum: float, maximum: float
    ) -> float:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.fail(key, f"{show(value)} should be a number (without quotes)")
        if isinstance(value, Decimal) and not value.is_finite():
            self.fail(key, f"{show(value)} is not a number")
        self._check_range(key, value, minimum, maximum)
        return float(value)

    def decimal(
        self,
        key: str,
        default: Decimal | None = None,
        *,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        places: int | None = None,
    ) -> Decimal:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        return self._decimal((key,), value, minimum, maximum, places)

    def optional_decimal(
        self,
        key: str,
        *,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        places: int | None = None,
    ) -> Decimal | None:
        value = self.raw(key)
        return None if value is None else self._decimal((key,), value, minimum, maximum, places)

    def decimals(
        self, key: str, *, minimum: Decimal | None = None, places: int | None = None
    ) -> tuple[Decimal, ...]:
        values = self.raw(key)
        if values is None:
            return self._missing(key, None)
        if not isinstance(values, list) or not values:
            self.fail(key, f'{show(values)} should be a list of amounts, e.g. ["0.30", "0.20"]')
        return tuple(
            self._decimal((key, i), value, minimum, None, places) for i, value in enumerate(values)
        )

    def boolean(self, key: str, default: bool | None = None) -> bool:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not isinstance(value, bool):
            self.fail(key, f"{show(value)} should be true or false (without quotes)")
        return value

    def duration(self, key: str, default: int | None = None) -> int:
        """Seconds, written like "5m", "90s" or "1h30m"; never zero."""
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not isinstance(value, str):
            self.fail(key, f"{show(value)} needs a unit and quotes ({DURATION_HINT})")
        try:
            seconds = parse_duration(value)
        except ValueError as error:
            self.fail(key, str(error))
        if seconds <= 0:
            self.fail(key, f"{show(value)} is no time at all")
        return seconds

    def choice(
        self, key: str, kind: type[_E], default: _E | None = None, *, what: str = "option"
    ) -> _E:
        options = [member.value for member in kind]
        return kind(self.one_of(key, options, what, default))

    def one_of(
        self, key: str, options: Sequence[str], what: str, default: str | None = None
    ) -> str:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not (isinstance(value, str) and value in options):
            self.fail(key, _not_one_of(value, options, what))
        return value

    def choices(
        self, key: str, kind: type[_E], default: tuple[_E, ...], *, what: str = "option"
    ) -> tuple[_E, ...]:
        values = self.raw(key)
        if values is None:
            return default
        if not isinstance(values, list) or not values:
            example = ", ".join(f'"{member.value}"' for member in kind)
            self.fail(key, f"{show(values)} should be a list, e.g. [{example}]")
        options = [member.value for member in kind]
        chosen: list[_E] = []
        for i, value in enumerate(values):
            if not (isinstance(value, str) and value in options):
                self.fail((key, i), _not_one_of(value, options, what))
            if kind(value) in chosen:
                self.fail((key, i), f"{show(value)} is listed twice")
            chosen.append(kind(value))
        return tuple(chosen)

    def table(self, key: str) -> TomlTable:
        """A sub-table; empty when absent (so its getters give their defaults)."""
        value = self.raw(key)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.fail(key, f"{show(value)} should be a table ([{key}] or {{ ... }})")
        return TomlTable(value, (*self.path, key), self._source)

    def tables(self, key: str) -> list[TomlTable]:
        """An array of tables (``[[events]]``); empty when absent."""
        values = self.raw(key)
        if values is None:
            return []
        if not isinstance(values, list):
            self.fail(key, f"should be a list of [[{key}]] entries (with two square brackets)")
        tables = []
        for i, value in enumerate(values):
            if not isinstance(value, dict):
                self.fail((key, i), f"{show(value)} should be a table")
            tables.append(TomlTable(value, (*self.path, key, i), self._source))
        return tables

    def finish(self, what: str) -> None:
        """Fail on the first key that no getter asked for: a typo or a key of something else."""
        for key in self._data:
            if key not in self._asked:
                guess = difflib.get_close_matches(key, self._asked, n=1)
                if guess:
                    self.fail(key, f'unknown key – did you mean "{guess[0]}"?')
                self.fail(key, f"unknown key – {what} takes {', '.join(sorted(self._asked))}")

    def missing(self, key: str, hint: str = "") -> NoReturn:
        """Fail on a required key that is absent – or, more often, there but misspelt."""
        self._asked.add(key)
        strays = [k for k in self._data if k not in self._asked]
        if guess := difflib.get_close_matches(key, strays, n=1):
            self.fail(guess[0], f'unknown key – did you mean "{key}"?')
        self.fail(key, f"missing: {hint}" if hint else "missing")

    def _missing(self, key: str, default: _T | None) -> _T:
        if default is None:
            self.missing(key)
        return default

    def _decimal(
        self,
        path: KeyPath,
        value: object,
        minimum: Decimal | None,
        maximum: Decimal | None,
        places: int | None,
    ) -> Decimal:
        amount: Decimal | None = None
        if isinstance(value, Decimal):
            amount = value
        elif isinstance(value, int) and not isinstance(value, bool):
            amount = Decimal(value)
        elif isinstance(value, str) and _DECIMAL.fullmatch(value):
            amount = Decimal(value.strip())
        if amount is None or not amount.is_finite():
            self.fail(path, f'{show(value)} is not an amount (write it like "0.2450")')
        if places is not None:
            try:
                exact = amount == amount.quantize(Decimal(1).scaleb(-places))
            except InvalidOperation:
                exact = False
            if not exact:
                why = f"prices go to the meter in £0.{'0' * (places - 1)}1" if places == 4 else ""
                self.fail(
                    path,
                    f"{show(value)} has more than {places} decimal places"
                    + (f" ({why})" if why else ""),
                )
        self._check_range(path, amount, minimum, maximum)
        return amount

    def _check_range(
        self,
        key: KeyPart | KeyPath,
        value: float | Decimal,
        minimum: float | Decimal | None,
        maximum: float | Decimal | None,
    ) -> None:
        low = minimum is not None and value < minimum
        high = maximum is not None and value > maximum
        if not (low or high):
            return
        if minimum is not None and maximum is not None:
            self.fail(key, f"{value:,g} is out of range ({minimum:,g} to {maximum:,g})")
        bound = minimum if low else maximum
        self.fail(key, f"{value:,g} is too {'small' if low else 'large'} (the limit is {bound:,g})")


_DECIMAL = re.compile(r"\s*[+-]?\d+(\.\d+)?\s*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def show(value: object) -> str:
    """A value as it would be written in the file, so the user recognises it."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(show(item) for item in value) + "]"
    if isinstance(value, dict):
        return "a table"
    return str(value)


def did_you_mean(value: str, options: Iterable[str], listed: Sequence[str]) -> str:
    guess = difflib.get_close_matches(value, list(options), n=1)
    hint = f' – did you mean "{guess[0]}"?' if guess else ""
    return f"{hint} (known: {', '.join(listed)})"


def _not_one_of(value: object, options: Sequence[str], what: str) -> str:
    if not isinstance(value, str):
        return f"{show(value)} should be text in quotes, one of: {', '.join(options)}"
    return f"{show(value)} is not a known {what}{did_you_mean(value, options, options)}"


def format_key(path: KeyPath) -> str:
    """``events[3].duration``: array entries counted from 1, as a person counts them in the file."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else json.dumps(part)
            text += f".{name}" if text else name
    return text


# --- where a key is in the file ----------------------------------------------------------------


class TomlSource:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._locator: Locator | None = None

    @property
    def locator(self) -> Locator:
        if self._locator is None:  # only a failing scenario needs it
            self._locator = Locator(self.text)
        return self._locator

    def line_of(self, path: KeyPath) -> int | None:
        return self.locator.line_of(path)

    def fail(self, path: KeyPath, problem: str) -> NoReturn:
        raise ScenarioError(problem, file=self.name, line=self.line_of(path), key=format_key(path))


_SYNTAX_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def syntax_error(error: tomllib.TOMLDecodeError, source: TomlSource) -> ScenarioError:
    message = str(error)
    match = _SYNTAX_AT.search(message)
    problem = message[: match.start()] if match else message
    line: int | None = None
    key = ""
    locator = source.locator
    if locator.duplicate is not None and problem.startswith(("Cannot overwrite", "Cannot declare")):
        path, line = locator.duplicate  # tomllib does not always say where, nor which key
        key = format_key(path)
        problem = "is given twice"
    elif locator.unclosed_line is not None and problem.startswith(("Unclosed", "Unterminated")):
        line = locator.unclosed_line  # where it was opened, not where the parser gave up
        problem += " – it starts on this line and is never closed"
    elif match and match.group(1):
        line = int(match.group(1))
        problem += f" at column {match.group(2)}"
    if problem.startswith("Invalid value"):
        problem += ' – is text missing its quotes? (e.g. household = "family_of_four")'
    return ScenarioError(
        f"not valid TOML: {problem}" if not key else problem, file=source.name, line=line, key=key
    )
