"""Writing a register's history set into the attributes a GB meter serves it through.

The same history (today, 8 previous days, this week and 5 previous, this month and 13 previous) is
served under three families of names: energy in the meter's unit (Metering 0x0401…), energy in the
alternative unit (Metering 0x0C01…, kWh on a gas mirror) and cost (Prepayment 0x051C…).
"""

from __future__ import annotations

from han.domain.history_names import HistoryAttributes
from home_emulator.metering.registers import CumulativeRegister, LocalCalendar, RegisterHistory
from home_emulator.zigbee.zcl_server import ServerCluster


def publish_past(
    cluster: ServerCluster, names: HistoryAttributes, history: RegisterHistory
) -> None:
    """The closed days, weeks and months (called when a day ends). A period before the meter's
    records has no value, and is served as unsupported rather than as a misleading zero."""
    for attribute_names, values in (
        (names.days(), history.previous_days),
        (names.weeks(), history.previous_weeks),
        (names.months(), history.previous_months),
    ):
        for name, value in zip(attribute_names, values, strict=True):
            _set(cluster, name, value)


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
        names: HistoryAttributes,
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
