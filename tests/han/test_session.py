"""The HAN session against the emulated meter: reporting, polling fallback, bad frames."""

from __future__ import annotations

from decimal import Decimal

import pytest
import zigpy.types as t
from zigpy.zcl import foundation as f

from han.clusters import SE_PROFILE_ID
from han.model import Meter
from home_emulator.zigbee.zcl_server import ServerCluster
from tests.conftest import EmulatedHan, OpenEmulatedHan


def _import_meter(han: EmulatedHan) -> Meter:
    meter = han.model.electricity_import_meter()
    assert meter is not None, "the electricity meter is not in the model"
    return meter


def _demand_is(han: EmulatedHan, watts: int) -> bool:
    meter = han.model.electricity_import_meter()
    return (
        meter is not None
        and meter.demand_kw is not None
        and meter.demand_kw.value == Decimal(watts) / 1000
    )


async def test_a_meter_that_refuses_reporting_is_polled(
    emulated_han: OpenEmulatedHan, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: ServerCluster, configs: list, display: object = None) -> list:
        return [
            f.ConfigureReportingResponseRecord(
                status=f.Status.UNREPORTABLE_ATTRIBUTE,
                direction=f.ReportingDirection.SendReports,
                attrid=config.attrid,
            )
            for config in configs
        ]

    monkeypatch.setattr(ServerCluster, "configure_reporting", refuse)
    async with emulated_han(poll_interval_s=0.05) as han:
        await han.until(lambda: bool(han.session.links))
        link = next(iter(han.session.links.values()))
        await han.until(lambda: _demand_is(han, han.home.esme.demand_w))
        assert not link.reporting_configured
        assert not han.home.esme.node.endpoints[1].servers[0x0702].reporting
        for _ in range(6):
            han.home.step()
        await han.until(lambda: _demand_is(han, han.home.esme.demand_w))


async def test_an_se_profile_report_reaches_the_model(emulated_han: OpenEmulatedHan) -> None:
    """zigpy alone drops profile 0x0109; the session must still hear the meter's reports."""
    async with emulated_han() as han:
        await han.meter_ready()
        node = han.home.esme.node
        han.home.esme.metering.set("instantaneous_demand", 4321)
        (report,) = node.reports(han.home.esme.time_s)
        assert report.profile_id == SE_PROFILE_ID
        han.home.air.to_coordinator(report)
        await han.until(lambda: _demand_is(han, 4321))


@pytest.mark.logs_warning(r"^Ignoring undecodable frame from ")
async def test_an_undecodable_report_is_counted_and_the_last_good_value_kept(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        await han.until(lambda: _demand_is(han, han.home.esme.demand_w))
        good = _import_meter(han).demand_kw
        node = han.home.esme.node
        # A Report Attributes frame claiming an int24 value but carrying only one byte of it.
        header = f.ZCLHeader.general(
            0x42, f.GeneralCommand.Report_Attributes, direction=f.Direction.Server_to_Client
        )
        broken = header.serialize() + bytes([0x00, 0x04, 0x2A, 0x07])
        packet = node.packet(1, 1, 0x0702, broken, 0x0000)
        han.home.air.to_coordinator(packet.replace(data=t.SerializableBytes(broken)))
        await han.until(lambda: han.model.undecodable_frames == 1)
        assert _import_meter(han).demand_kw is good
