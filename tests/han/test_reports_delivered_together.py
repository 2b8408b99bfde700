"""A fast home sends hundreds of report frames in one delivery: the display applies the
newest record of each attribute once they are all in, as one model change, and a day that ends
between two of them is still seen to end."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import zigpy.device
import zigpy.types as t
from zigpy.zcl import Cluster
from zigpy.zcl import foundation as f

from han.clusters import METERING_CLUSTER, SE_PROFILE_ID, GBMetering
from han.model import Field, Meter, MeterKey, ModelChange
from tests.conftest import EmulatedHan, OpenEmulatedHan

TODAY = "currentday_consumption_delivered"
DEMAND = "instantaneous_demand"
LIVE = {Field.DEMAND_KW, Field.IMPORT_TOTAL_KWH, Field.TODAY_IMPORT_KWH, Field.AMBIENT}
"""What an ESME's reports set."""


async def _attached(han: EmulatedHan) -> tuple[Cluster, Meter]:
    """The ESME's Metering cluster in zigpy and its meter in the model, once the display attached."""
    await han.meter_ready()
    device = han.radio.devices[han.home.esme.node.ieee]
    assert isinstance(device, zigpy.device.Device)
    cluster: Cluster = device.endpoints[1].in_clusters[METERING_CLUSTER]
    return cluster, han.model.meters[MeterKey(str(device.ieee), 1)]


class _Records:
    """Counts the records zigpy decoded and keeps the newest of each attribute."""

    def __init__(self) -> None:
        self.count = 0
        self.newest: dict[str, Any] = {}

    def general_command(self, header: f.ZCLHeader, args: Any) -> None:
        if header.command_id == f.GeneralCommand.Report_Attributes:
            for record in args.attribute_reports:
                self.count += 1
                self.newest[GBMetering.attributes[record.attrid].name] = record.value.value


def _report(han: EmulatedHan, name: str, raw: int, tsn: int) -> None:
    """The ESME's frame reporting ``name`` as ``raw``, handed to the radio as the air hands one."""
    attribute = GBMetering.attributes_by_name[name]
    header = f.ZCLHeader.general(
        tsn, f.GeneralCommand.Report_Attributes, direction=f.Direction.Server_to_Client
    )
    schema = f.GENERAL_COMMANDS[f.GeneralCommand.Report_Attributes].schema
    value = f.TypeValue(type=attribute.zcl_type, value=attribute.type(raw))
    report = schema(attribute_reports=[f.Attribute(attrid=attribute.id, value=value)])
    han.radio.packet_received(
        t.ZigbeePacket(
            src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(han.home.esme.node.nwk)),
            src_ep=t.uint8_t(1),
            dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
            dst_ep=t.uint8_t(1),
            tsn=t.uint8_t(tsn),
            profile_id=t.uint16_t(SE_PROFILE_ID),
            cluster_id=t.uint16_t(METERING_CLUSTER),
            data=t.SerializableBytes(header.serialize() + report.serialize()),
        )
    )


def _raw(meter: Meter, kwh: Decimal) -> int:
    return int(kwh * meter.formatting.divisor / meter.formatting.multiplier)


async def test_the_records_of_one_delivery_are_one_change_showing_the_newest_of_each(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        cluster, meter = await _attached(han)
        records = _Records()
        cluster.add_listener(records)
        changes: list[ModelChange] = []
        unsubscribe = han.model.subscribe(
            lambda change: changes.append(change) if change.meter == meter.key else None
        )
        try:
            for _ in range(300):  # one burst of the air: the radio delivers it in one callback
                han.home.step()
            await han.until(lambda: records.count >= 100)
            await asyncio.sleep(0)
        finally:
            unsubscribe()
            cluster.remove_listener(records)
        reported = [change for change in changes if change.fields & LIVE]
        assert len(reported) == 1, f"{len(reported)} changes for {records.count} records"
        demand = meter.demand_kw
        assert demand is not None
        assert demand.value == meter.formatting.scale(int(records.newest[DEMAND]))
        today = meter.today_import_kwh
        assert today is not None
        assert today.value == meter.formatting.scale(int(records.newest[TODAY]))


async def test_a_day_that_ends_between_two_frames_of_one_delivery_still_ends(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        _, meter = await _attached(han)
        today, week = meter.today_import_kwh, meter.week_import_kwh
        price = meter.tariff.unit_price_gbp_per_kwh
        assert today is not None
        assert week is not None
        assert price is not None
        # Two frames delivered together: an hour's use before midnight, then the new day's
        # first 0.2 kWh.
        with han.radio.frames_together():
            _report(han, TODAY, _raw(meter, today.value + 1), tsn=1)
            assert meter.today_import_kwh == today, "applied before the run of frames ended"
            _report(han, TODAY, _raw(meter, Decimal("0.2")), tsn=2)
        assert meter.today_import_kwh is not None
        assert meter.today_import_kwh.value == Decimal("0.2")
        # The week holds the hour before midnight as well as the new day's use.
        assert meter.week_import_kwh is not None
        assert meter.week_import_kwh.value == week.value + 1 + Decimal("0.2")
        assert meter.today_cost_gbp is not None
        assert meter.today_cost_gbp.value == Decimal("0.2") * price.value


async def test_a_frame_on_its_own_is_applied_as_soon_as_zigpy_has_handled_it(
    emulated_han: OpenEmulatedHan,
) -> None:
    # A home at ×1 sends a frame every few seconds: it waits for no other.
    async with emulated_han() as han:
        _, meter = await _attached(han)
        _report(han, DEMAND, 1234, tsn=3)
        assert meter.demand_kw is not None
        assert meter.demand_kw.value == meter.formatting.scale(1234)
