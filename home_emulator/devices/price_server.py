"""The meters' Price server: the current and the next price, on request and whenever it changes.

Displays ask with GetCurrentPrice (one PublishPrice back) or GetScheduledPrices (every period the
meter holds that ends after the request's start time, up to the number asked – ZSE's Price cluster:
a start time of 0 means "from now", a number of 0 "all there are"); when the tariff switches rate – a TOU band, an Agile half hour, a block threshold – the
meter pushes PublishPrice to every display bound to its Price cluster, so the display never shows a
stale price as current.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from han.clusters import PRICE_CLUSTER
from han.clusters.price import CURRENCY_GBP
from han.domain.units import from_zigbee_time
from home_emulator.metering.fuel_registers import FuelRegisters
from home_emulator.tariffs import (
    PRICE_TRAILING_DIGITS,
    AnyTariff,
    Block,
    PricePeriod,
    Rate,
    price_on_air,
    publish_price_fields,
)
from home_emulator.zigbee.zcl_server import CommandReply, ServerCluster

HELD_AHEAD_S = 24 * 3600
"""A meter holds the prices published for the day ahead (an Agile day is published the afternoon before)."""
HELD_BEHIND_S = 24 * 3600
"""…and those of the past day, so a display that starts mid-day can still draw the whole of today."""
MOST_EVENTS = 2 * 48 + 1
"""The most PublishPrice answers to one request: a day behind and a day ahead in half hours."""
PROVIDER_ID = 0x0000_0001


class PriceServer:
    def __init__(self, registers: FuelRegisters, *, now: Callable[[], float]) -> None:
        self._registers = registers
        self._now = now
        self._issuer_event_ids = itertools.count(1)
        self.cluster = ServerCluster(
            PRICE_CLUSTER,
            {
                "unit_of_measure": 0,
                "currency": CURRENCY_GBP,
                "price_trailing_digit": PRICE_TRAILING_DIGITS << 4,
            },
        )
        self.cluster.on_command("get_current_price", self._current_price)
        self.cluster.on_command("get_scheduled_prices", self._scheduled_prices)
        self.published: Rate | None = None
        self.pending: list[tuple[str, dict[str, Any]]] = []
        """PublishPrice commands to push to bound displays (taken by the meter each step)."""
        self.tariff_changed()
        self._announce = False  # nobody needs telling about the price a meter starts with

    @property
    def tariff(self) -> AnyTariff:
        return self._registers.tariff

    def tariff_changed(self) -> None:
        self.cluster.set("standing_charge", price_on_air(self.tariff.standing_charge_gbp_per_day))
        self._announce = True

    def update(self, now_s: float) -> None:
        rate = self._registers.pricer.rate(now_s)
        if rate != self.published or self._announce:
            if self.published is not None or self._announce:
                self.pending.extend(self._publications(now_s, count=2))
            self.published = rate
            self._announce = False

    def take_pending(self) -> list[tuple[str, dict[str, Any]]]:
        pending, self.pending = self.pending, []
        return pending

    # Requests -------------------------------------------------------------------------------

    def _current_price(self, _request: Any) -> CommandReply:
        return self._publications(self._now(), count=1)[0]

    def _scheduled_prices(self, request: Any) -> CommandReply:
        now_s = self._now()
        asked = int(request.number_of_events)
        count = MOST_EVENTS if asked == 0 else min(asked, MOST_EVENTS)
        from_s = now_s
        if int(request.start_time) != 0:
            from_s = max(from_zigbee_time(int(request.start_time)), now_s - HELD_BEHIND_S)
        return self._publications(
            now_s, count=count, from_s=min(from_s, now_s), until_s=now_s + HELD_AHEAD_S
        )

    def _periods(
        self, from_s: float, count: int, until_s: float = float("inf")
    ) -> list[PricePeriod]:
        tariff = self.tariff
        if isinstance(tariff, Block):
            # A block price holds until the next threshold: its end is not a time known in advance.
            return [
                PricePeriod(float("-inf"), float("inf"), self._registers.pricer.rate(self._now()))
            ]
        # Walk switch to switch: only the periods asked for (a whole schedule costs far more).
        periods = []
        start = tariff.last_change_at_or_before(from_s)
        at = from_s
        for _ in range(count):
            if at >= until_s:
                break
            end = tariff.next_change_after(at)
            periods.append(
                PricePeriod(
                    float("-inf") if start is None else start,
                    float("inf") if end is None else end,
                    tariff.rate_at(at),
                )
            )
            if end is None:
                break
            start = at = end
        return periods

    def _publications(
        self,
        now_s: float,
        *,
        count: int,
        from_s: float | None = None,
        until_s: float = float("inf"),
    ) -> list[tuple[str, dict[str, Any]]]:
        return [
            (
                "publish_price",
                publish_price_fields(
                    period,
                    now_s,
                    PROVIDER_ID,
                    next(self._issuer_event_ids),
                    self.tariff.number_of_tiers,
                ),
            )
            for period in self._periods(now_s if from_s is None else from_s, count, until_s)
        ]
