"""A fast-running home keeps its reports few a wall second: one frame per cluster at most every
floor, carrying everything that changed meanwhile."""

from __future__ import annotations

from home_emulator.zigbee.zcl_server import ReportingRule, ServerCluster


def _metering() -> ServerCluster:
    metering = ServerCluster(
        0x0702, {"instantaneous_demand": 500, "iambient_consumption_indicator": 0}
    )
    for name in ("instantaneous_demand", "iambient_consumption_indicator"):
        attrid = metering.definition.attributes_by_name[name].id
        metering.reporting[attrid] = ReportingRule(1, 600, 1)
    return metering


def test_without_a_floor_each_change_is_reported_at_its_own_minimum_interval() -> None:
    metering = _metering()
    assert metering.due_reports(now=0.0)
    metering.set("instantaneous_demand", 600)
    assert metering.due_reports(now=10.0)


def test_a_floor_holds_the_cluster_back_and_then_sends_what_changed_in_one_frame() -> None:
    metering = _metering()
    first = metering.due_reports(now=0.0, min_interval_floor_s=1000.0)
    assert first
    metering.set("instantaneous_demand", 3500)
    assert metering.due_reports(now=10.0, min_interval_floor_s=1000.0) == b""
    metering.set("iambient_consumption_indicator", 2)
    assert metering.due_reports(now=500.0, min_interval_floor_s=1000.0) == b""
    both = metering.due_reports(now=1000.0, min_interval_floor_s=1000.0)
    assert len(both) == len(first)  # demand and the ambient level it gives, side by side
