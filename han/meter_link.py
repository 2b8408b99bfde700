"""One metering endpoint on the air, kept in step with its ``Meter`` in the domain model.

The link asks the meter to report (bind + Configure Reporting), reads what reports do not carry
(formatting, price), applies every report or read to the model, and polls when the meter does not
report – some meters refuse reporting configuration, and a lost report must not leave a value stale.
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

from han.clusters import UNDECODABLE_FRAME, GBMetering, GBPrice
from han.model import (
    AmbientLevel,
    Formatting,
    Fuel,
    HomeModel,
    Measured,
    Meter,
    MeterKey,
    ModelChange,
)

LOGGER = logging.getLogger(__name__)

REPORTING: Final[dict[str, tuple[int, int, int]]] = {
    # attribute: (min interval s, max interval s, reportable change in raw units)
    "instantaneous_demand": (1, 60, 1),
    "current_summ_delivered": (10, 600, 1),
    "currentday_consumption_delivered": (10, 600, 1),
    "iambient_consumption_indicator": (1, 600, 1),
}
"""What the displays need to hear about without asking, in the meter's own units."""

FORMATTING_ATTRIBUTES: Final = ("multiplier", "divisor", "metering_device_type")
VALUE_ATTRIBUTES: Final = tuple(REPORTING)

_FIELD_OF: Final = {
    "instantaneous_demand": "demand_kw",
    "current_summ_delivered": "import_total_kwh",
    "currentday_consumption_delivered": "today_import_kwh",
}

_GAS_DEVICE_TYPES: Final = {1, 128}
AMBIENT_LEVELS: Final = {level.value for level in AmbientLevel}


class MeterLink:
    def __init__(
        self,
        model: HomeModel,
        metering: Cluster,
        *,
        now: Callable[[], float] = time.time,
        poll_interval_s: float = 30.0,
    ) -> None:
        self._model = model
        self._metering = metering
        self._now = now
        self._poll_interval_s = poll_interval_s
        endpoint = metering.endpoint
        self.key = MeterKey(str(endpoint.device.ieee), endpoint.endpoint_id)
        self._price: Cluster | None = endpoint.in_clusters.get(GBPrice.cluster_id)
        self._unsubscribe: list[Callable[[], Any]] = []
        self.reporting_configured = False
        self.attached = asyncio.Event()
        """Set once formatting, reporting, the first values and the price have been asked for."""

    @property
    def meter(self) -> Meter:
        return self._model.meter(self.key)

    async def run(self) -> None:
        """Attach to the meter, then keep its values fresh for as long as the session lives."""
        self._subscribe()
        try:
            await self._read_formatting()
            self.reporting_configured = await self._configure_reporting()
            await self.poll()
            await self._read_price()
            self.attached.set()
            while True:
                await asyncio.sleep(self._poll_interval_s)
                last = self.meter.last_updated
                if last is None or self._now() - last >= self._poll_interval_s:
                    await self.poll()
        finally:
            for unsubscribe in self._unsubscribe:
                unsubscribe()

    def _subscribe(self) -> None:
        self._unsubscribe.append(self._metering.on_event("attribute_report", self._on_report))
        for cluster in (self._metering, self._price):
            if cluster is not None:
                self._unsubscribe.append(
                    cluster.on_event(
                        UNDECODABLE_FRAME, lambda _: self._model.count_undecodable_frame()
                    )
                )
        if self._price is not None:
            self._price.add_listener(self)

    async def _read_formatting(self) -> None:
        values = await self._read(self._metering, FORMATTING_ATTRIBUTES)
        meter = self.meter
        meter.formatting = Formatting(
            multiplier=int(values.get("multiplier", 1)) or 1,
            divisor=int(values.get("divisor", 1)) or 1,
        )
        device_type = values.get("metering_device_type")
        meter.fuel = (
            Fuel.GAS
            if device_type is not None and int(device_type) in _GAS_DEVICE_TYPES
            else Fuel.ELECTRICITY
        )

    async def _configure_reporting(self) -> bool:
        try:
            await self._metering.bind()
            result = await self._metering.configure_reporting_multiple(
                {
                    GBMetering.attributes_by_name[name]: ReportingConfig(min_s, max_s, change)
                    for name, (min_s, max_s, change) in REPORTING.items()
                }
            )
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Meter %s refused reporting (%s); polling instead", self.key, error)
            return False
        ok = all(status == Status.SUCCESS for status in result.values())
        if not ok:
            LOGGER.info("Meter %s did not accept all reporting; polling fills the gaps", self.key)
        return ok

    async def poll(self) -> None:
        """Read the live values now (used at attach and when reports stop arriving)."""
        asked_at = self._now()
        values = await self._read(self._metering, VALUE_ATTRIBUTES)
        # A report that arrived while the read was in flight is newer than the read's answer.
        self._apply(values, unless_updated_since=asked_at)

    async def _read_price(self) -> None:
        if self._price is None:
            return
        try:
            response = await self._price.get_current_price(command_options=0)
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Meter %s did not publish a price: %s", self.key, error)
        else:
            self.cluster_command(0, 0x00, response)
        values = await self._read(self._price, ("standing_charge", "price_trailing_digit"))
        if "standing_charge" in values:
            digits = int(values.get("price_trailing_digit", 0)) >> 4
            self.meter.tariff.standing_charge_gbp_per_day = Measured(
                Decimal(int(values["standing_charge"])).scaleb(-digits), self._now()
            )
            self._model.announce(ModelChange(self.key, frozenset({"standing_charge"})))

    def cluster_command(self, tsn: int, command_id: int, args: Any) -> None:
        """zigpy listener hook: the meter's Price server published a price."""
        if command_id != GBPrice.ClientCommandDefs.publish_price.id or not hasattr(args, "price"):
            return
        trailing_digits = int(args.price_trailing_digit_and_tier) >> 4
        self.meter.tariff.unit_price_gbp_per_kwh = Measured(
            Decimal(int(args.price)).scaleb(-trailing_digits), self._now()
        )
        self._model.announce(ModelChange(self.key, frozenset({"unit_price"})))

    def _on_report(self, event: Any) -> None:
        self._apply({event.attribute_name: event.value})

    def _apply(self, values: dict[str, Any], *, unless_updated_since: float | None = None) -> None:
        meter = self.meter
        now = self._now()
        changed = set()
        for name, raw in values.items():
            if raw is None or self._updated_since(name, unless_updated_since):
                continue
            if name == "iambient_consumption_indicator":
                if int(raw) in AMBIENT_LEVELS:
                    meter.ambient = Measured(AmbientLevel(int(raw)), now)
                    changed.add("ambient")
                continue
            field_name = _FIELD_OF.get(name)
            if field_name is None:
                continue
            setattr(meter, field_name, Measured(meter.formatting.scale(int(raw)), now))
            changed.add(field_name)
        if changed:
            self._model.mark_connected()
            self._model.announce(ModelChange(self.key, frozenset(changed)))

    def _updated_since(self, attribute: str, since: float | None) -> bool:
        if since is None:
            return False
        field_name = (
            "ambient" if attribute == "iambient_consumption_indicator" else _FIELD_OF.get(attribute)
        )
        current = getattr(self.meter, field_name) if field_name else None
        return current is not None and current.updated_at >= since

    async def _read(self, cluster: Cluster, names: tuple[str, ...]) -> dict[str, Any]:
        try:
            success, failure = await cluster.read_attributes(list(names))
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Reading %s from %s failed: %s", names, self.key, error)
            return {}
        if failure:
            LOGGER.debug("Meter %s does not support %s", self.key, failure)
        return dict(success)
