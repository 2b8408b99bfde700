"""Times in a scenario, as a person writes them: durations ("90s", "1h30m"), clock times
("18:02"), date-times ("2026-01-12T18:02") and offsets from the start ("+1h30m"), resolved in the
home's time zone – including the hour that a clock change skips or repeats."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final
from zoneinfo import ZoneInfo

DURATION_HINT: Final = "use e.g. 5m, 90s, 1h30m"
_DURATION = re.compile(
    r"\s*(?:(?P<d>\d+)\s*d)?\s*(?:(?P<h>\d+)\s*h)?\s*(?:(?P<m>\d+)\s*m)?\s*(?:(?P<s>\d+)\s*s)?\s*",
    re.IGNORECASE,
)
_UNIT_S: Final = {"d": 86_400, "h": 3_600, "m": 60, "s": 1}
_CLOCK = re.compile(r"\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*")
_DATE_TIME = re.compile(r"\s*\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
AT_HINT: Final = 'use "18:02", "2026-01-12T18:02" or "+1h30m"'


def parse_duration(text: str) -> int:
    """Seconds in a duration such as "5m", "90s", "1h30m" or "2d"; raises ValueError saying why not."""
    match = _DURATION.fullmatch(text)
    if match is None or not any(match.groupdict().values()):
        raise ValueError(f"{quoted(text)} is not a duration ({DURATION_HINT})")
    return sum(int(v) * _UNIT_S[unit] for unit, v in match.groupdict().items() if v)


def parse_clock(text: str) -> dt.time | None:
    """ "HH:MM" or "HH:MM:SS" as a time of day, None if it is not written like one."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    hour, minute, second = (int(g) if g else 0 for g in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(f"{quoted(text)} is not a time of day (00:00 to 23:59)")
    return dt.time(hour, minute, second)


def wall_instants(date: dt.date, clock: dt.time, tz: ZoneInfo) -> list[int]:
    """Every instant at which the wall clock in ``tz`` reads ``clock`` on ``date``: none in the hour
    skipped when the clocks go forward, two in the hour repeated when they go back."""
    found: list[int] = []
    for fold in (0, 1):
        local = dt.datetime.combine(date, clock, tzinfo=tz).replace(fold=fold)
        epoch_s = int(local.timestamp())
        # An instant belongs to the wall time only if converting back gives the same wall time.
        back = dt.datetime.fromtimestamp(epoch_s, tz).replace(tzinfo=None)
        if back == local.replace(tzinfo=None, microsecond=0) and epoch_s not in found:
            found.append(epoch_s)
    return sorted(found)


def local_instant(moment: dt.datetime, tz: ZoneInfo) -> int:
    """Epoch seconds of a date and time: with a UTC offset as written, without one as local time
    in ``tz`` (the first of the two in the repeated autumn hour). Raises ValueError in the skipped hour."""
    if moment.tzinfo is not None:
        return int(moment.timestamp())
    instants = wall_instants(moment.date(), moment.time().replace(microsecond=0), tz)
    if not instants:
        raise ValueError(
            f"{moment.isoformat(timespec='minutes')} does not exist in {tz.key}: "
            "the clocks go forward over it"
        )
    return instants[0]


def next_clock_time(clock: dt.time, after_s: int, tz: ZoneInfo) -> int:
    """The first instant at or after ``after_s`` when the wall clock reads ``clock``."""
    first_day = dt.datetime.fromtimestamp(after_s, tz).date()
    # Tomorrow always has the time if today does not (at most one clock change a day).
    for days in range(3):
        for epoch_s in wall_instants(first_day + dt.timedelta(days=days), clock, tz):
            if epoch_s >= after_s:
                return epoch_s
    raise AssertionError("unreachable: every wall time occurs within two days")


def parse_date_time(value: object) -> dt.datetime | None:
    """A date and time written as a string ("2026-01-12T07:00") or as a TOML date-time."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE_TIME.match(value):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{quoted(value)} is not a valid date and time") from None
    return None


def resolve_at(value: object, start_s: int, tz: ZoneInfo) -> int:
    """The epoch seconds of an event's ``at``; raises ValueError saying what is wrong."""
    if isinstance(value, dt.time):  # a TOML local time, 18:02:00
        return next_clock_time(value.replace(microsecond=0), start_s, tz)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        raise ValueError(f"{value.isoformat()} has no time of day ({AT_HINT})")
    if isinstance(value, str) and value.strip().startswith("+"):
        return start_s + parse_duration(value.strip()[1:])
    if isinstance(value, str) and (clock := parse_clock(value)) is not None:
        return next_clock_time(clock, start_s, tz)
    moment = parse_date_time(value)
    if moment is None:
        raise ValueError(f"{quoted(value)} is not a time ({AT_HINT})")
    epoch_s = local_instant(moment, tz)
    if epoch_s < start_s:
        start = dt.datetime.fromtimestamp(start_s, tz).strftime("%Y-%m-%dT%H:%M %Z")
        raise ValueError(f"{quoted(value)} is before the start of the scenario ({start})")
    return epoch_s


def repeat_times(first_s: int, every_s: int, times: int, tz: ZoneInfo) -> list[int]:
    """When a repeated event happens. Whole days repeat at the same *wall-clock* time, which is what
    "every day at 00:30" means across a clock change; other periods repeat in elapsed time."""
    if every_s % 86_400:
        return [first_s + k * every_s for k in range(times)]
    first = dt.datetime.fromtimestamp(first_s, tz).replace(tzinfo=None)
    # fold=0 puts a time in the skipped spring hour an hour later, and picks the first of a repeated one.
    return [
        int((first + dt.timedelta(seconds=k * every_s)).replace(tzinfo=tz).timestamp())
        for k in range(times)
    ]


def quoted(value: object) -> str:
    """A value as the file has it: text in quotes, numbers bare."""
    return f'"{value}"' if isinstance(value, str) else str(value)
