"""The throughput figures count a frame only once the model shows what it said: the check must
see a model that lags behind the reports."""

from __future__ import annotations

from dataclasses import replace

import zigpy.device
from zigpy.zcl import Cluster

from benchmarks.harness import ModelFollows, ReportCounter
from han.clusters import METERING_CLUSTER
from tests.conftest import OpenEmulatedHan


async def test_the_check_holds_once_the_reports_are_in_and_fails_on_a_figure_left_behind(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        device = han.radio.devices[han.home.esme.node.ieee]
        assert isinstance(device, zigpy.device.Device)
        cluster: Cluster = device.endpoints[1].in_clusters[METERING_CLUSTER]
        reports = ReportCounter()
        cluster.add_listener(reports)
        follows = ModelFollows(han.model, cluster, reports)
        try:
            for _ in range(200):
                han.home.step()
            await han.until(lambda: reports.frames > 50 and follows())
        finally:
            cluster.remove_listener(reports)
        assert reports.newest, "no record was kept"
        meter = han.model.electricity_import_meter()
        assert meter is not None
        assert meter.demand_kw is not None
        meter.demand_kw = replace(meter.demand_kw, value=meter.demand_kw.value + 1)
        assert not follows()
        [difference] = follows.differences()
        assert difference.startswith("instantaneous_demand: ")
