"""A Home Automation power sensor (Electrical Measurement, 0x0B04) kept in step with a ``Meter``.

LED-pulse readers, clamps and metering plugs on a household's own ZigBee network report active
power rather than Smart Energy metering. The link turns it into the same ``demand_kw`` an ESME
gives, so the IHD's Now screen and the CAD show it unchanged; such a meter has no prices,
histories or prepayment, and the screens that need those simply have nothing to show. Like the
meter link it asks for reports and polls when they stop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster
from zigpy.zcl.foundation import Status
from zigpy.zcl.helpers import ReportingConfig

from han.domain.units import MeteringUnit
from han.links.attributes import read_attributes
from han.model import Field, Fuel, HomeModel, Measured, Meter, MeterKey, ModelChange

LOGGER = logging.getLogger(__name__)

SCALE_ATTRIBUTES: Final = ("ac_power_multiplier", "ac_power_divisor")
POWER: Final = "active_power"
POWER_REPORTING: Final = ReportingConfig(1, 60, 5)
"""At most every second, at least every minute, on a change of 5 raw units (5 W unscaled)."""


class PowerLink:
    def __init__(
        self,
        model: HomeModel,
        measurement: Cluster,
        *,
        now: Callable[[], float] = time.time,
        poll_interval_s: float = 30.0,
    ) -> None:
        self._model = model
        self._cluster = measurement
        self._now = now
        self._poll_interval_s = poll_interval_s
        endpoint = measurement.endpoint
        self.key = MeterKey(str(endpoint.device.ieee), endpoint.endpoint_id)
        self._scale = Decimal(1)
        self.reporting_configured = False
        self.attached = asyncio.Event()

    @property
    def meter(self) -> Meter:
        return self._model.meter(self.key)

    async def run(self) -> None:
        unsubscribe = self._cluster.on_event("attribute_report", self._on_report)
        try:
            await self._read_scale()
            await self.poll()
            self.reporting_configured = await self._configure_reporting()
            self.attached.set()
            while True:
                await asyncio.sleep(self._poll_interval_s)
                last = self.meter.last_updated
                if last is None or self._now() - last >= self._poll_interval_s:
                    await self.poll()
        finally:
            unsubscribe()

    async def _read_scale(self) -> None:
        values = await read_attributes(self._cluster, SCALE_ATTRIBUTES)
        multiplier = int(values.get("ac_power_multiplier", 1)) or 1
        divisor = int(values.get("ac_power_divisor", 1)) or 1
        self._scale = Decimal(multiplier) / Decimal(divisor) / 1000  # raw → kW
        meter = self.meter
        meter.fuel = Fuel.ELECTRICITY
        meter.unit = MeteringUnit.KWH  # what its demand is a rate of
        self._model.announce(
            ModelChange(self.key, frozenset({Field.IDENTITY, Field.FUEL, Field.UNIT}))
        )

    async def poll(self) -> None:
        values = await read_attributes(self._cluster, [POWER])
        if POWER in values:
            self._apply(values[POWER])

    async def _configure_reporting(self) -> bool:
        try:
            await self._cluster.bind()
            result = await self._cluster.configure_reporting_multiple(
                {self._cluster.attributes_by_name[POWER]: POWER_REPORTING}
            )
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Sensor %s refused reporting (%s); polling instead", self.key, error)
            return False
        return all(status == Status.SUCCESS for status in result.values())

    def _on_report(self, event: Any) -> None:
        if event.attribute_name == POWER:
            self._apply(event.value)

    def _apply(self, raw: Any) -> None:
        if raw is None:
            return
        meter = self.meter
        now = self._now()
        amount = Decimal(int(raw)) * self._scale
        if meter.demand_kw is None or meter.demand_kw.value != amount:
            meter.value_changed_han_s = self._model.han_now(now)
        meter.demand_kw = Measured(amount, now)
        self._model.heard_from(self.key, now)
        self._model.mark_connected()
        self._model.announce(ModelChange(self.key, frozenset({Field.DEMAND_KW})))
