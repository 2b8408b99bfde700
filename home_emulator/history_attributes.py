"""Writing a register's history set into the attributes a GB meter serves it through.

The same history (today, 8 previous days, this week and 5 previous, this month and 13 previous) is
served under three families of names: energy in the meter's unit (Metering 0x0401…), energy in the
alternative unit (Metering 0x0C01…, kWh on a gas mirror) and cost (Prepayment 0x051C…).
"""

from __future__ import annotations

from dataclasses import dataclass

from home_emulator.registers import CumulativeRegister, LocalCalendar, RegisterHistory
from home_emulator.zcl_server import ServerCluster


@dataclass(frozen=True)
class HistoryNames:
    today: str
    previous_day: str
    previous_day_n: str
    this_week: str
    previous_week_n: str
    this_month: str
    previous_month_n: str

    def current(self) -> tuple[str, str, str]:
        return self.today, self.this_week, self.this_month


CONSUMPTION = HistoryNames(
    today="currentday_consumption_delivered",
    previous_day="previousday_consumption_delivered",
    previous_day_n="previous_day{n}_consumption_delivered",
    this_week="current_week_consumption_delivered",
    previous_week_n="previous_week{n}_consumption_delivered",
    this_month="current_month_consumption_delivered",
    previous_month_n="previous_month{n}_consumption_delivered",
)
ALTERNATIVE = HistoryNames(
    today="current_day_alternative_consumption_delivered",
    previous_day="previous_day_alternative_consumption_delivered",
    previous_day_n="previous_day_alternative{n}_consumption_delivered",
    this_week="current_week_alternative_consumption_delivered",
    previous_week_n="previous_week_alternative{n}_consumption_delivered",
    this_month="current_month_alternative_consumption_delivered",
    previous_month_n="previous_month_alternative{n}_consumption_delivered",
)
COST = HistoryNames(
    today="current_day_cost_consumption_delivered",
    previous_day="previous_day_cost_consumption_delivered",
    previous_day_n="previous_day{n}_cost_consumption_delivered",
    this_week="current_week_cost_consumption_delivered",
    previous_week_n="previous_week{n}_cost_consumption_delivered",
    this_month="current_month_cost_consumption_delivered",
    previous_month_n="previous_month{n}_cost_consumption_delivered",
)


def publish_current(
    cluster: ServerCluster, names: HistoryNames, today: int, week: int, month: int
) -> None:
    """The three figures that move every step (cheap: called every 10 emulated seconds)."""
    cluster.set(names.today, today)
    cluster.set(names.this_week, week)
    cluster.set(names.this_month, month)


def publish_past(cluster: ServerCluster, names: HistoryNames, history: RegisterHistory) -> None:
    """The closed days, weeks and months (called when a day ends). A period before the meter's
    records has no value, and is served as unsupported rather than as a misleading zero."""
    days = history.previous_days
    _set(cluster, names.previous_day, days[0])
    for n in range(2, len(days) + 1):
        _set(cluster, names.previous_day_n.format(n=n), days[n - 1])
    for n, value in enumerate(history.previous_weeks, start=1):
        _set(cluster, names.previous_week_n.format(n=n), value)
    for n, value in enumerate(history.previous_months, start=1):
        _set(cluster, names.previous_month_n.format(n=n), value)


def _set(cluster: ServerCluster, name: str, value: int | None) -> None:
    if value is None:
        cluster.unset(name)
    else:
        cluster.set(name, value)


class HistoryPublisher:
    """Keeps one register's history attributes current as the meter steps.

    Closed periods change only when a local day ends, so they are rewritten then; the running
    figures (today, this week, this month) are three subtractions per step.
    """

    def __init__(
        self,
        register: CumulativeRegister,
        cluster: ServerCluster,
        names: HistoryNames,
    ) -> None:
        self.register = register
        self.cluster = cluster
        self.names = names
        self._next_day_s = float("-inf")
        self._starts: tuple[int, int, int] = (0, 0, 0)
        self._start_readings: tuple[int | None, int | None, int | None] = (None, None, None)
        self._visible_from_s = register.visible_from_s

    def update(self, now_s: float) -> None:
        if tenancy_changed := self.register.visible_from_s != self._visible_from_s:
            self._visible_from_s = self.register.visible_from_s  # a change of tenancy: redo all
        if now_s >= self._next_day_s or tenancy_changed:
            calendar = LocalCalendar(self.register.zone)
            self._next_day_s = calendar.next_day_start(now_s)
            self._starts = (
                calendar.day_start(now_s),
                calendar.week_start(now_s),
                calendar.month_start(now_s),
            )
            publish_past(self.cluster, self.names, self.register.history(now_s))
            self._start_readings = (None, None, None)
        if None in self._start_readings:
            # A boundary reading appears once its half hour has closed (e.g. just after midnight).
            self._start_readings = tuple(  # type: ignore[assignment]
                self.register.visible_reading_at(start) for start in self._starts
            )
        reading = self.register.reading
        for name, start in zip(self.names.current(), self._start_readings, strict=True):
            _set(self.cluster, name, None if start is None else reading - start)
