"""One metering endpoint on the air, kept in step with its ``Meter`` in the domain model.

The link learns what kind of meter it is (formatting, unit, device type: an ESME or the hub's gas
mirror), reads the live values, asks the meter to report the ones it has (bind + Configure
Reporting), and polls when the meter does not report – some meters refuse reporting configuration,
and a lost report must not leave a value stale. Prices are the ``PriceLink``'s job, histories and
running totals the ``HistoryLink``'s.
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

from han.clusters import UNDECODABLE_FRAME, GBMetering, GBPrepayment, GBPrice
from han.domain.local_calendar import LocalCalendar
from han.domain.units import MeteringUnit, expected_update_s, is_gas, metering_unit
from han.links.attributes import read_attributes
from han.links.history_link import HistoryLink
from han.links.prepayment_link import PrepaymentLink
from han.links.price_link import PriceLink
from han.model import (
    AmbientLevel,
    Field,
    Formatting,
    Fuel,
    HomeModel,
    Measured,
    Meter,
    MeterKey,
    ModelChange,
)
from han.radio.air import SmartEnergyAware

LOGGER = logging.getLogger(__name__)

Reporting = tuple[int, int, int]
"""(min interval s, max interval s, reportable change in raw units)"""

ELECTRICITY_REPORTING: Final[dict[str, Reporting]] = {
    "instantaneous_demand": (1, 60, 1),
    "current_summ_delivered": (10, 600, 1),
    "current_summ_received": (10, 600, 1),
    "currentday_consumption_delivered": (10, 600, 1),
    "iambient_consumption_indicator": (1, 600, 1),
}
"""What the displays need to hear about without asking, in the meter's own units."""
GAS_REPORTING: Final[dict[str, Reporting]] = {
    # A mirror changes only when the GSME wakes (every 30 minutes): report on change, and at
    # least every half hour so that the display knows the hub is still there.
    "current_summ_delivered": (10, 1800, 1),
    "currentday_consumption_delivered": (10, 1800, 1),
    "current_day_alternative_consumption_delivered": (10, 1800, 1),
}
REPORTING: Final = ELECTRICITY_REPORTING
"""Kept for readers of the electricity set by its old name."""

FORMATTING_ATTRIBUTES: Final = (
    "multiplier",
    "divisor",
    "metering_device_type",
    "unit_of_measure",
    "alternative_unit_of_measure",
)
AMBIENT_ATTRIBUTE: Final = "iambient_consumption_indicator"
AMBIENT_LEVELS: Final = {level.value for level in AmbientLevel}
_GAS_TODAY: Final = frozenset({Field.TODAY_VOLUME_M3, Field.TODAY_IMPORT_KWH})
_TODAY: Final = frozenset(
    {"currentday_consumption_delivered", "current_day_alternative_consumption_delivered"}
)
"""Today's energy or volume: it falls only when a day ends."""
_ONE_MOMENT: Final = ("instantaneous_demand", AMBIENT_ATTRIBUTE)
"""Demand and the ambient level it gives are shown side by side, so they are asked for together:
in one Configure Reporting request (zigpy splits a long one, and a meter that hears of demand
before its ambient level reports demand alone meanwhile) and first in a read (zigpy reads a few
attributes a request), and a read does not set one of them while a report has set the other."""


def live_fields(meter: Meter) -> dict[str, Field]:
    """Attribute → ``Meter`` field for the values that move all day, by the meter's units."""
    if meter.unit is MeteringUnit.CUBIC_METRES:
        fields = {
            "current_summ_delivered": Field.VOLUME_TOTAL_M3,
            "currentday_consumption_delivered": Field.TODAY_VOLUME_M3,
        }
        if meter.alternative_unit is MeteringUnit.KWH:
            fields["current_day_alternative_consumption_delivered"] = Field.TODAY_IMPORT_KWH
        return fields
    return {
        "instantaneous_demand": Field.DEMAND_KW,
        "current_summ_delivered": Field.IMPORT_TOTAL_KWH,
        "current_summ_received": Field.EXPORT_TOTAL_KWH,
        "currentday_consumption_delivered": Field.TODAY_IMPORT_KWH,
    }


class MeterLink:
    def __init__(
        self,
        model: HomeModel,
        metering: Cluster,
        *,
        now: Callable[[], float] = time.time,
        poll_interval_s: float = 30.0,
        calendar: LocalCalendar | None = None,
    ) -> None:
        self._model = model
        self._metering = metering
        self._now = now
        self._poll_interval_s = poll_interval_s
        endpoint = metering.endpoint
        self.key = MeterKey(str(endpoint.device.ieee), endpoint.endpoint_id)
        price: Cluster | None = endpoint.in_clusters.get(GBPrice.cluster_id)
        self._price = price
        self._prepayment: Cluster | None = endpoint.in_clusters.get(GBPrepayment.cluster_id)
        self.price = PriceLink(model, self.key, price, now=now) if price is not None else None
        self.history = HistoryLink(
            model, self.key, metering, self._prepayment, now=now, calendar=calendar
        )
        self.prepayment = (
            PrepaymentLink(model, self.key, self._prepayment, metering, now=now)
            if self._prepayment is not None
            else None
        )
        self._fields: dict[str, Field] = {}
        self._targets: dict[str, tuple[Field, str]] = {}
        """Attribute → its field and the ``Meter`` attribute it sets (the field's value), looked
        up once: reading an enum member's value is a Python-level property."""
        self._reported: dict[str, Any] = {}
        """Reported values not applied yet: the newest record of each attribute."""
        self._told_when_frames_end = False
        self._unsubscribe: list[Callable[[], Any]] = []
        self.reporting_configured = False
        self.attached = asyncio.Event()
        """Set once identity, live values, reporting, prices and histories have been asked for."""

    @property
    def meter(self) -> Meter:
        return self._model.meter(self.key)

    @property
    def metering(self) -> Cluster:
        """The meter's Metering server (for the half-hourly profile: ``han.links.profile_reader``)."""
        return self._metering

    async def run(self) -> None:
        """Attach to the meter, then keep its values fresh for as long as the session lives."""
        self._subscribe()
        try:
            await self._read_identity()
            supported = await self.poll()
            self.reporting_configured = await self._configure_reporting(supported)
            if self.prepayment is not None:
                await self.prepayment.attach()
            # Histories before prices: a display that shows the price is one that has finished
            # its start-up reads (the benchmarks count on a quiet air after that).
            await self.history.attach()
            if self.price is not None:
                await self.price.attach()
                current = self.meter.tariff.current
                if current is not None and (current.number_of_tiers or 1) > 1:
                    await self.history.refresh_totals()  # now that the TOU registers are known
            self.attached.set()
            async with asyncio.TaskGroup() as group:
                group.create_task(self._keep_fresh())
                group.create_task(self.history.run())
                if self.price is not None:
                    group.create_task(self.price.run())
        finally:
            for unsubscribe in self._unsubscribe:
                unsubscribe()
            self._reported.clear()  # the link has stopped: nothing more is shown from it
            self.history.detach()
            if self.prepayment is not None:
                self.prepayment.detach()
            if self.price is not None:
                self.price.detach()

    async def _keep_fresh(self) -> None:
        while True:
            await asyncio.sleep(self._poll_interval_s)
            last = self.meter.last_updated
            if last is None or self._now() - last >= self._poll_interval_s:
                await self.poll()

    def _subscribe(self) -> None:
        self._unsubscribe.append(self._metering.on_event("attribute_report", self._on_report))
        application = self._metering.endpoint.device.application
        if isinstance(application, SmartEnergyAware):
            self._unsubscribe.append(application.after_frames(self._apply_reported))
            self._told_when_frames_end = True
        for cluster in (self._metering, self._price, self._prepayment):
            if cluster is not None:
                self._unsubscribe.append(
                    cluster.on_event(
                        UNDECODABLE_FRAME, lambda _: self._model.count_undecodable_frame()
                    )
                )

    async def _read_identity(self) -> None:
        values = await read_attributes(self._metering, FORMATTING_ATTRIBUTES)
        meter = self.meter
        meter.formatting = Formatting(
            multiplier=int(values.get("multiplier", 1)) or 1,
            divisor=int(values.get("divisor", 1)) or 1,
        )
        raw_type = values.get("metering_device_type")
        meter.device_type = None if raw_type is None else int(raw_type)
        meter.fuel = Fuel.GAS if is_gas(meter.device_type) else Fuel.ELECTRICITY
        default_unit = MeteringUnit.CUBIC_METRES if meter.fuel is Fuel.GAS else MeteringUnit.KWH
        meter.unit = metering_unit(values.get("unit_of_measure", default_unit))
        alternative = values.get("alternative_unit_of_measure")
        meter.alternative_unit = None if alternative is None else metering_unit(alternative)
        meter.expected_update_s = expected_update_s(meter.device_type)
        self._fields = live_fields(meter)
        self._targets = {name: (field, field.value) for name, field in self._fields.items()}
        self._model.announce(
            ModelChange(self.key, frozenset({Field.IDENTITY, Field.FUEL, Field.UNIT}))
        )

    def _reporting(self) -> dict[str, Reporting]:
        return (
            GAS_REPORTING if self.meter.unit is MeteringUnit.CUBIC_METRES else ELECTRICITY_REPORTING
        )

    async def _configure_reporting(self, supported: set[str] | None) -> bool:
        """Ask the meter to report what it has (all of the set if the first read told nothing)."""
        wanted = {
            name: config
            for name, config in self._reporting().items()
            if supported is None or name in supported
        }
        if not wanted:
            return False
        # The pair first, in a request of its own: the meter then never holds one without the other.
        requests = (
            {name: config for name, config in wanted.items() if name in _ONE_MOMENT},
            {name: config for name, config in wanted.items() if name not in _ONE_MOMENT},
        )
        result: dict[Any, Status] = {}
        try:
            await self._metering.bind()
            for request in requests:
                if request:
                    result |= await self._metering.configure_reporting_multiple(
                        {
                            GBMetering.attributes_by_name[name]: ReportingConfig(*config)
                            for name, config in request.items()
                        }
                    )
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Meter %s refused reporting (%s); polling instead", self.key, error)
            return False
        ok = all(status == Status.SUCCESS for status in result.values())
        if not ok:
            LOGGER.info("Meter %s did not accept all reporting; polling fills the gaps", self.key)
        return ok

    async def poll(self) -> set[str] | None:
        """Read the live values now (at attach and when reports stop arriving); the names the
        meter answered, or None if it answered nothing at all."""
        asked_at = self._now()
        names = sorted([*self._fields, AMBIENT_ATTRIBUTE], key=lambda name: name not in _ONE_MOMENT)
        values = await read_attributes(self._metering, names)
        if values:
            self._model.heard_from(self.key, self._now())
        elif self.meter.heard_at is None or self.meter.heard_at < asked_at:
            self._model.unanswered_by(self.key)  # and nothing else came while we asked
        # A report that arrived while the read was in flight is newer than the read's answer.
        self._apply(values, now=self._now(), unless_updated_since=asked_at)
        return set(values) if values else None

    def _on_report(self, event: Any) -> None:
        # zigpy hands on a frame's records one by one, and a fast home sends hundreds of frames
        # in one delivery: each record is kept, the newest of each attribute, and they are
        # applied together once the radio says the frames are handled – one model change for all
        # of them, as a read's answer is.
        name = event.attribute_name
        if name in _TODAY:
            earlier = self._reported.get(name)
            if earlier is not None and event.value is not None and event.value < earlier:
                # A day ended between two records: the day that ended is carried first, so
                # the running figures see the fall.
                self._apply_reported()
        self._reported[name] = event.value
        if not self._told_when_frames_end:
            self._apply_reported()  # a radio that does not say when a frame ends: at once

    def _apply_reported(self) -> None:
        """Apply the records kept since the last time: any report says the meter is there (so
        what it reports only on change is still true), heard when they are applied."""
        reported = self._reported
        if not reported:
            return
        self._reported = {}
        now = self._now()
        self._model.heard_from(self.key, now)
        self._apply(reported, now=now)

    def _apply(
        self,
        values: dict[str, Any],
        *,
        now: float,
        unless_updated_since: float | None = None,
    ) -> None:
        meter = self.meter
        changed: set[Field] = set()
        value_changed = False
        today_before = meter.today_import_kwh
        if unless_updated_since is not None and any(
            self._updated_since(name, unless_updated_since)
            for name in _ONE_MOMENT
            if name in values
        ):
            # Demand and the ambient level it gives are shown side by side: both or neither.
            values = {name: raw for name, raw in values.items() if name not in _ONE_MOMENT}
        for name, raw in values.items():
            if self._updated_since(name, unless_updated_since):
                continue
            moved = self._set(meter, name, raw, now)
            if moved is not None:
                changed.add(moved[0])
                value_changed = value_changed or moved[1]
        if changed:
            self._announce(meter, changed, value_changed, today_before, now)

    def _set(self, meter: Meter, name: str, raw: Any, now: float) -> tuple[Field, bool] | None:
        """Put one attribute's value on the meter: the field it set and whether its value moved
        (a report of the same figure still says when it was last true), or None if it is not one
        this link shows."""
        if raw is None:
            return None
        if name == AMBIENT_ATTRIBUTE:
            if int(raw) not in AMBIENT_LEVELS:
                return None
            meter.ambient = Measured(AmbientLevel(int(raw)), now)
            return Field.AMBIENT, False
        target = self._targets.get(name)
        if target is None:
            return None
        field, attribute = target
        previous = getattr(meter, attribute)
        amount = meter.formatting.scale(int(raw))
        setattr(meter, attribute, Measured(amount, now))
        return field, previous is None or previous.value != amount

    def _announce(
        self,
        meter: Meter,
        changed: set[Field],
        value_changed: bool,
        today_before: Measured[Decimal] | None,
        now: float,
    ) -> None:
        if Field.TODAY_IMPORT_KWH in changed and today_before is not None:
            # In the same change, so no screen draws today's energy beside yesterday's costs.
            changed |= self.history.follow_today(today_before.value, now)
        if value_changed:
            meter.value_changed_han_s = self._model.han_now(now)
        if meter.fuel is Fuel.GAS and changed & _GAS_TODAY:
            changed.add(Field.GAS_TODAY)
        if Field.EXPORT_TOTAL_KWH in changed:
            changed.add(Field.EXPORT)
        self._model.mark_connected()
        self._model.announce(ModelChange(self.key, frozenset(changed)))

    def _updated_since(self, attribute: str, since: float | None) -> bool:
        if since is None:
            return False
        field = Field.AMBIENT if attribute == AMBIENT_ATTRIBUTE else self._fields.get(attribute)
        current = getattr(self.meter, field.value) if field else None
        return current is not None and current.updated_at >= since
