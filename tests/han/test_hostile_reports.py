"""A display shows what its meters said, never what a malformed or wrongly typed frame claims:
such frames are refused and counted with the undecodable ones, and none raises into the loop."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import zigpy.types as t
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from zigpy.zcl import foundation as f

from han.clusters import (
    GBCadPairing,
    GBDeviceManagement,
    GBMessaging,
    GBMetering,
    GBPrepayment,
    GBPrice,
)
from home_emulator.metering.credit_engine import PrepaymentStart
from tests.conftest import EmulatedHan, OpenEmulatedHan

CLUSTERS = {0x0702: GBMetering, 0x0705: GBPrepayment}
GB_CLUSTERS = (GBDeviceManagement, GBMessaging, GBMetering, GBCadPairing, GBPrepayment, GBPrice)
DATA_TYPES = sorted(int(type_id) for type_id in f.DataTypeId)


def _report(records: bytes, tsn: int = 0x42) -> bytes:
    header = f.ZCLHeader.general(
        tsn, f.GeneralCommand.Report_Attributes, direction=f.Direction.Server_to_Client
    )
    return header.serialize() + records


def _record(attrid: int, datatype: int, value: bytes) -> bytes:
    return t.uint16_t(attrid).serialize() + bytes([datatype]) + value


def _shown(han: Any) -> tuple[Any, ...]:
    meter = han.model.electricity_import_meter()
    assert meter is not None
    return (
        meter.demand_kw,
        meter.import_total_kwh,
        meter.export_total_kwh,
        meter.supply,
        meter.credit,
        meter.unit,
        meter.formatting,
    )


def _deliver(han: Any, cluster_id: int, data: bytes) -> None:
    packet = han.home.esme.node.packet(1, 1, cluster_id, data, 0x0000)
    han.radio.packet_received(packet.replace(data=t.SerializableBytes(data)))


def _is_sound(cluster_id: int, data: bytes) -> bool:
    """Whether ``data`` may rightly change what is shown: a well-formed report with at least one
    attribute the display knows, every known one in its own type. (Attributes a display does not
    know are passed over, as ZCL asks, so they do not make a frame hostile by themselves.)"""
    definition = CLUSTERS[cluster_id]
    known = 0
    try:
        _, payload = f.ZCLHeader.deserialize(data)
        args, _ = f.GENERAL_COMMANDS[f.GeneralCommand.Report_Attributes].schema.deserialize(payload)
        for record in args.as_dict()["attribute_reports"]:
            attribute = definition.attributes.get(record.attrid)
            if attribute is None:
                continue
            if int(record.value.type) != int(attribute.zcl_type):
                return False
            attribute.type(record.value.value)
            known += 1
    except Exception:
        return False
    return known > 0


def _in_prepayment(han: EmulatedHan) -> bool:
    meter = han.model.electricity_import_meter()
    return meter is not None and meter.credit.in_prepayment


@pytest.mark.logs_warning(r"Ignoring undecodable frame .*WrongDataType")
async def test_reports_in_another_data_type_are_refused_and_counted(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(electricity_prepayment=PrepaymentStart()) as han:
        await han.meter_ready()
        await han.until(lambda: _in_prepayment(han))
        before = _shown(han)
        demand = GBMetering.attributes_by_name["instantaneous_demand"].id
        register = GBMetering.attributes_by_name["current_summ_delivered"].id
        payment = GBPrepayment.attributes_by_name["payment_control_configuration"].id
        _deliver(han, 0x0702, _report(_record(demand, 0x42, b"\x049999")))  # character string
        _deliver(han, 0x0702, _report(_record(register, 0x22, b"\x01\x00\x00")))  # uint24
        _deliver(han, 0x0705, _report(_record(payment, 0x18, b"\x00")))  # bitmap8
        await han.until(lambda: han.model.undecodable_frames == 3)
        assert _shown(han) == before
        assert _in_prepayment(han)


def _edge_values(data_type: type) -> list[Any]:
    """A data type's extremes: the values a narrower attribute type would refuse first."""
    if issubclass(data_type, int):
        bits = getattr(data_type, "_bits", 8)
        if getattr(data_type, "_signed", False):
            return [-(1 << (bits - 1)), -1, 0, (1 << (bits - 1)) - 1]
        return [0, 1, 0x77, (1 << bits) - 1]
    if issubclass(data_type, bytes):
        return [b"", b"9" * 254]
    if issubclass(data_type, str):
        return ["", "9" * 254]
    return []


def test_every_attribute_takes_every_value_of_its_own_data_type() -> None:
    # The display's type check compares data type ids only: a value decoded in the attribute's
    # own data type must then fit the attribute. An attribute narrower than its data type (a
    # bounded string, a restricted enum) would need its value checked too; this fails first.
    checked = 0
    for cluster in GB_CLUSTERS:
        for attribute in cluster.attributes.values():
            data_type = f.DataType.from_type_id(attribute.zcl_type).python_type
            for edge in _edge_values(data_type):
                attribute.type(data_type(edge))
                checked += 1
    assert checked > 500


@pytest.mark.logs_warning(r"Ignoring undecodable frame")
async def test_fuzzed_reports_change_nothing_shown(emulated_han: OpenEmulatedHan) -> None:
    loop = asyncio.get_running_loop()
    escaped: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: escaped.append(context))
    async with emulated_han(electricity_prepayment=PrepaymentStart()) as han:
        await han.meter_ready()
        await han.until(lambda: _in_prepayment(han))
        # The home stands still while it is attacked: no genuine report may refresh what is
        # shown, so anything that changes – a value or when it was heard – is the attack's doing.
        han.home.clock.pause()
        await asyncio.sleep(0.05)
        before = _shown(han)
        delivered = 0
        attrids = {
            cluster_id: sorted(definition.attributes) for cluster_id, definition in CLUSTERS.items()
        }

        records = st.lists(
            st.tuples(st.integers(0, 0xFFFF), st.sampled_from(DATA_TYPES), st.binary(max_size=12)),
            min_size=1,
            max_size=4,
        )

        @settings(
            max_examples=2000,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        )
        @given(
            st.sampled_from(sorted(CLUSTERS)),
            st.one_of(
                records.map(lambda items: ("typed", items)),
                st.binary(max_size=40).map(lambda raw: ("raw", raw)),
            ),
            st.integers(0, 3),
        )
        def hostile_report(cluster_id: int, shape: tuple[str, Any], pick: int) -> None:
            nonlocal delivered
            kind, content = shape
            if kind == "typed":
                known = attrids[cluster_id]
                body = b"".join(
                    _record(known[attrid % len(known)] if pick else attrid, datatype, value)
                    for attrid, datatype, value in content
                )
            else:
                body = content
            data = _report(body)
            assume(not _is_sound(cluster_id, data))
            _deliver(han, cluster_id, data)
            delivered += 1
            assert _shown(han) == before

        hostile_report()
        for _ in range(10):
            await asyncio.sleep(0)
        assert delivered >= 1500
        assert _shown(han) == before
        assert han.model.undecodable_frames > 0
    assert escaped == []
