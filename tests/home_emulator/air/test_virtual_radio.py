"""The emulated ESME on the virtual radio, seen through unmodified zigpy and the HAN session."""

from __future__ import annotations

from decimal import Decimal

import pytest
import zigpy.application
import zigpy.exceptions
import zigpy.types as t

from han.clusters import GBMetering, GBPrice
from home_emulator.air.medium import Air
from home_emulator.air.virtual_radio import VirtualRadio
from tests.conftest import OpenEmulatedHan
from tests.zigbee_device import zigbee_device


def test_virtual_radio_is_a_complete_zigpy_controller() -> None:
    assert issubclass(VirtualRadio, zigpy.application.ControllerApplication)
    assert not getattr(VirtualRadio, "__abstractmethods__", set())


async def test_a_radio_pointed_at_no_air_fails_like_a_missing_stick() -> None:
    gone = Air()
    config = VirtualRadio.config_for(gone)
    gone.close()
    with pytest.raises(zigpy.exceptions.ControllerException, match="no emulated HAN"):
        await VirtualRadio.new(config)


async def test_zigpy_interviews_the_emulated_meter(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han() as han:
        ieee = han.home.esme.node.ieee
        await han.until(lambda: bool(han.session.links))  # zigpy announced device_initialized
        device = zigbee_device(han.radio, ieee)
        assert device.model == "ESME-1"
        assert device.manufacturer == "Emulated Metering Co"
        endpoint = device.endpoints[1]
        assert endpoint.profile_id == 0x0109
        assert isinstance(endpoint.in_clusters[0x0702], GBMetering)
        assert isinstance(endpoint.in_clusters[0x0700], GBPrice)


async def test_reads_answer_with_the_meters_registers(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        esme = han.home.esme
        metering = zigbee_device(han.radio, esme.node.ieee).endpoints[1].smartenergy_metering
        success, failure = await metering.read_attributes(
            ["current_summ_delivered", "instantaneous_demand", "divisor"]
        )
        assert failure == {}
        assert success["current_summ_delivered"] == esme.import_joules // 3600
        assert success["instantaneous_demand"] == esme.demand_w
        assert success["divisor"] == 1000


async def test_the_meter_accepts_binding_and_reporting_from_the_session(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        node = han.home.esme.node
        assert 0x0702 in {binding.cluster_id for binding in node.bindings}
        display = str(han.radio.ieee)
        reporting = node.endpoints[1].servers[0x0702].reporting_for(display)
        demand_id = GBMetering.attributes_by_name["instantaneous_demand"].id
        assert reporting[demand_id].max_interval_s == 60


async def test_se_profile_reports_reach_the_model_with_the_meters_values(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        esme = han.home.esme
        seen: list[t.ZigbeePacket] = []

        def tap(packet: t.ZigbeePacket, way: str) -> None:
            if way == "up":
                seen.append(packet)

        han.home.air.taps.append(tap)
        for _ in range(3):
            han.home.step()
        assert seen, "the meter sent no reports"
        assert all(packet.profile_id == 0x0109 for packet in seen)
        await han.until(
            lambda: (
                (meter := han.model.electricity_import_meter()) is not None
                and meter.demand_kw is not None
                and meter.demand_kw.value == Decimal(esme.demand_w) / 1000
            )
        )
        meter = han.model.electricity_import_meter()
        assert meter is not None
        assert meter.import_total_kwh is not None
        assert meter.import_total_kwh.value == Decimal(esme.import_joules // 3600) / 1000
        assert meter.tariff.unit_price_gbp_per_kwh is not None
        assert meter.tariff.unit_price_gbp_per_kwh.value == Decimal("0.2450")


def test_hand_built_reports_equal_zigpys_own_encoding() -> None:
    """The meters build Report Attributes frames straight into bytes; zigpy must read them the same."""
    from zigpy.zcl import foundation as f

    from home_emulator.zigbee.zcl_server import ReportingRule, ServerCluster, encode_report

    metering = ServerCluster(
        0x0702, {"instantaneous_demand": -1234, "current_summ_delivered": 2**40}
    )
    for name in ("instantaneous_demand", "current_summ_delivered"):
        attrid = metering.definition.attributes_by_name[name].id
        metering.reporting[attrid] = ReportingRule(0, 60, 1)
    frame = encode_report(7, metering.due_reports(now=0.0))
    header, payload = f.ZCLHeader.deserialize(frame)
    assert header.tsn == 7
    assert header.command_id == f.GeneralCommand.Report_Attributes
    assert header.frame_control.disable_default_response
    report, rest = f.GENERAL_COMMANDS[f.GeneralCommand.Report_Attributes].schema.deserialize(
        payload
    )
    assert rest == b""
    reports = report.as_dict()["attribute_reports"]  # the schema's fields are built at run time
    assert [(r.attrid, r.value.value) for r in reports] == [
        (0x0400, -1234),
        (0x0000, 2**40),
    ]
