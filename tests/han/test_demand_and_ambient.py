"""Demand and the ambient level it gives are shown side by side, so the meter is asked for them
together: a meter that has been asked to report demand but not yet its ambient level reports demand
alone, beside an ambient level read at another moment."""

from __future__ import annotations

import zigpy.types as t
from zigpy.zcl import foundation as f

from han.clusters import METERING_CLUSTER, GBMetering
from tests.conftest import OpenEmulatedHan

SUNNY_NOON = 1_781_524_800
"""2026-06-15 12:00 UTC: the solar home exports, so its ESME has an export register to report."""
DEMAND = GBMetering.attributes_by_name["instantaneous_demand"].id
AMBIENT = GBMetering.attributes_by_name["iambient_consumption_indicator"].id


async def test_an_exporting_meter_hears_of_demand_and_its_ambient_level_in_one_request(
    emulated_han: OpenEmulatedHan,
) -> None:
    # Its five live values do not fit one of zigpy's Configure Reporting requests.
    async with emulated_han(profile="solar_home", start_epoch_s=SUNNY_NOON, history_days=3) as han:
        requests: list[set[int]] = []

        def tap(packet: t.ZigbeePacket, way: str) -> None:
            if way != "down" or packet.cluster_id != METERING_CLUSTER:
                return
            header, rest = f.ZCLHeader.deserialize(packet.data.serialize())
            if header.frame_control.is_general and (
                header.command_id == f.GeneralCommand.Configure_Reporting
            ):
                schema = f.GENERAL_COMMANDS[f.GeneralCommand.Configure_Reporting].schema
                command, _ = schema.deserialize(rest)
                records = command.as_dict()["config_records"]  # the schema is built at run time
                requests.append({int(record.attrid) for record in records})

        han.home.air.taps.append(tap)
        await han.meter_ready()

        asked = [request for request in requests if request & {DEMAND, AMBIENT}]
        assert asked, "no meter was asked to report demand"
        assert all(request == {DEMAND, AMBIENT} for request in asked), asked
        assert len(requests) > 1, "the registers are asked for in a request of their own"
