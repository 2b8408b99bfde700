"""A meter's Price server, kept in step with its ``Tariff`` in the model.

At attach the display binds to the Price cluster – so the meter pushes PublishPrice at every rate
switch (a TOU band, an Agile half hour, a block threshold, a new tariff) – and asks for the current
and next price – and the rest of the day's, behind and ahead, that the meter holds (an Agile day's 48
half hours) – with GetScheduledPrices. A meter answers that with one PublishPrice per period, all
with the request's sequence number; zigpy would match the first as "the" response and drop the rest,
so the request is sent without waiting for a reply and every PublishPrice is taken as it arrives.
A meter that does not answer it is asked with GetCurrentPrice instead.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster

from han.clusters import GBPrice
from han.domain.units import from_zigbee_time, scaled, to_zigbee_time, trailing_digits
from han.links.attributes import read_attributes
from han.model import Field, HomeModel, Measured, MeterKey, ModelChange, PricePeriod, Tariff

LOGGER = logging.getLogger(__name__)

UNTIL_CHANGED: Final = 0xFFFF
"""PublishPrice duration meaning "until changed"."""
SCHEDULE_WAIT_S: Final = 2.0
"""How long to wait for the answers to GetScheduledPrices before asking for the current price."""
ALL_EVENTS: Final = 0
"""GetScheduledPrices' number of events meaning "all you hold" (ZSE's Price cluster)."""
SCHEDULE_FROM_S: Final = 24 * 3600
"""Ask for every period that ended within the past day, so a chart of today is whole from the start."""
PUBLISH_PRICE: Final = GBPrice.ClientCommandDefs.publish_price.id
PRICE_ATTRIBUTES: Final = (
    "standing_charge",
    "price_trailing_digit",
    "calorific_value",
    "calorific_value_trailing_digit",
    "conversion_factor",
    "conversion_factor_trailing_digit",
)


def price_period(args: Any) -> tuple[PricePeriod, float]:
    """A PublishPrice as a ``PricePeriod``, with the meter's time when it sent it."""
    meter_time_s = from_zigbee_time(int(args.current_time))
    digits_and_tier = int(args.price_trailing_digit_and_tier)
    tiers_and_register = int(args.number_of_tiers_and_register_tier)
    tier = digits_and_tier & 0x0F
    number_of_tiers = tiers_and_register >> 4
    raw_start = int(args.start_time)
    # Start 0 means "now": in force since before the meter said, as far as the display knows.
    start_s = None if raw_start == 0 else from_zigbee_time(raw_start)
    duration = int(args.duration_in_minutes)
    end_s = None
    if duration != UNTIL_CHANGED:
        end_s = (meter_time_s if start_s is None else start_s) + duration * 60
    label = bytes(args.rate_label).decode("utf-8", errors="replace")
    period = PricePeriod(
        unit_price_gbp_per_kwh=scaled(int(args.price), trailing_digits(digits_and_tier)),
        rate_label=label,
        tier=tier or None,
        number_of_tiers=number_of_tiers or None,
        start_s=start_s,
        end_s=end_s,
        issuer_event_id=int(args.issuer_event_id),
    )
    return period, meter_time_s


class PriceLink:
    def __init__(
        self,
        model: HomeModel,
        key: MeterKey,
        price: Cluster,
        *,
        now: Callable[[], float] = time.time,
        schedule_wait_s: float = SCHEDULE_WAIT_S,
    ) -> None:
        self._model = model
        self._key = key
        self._price = price
        self._now = now
        self._schedule_wait_s = schedule_wait_s
        self._heard = asyncio.Event()
        self._pushed = asyncio.Event()
        self._attached = False

    @property
    def tariff(self) -> Tariff:
        return self._model.meter(self._key).tariff

    async def attach(self) -> None:
        self._price.add_listener(self)
        try:
            await self._price.bind()
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info(
                "Meter %s will not push prices (%s): the price is read now only", self._key, error
            )
        await self.request_schedule()
        await self.read_attributes()
        self._attached = True

    def detach(self) -> None:
        self._price.remove_listener(self)

    async def run(self) -> None:
        """After a pushed price, read the standing charge again: a new tariff may bring a new one."""
        while True:
            await self._pushed.wait()
            self._pushed.clear()
            await self.read_attributes()

    async def request_schedule(self) -> None:
        """Ask for the day's prices and wait (briefly) for the current and the next."""
        since = self._model.han_now(self._now()) - SCHEDULE_FROM_S
        try:
            await self._price.get_scheduled_prices(
                start_time=to_zigbee_time(since), number_of_events=ALL_EVENTS, expect_reply=False
            )
            async with asyncio.timeout(self._schedule_wait_s):
                while not self._schedule_known():
                    self._heard.clear()
                    await self._heard.wait()
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Meter %s did not publish its schedule (%s)", self._key, error)
        if self.tariff.current is None:
            await self._request_current_price()

    def _schedule_known(self) -> bool:
        current = self.tariff.current
        return current is not None and (current.end_s is None or self.tariff.next is not None)

    async def _request_current_price(self) -> None:
        try:
            response = await self._price.get_current_price(command_options=0)
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Meter %s did not publish a price: %s", self._key, error)
            return
        self.cluster_command(0, PUBLISH_PRICE, response)

    async def read_attributes(self) -> None:
        values = await read_attributes(self._price, PRICE_ATTRIBUTES)
        tariff = self.tariff
        now = self._now()
        changed: set[Field] = set()
        if "standing_charge" in values:
            digits = trailing_digits(values.get("price_trailing_digit", 0))
            standing = scaled(int(values["standing_charge"]), digits)
            if tariff.standing_charge_gbp_per_day is None or (
                tariff.standing_charge_gbp_per_day.value != standing
            ):
                changed.add(Field.STANDING_CHARGE)
            tariff.standing_charge_gbp_per_day = Measured(standing, now)
        if "calorific_value" in values:
            digits = trailing_digits(values.get("calorific_value_trailing_digit", 0))
            tariff.calorific_value_mj_per_m3 = Measured(
                scaled(int(values["calorific_value"]), digits), now
            )
            changed.add(Field.CALORIFIC_VALUE)
        if "conversion_factor" in values:
            digits = trailing_digits(values.get("conversion_factor_trailing_digit", 0))
            tariff.volume_correction = Measured(
                scaled(int(values["conversion_factor"]), digits), now
            )
            changed.add(Field.VOLUME_CORRECTION)
        if changed or not self._attached:
            self._model.announce(ModelChange(self._key, frozenset(changed | {Field.TARIFF})))

    def cluster_command(self, tsn: int, command_id: int, args: Any) -> None:
        """zigpy listener hook: the meter's Price server published a price."""
        if command_id != PUBLISH_PRICE or not hasattr(args, "price"):
            return
        period, meter_time_s = price_period(args)
        self._model.heard_from(self._key, self._now())
        is_current = self.tariff.publish(period, meter_time_s=meter_time_s, received_at=self._now())
        fields = {Field.TARIFF, Field.UNIT_PRICE} if is_current else {Field.TARIFF}
        self._heard.set()
        if self._attached:
            self._pushed.set()
        self._model.announce(ModelChange(self._key, frozenset(fields)))
