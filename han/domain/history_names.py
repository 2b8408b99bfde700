"""The names of a GB meter's history sets (ZSE 1.4 as GBCS uses them) – one place for the display
that reads them and the emulated meters that serve them.

Each set – consumption, consumption in the alternative unit (kWh on a gas mirror), cost – is today,
yesterday and 7 days before it, this week and 5 before it, this month and 13 before it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from han.domain.history import PREVIOUS_DAYS, PREVIOUS_MONTHS, PREVIOUS_WEEKS, PeriodFigures


@dataclass(frozen=True)
class HistoryAttributes:
    """The names of one history set (ZSE 1.4 as GBCS uses it)."""

    today: str
    previous_day: str
    previous_day_n: str
    this_week: str
    previous_week_n: str
    this_month: str
    previous_month_n: str

    def current(self) -> tuple[str, str, str]:
        """The figures that move all day: today, this week, this month."""
        return self.today, self.this_week, self.this_month

    def days(self) -> list[str]:
        later = [self.previous_day_n.format(n=n) for n in range(2, PREVIOUS_DAYS + 1)]
        return [self.previous_day, *later]

    def weeks(self) -> list[str]:
        return [self.previous_week_n.format(n=n) for n in range(1, PREVIOUS_WEEKS + 1)]

    def months(self) -> list[str]:
        return [self.previous_month_n.format(n=n) for n in range(1, PREVIOUS_MONTHS + 1)]

    def names(self) -> list[str]:
        return [
            self.today,
            *self.days(),
            self.this_week,
            *self.weeks(),
            self.this_month,
            *self.months(),
        ]

    def figures(self, values: Mapping[str, Any], scale: Callable[[int], Decimal]) -> PeriodFigures:
        def value(name: str) -> Decimal | None:
            raw = values.get(name)
            return None if raw is None else scale(int(raw))

        return PeriodFigures(
            today=value(self.today),
            previous_days=tuple(value(name) for name in self.days()),
            this_week=value(self.this_week),
            previous_weeks=tuple(value(name) for name in self.weeks()),
            this_month=value(self.this_month),
            previous_months=tuple(value(name) for name in self.months()),
        )


CONSUMPTION: Final = HistoryAttributes(
    today="currentday_consumption_delivered",
    previous_day="previousday_consumption_delivered",
    previous_day_n="previous_day{n}_consumption_delivered",
    this_week="current_week_consumption_delivered",
    previous_week_n="previous_week{n}_consumption_delivered",
    this_month="current_month_consumption_delivered",
    previous_month_n="previous_month{n}_consumption_delivered",
)
ALTERNATIVE_CONSUMPTION: Final = HistoryAttributes(
    today="current_day_alternative_consumption_delivered",
    previous_day="previous_day_alternative_consumption_delivered",
    previous_day_n="previous_day_alternative{n}_consumption_delivered",
    this_week="current_week_alternative_consumption_delivered",
    previous_week_n="previous_week_alternative{n}_consumption_delivered",
    this_month="current_month_alternative_consumption_delivered",
    previous_month_n="previous_month_alternative{n}_consumption_delivered",
)
COST: Final = HistoryAttributes(
    today="current_day_cost_consumption_delivered",
    previous_day="previous_day_cost_consumption_delivered",
    previous_day_n="previous_day{n}_cost_consumption_delivered",
    this_week="current_week_cost_consumption_delivered",
    previous_week_n="previous_week{n}_cost_consumption_delivered",
    this_month="current_month_cost_consumption_delivered",
    previous_month_n="previous_month{n}_cost_consumption_delivered",
)
