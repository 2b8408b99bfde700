"""No peer can stop the home: every ZCL and ZDO frame into an emulated node, whatever its bytes, is
answered with a status (or, with no header to answer, dropped) – never an exception out of the node
or the air – and a bad reporting configuration is refused instead of breaking later reports."""

from __future__ import annotations

import logging
import math
import struct
from collections.abc import Iterator

import pytest
import zigpy.types as t
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zigpy.zcl import foundation as f
from zigpy.zdo import types as zdo_t

import han.clusters  # noqa: F401 - the GB cluster definitions
from han.clusters import GBMetering
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.credit_engine import PrepaymentStart
from home_emulator.zigbee.node import EmulatedNode
from home_emulator.zigbee.zcl_server import encode_general
from tests.home_emulator.zigbee.general_answers import default_response_status, record_statuses

DISPLAY_IEEE = t.EUI64.convert("00:0d:6f:ff:fe:00:00:01")
DEMAND = GBMetering.attributes_by_name["instantaneous_demand"]
STATUSES = set(f.Status)


class Listener:
    def __init__(self, ieee: t.EUI64 = DISPLAY_IEEE) -> None:
        self.ieee = ieee
        self.frames: list[t.ZigbeePacket] = []

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        self.frames.append(packet)

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None: ...

    def node_left(self, nwk: int, ieee: t.EUI64) -> None: ...


@pytest.fixture
def home() -> Iterator[EmulatedHome]:
    home = EmulatedHome(
        HomeSpec(
            start_epoch_s=1_780_000_000, history_days=1, electricity_prepayment=PrepaymentStart()
        )
    )
    home.power_on()
    yield home
    home.close()


def _targets(home: EmulatedHome) -> list[tuple[EmulatedNode, int, int]]:
    """Every (node, endpoint, cluster) a display can address, and each node's ZDO."""
    targets: list[tuple[EmulatedNode, int, int]] = []
    for node in home.air.nodes.values():
        targets.append((node, 0, int(zdo_t.ZDOCmd.Bind_req)))
        targets.append((node, 0, int(zdo_t.ZDOCmd.Simple_Desc_req)))
        targets.append((node, 0, int(zdo_t.ZDOCmd.Node_Desc_req)))
        for endpoint_id, endpoint in node.endpoints.items():
            targets.extend((node, endpoint_id, cluster_id) for cluster_id in endpoint.servers)
    return targets


def _packet(node: EmulatedNode, endpoint: int, cluster_id: int, data: bytes) -> t.ZigbeePacket:
    return t.ZigbeePacket(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
        src_ep=t.uint8_t(endpoint),
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(node.nwk)),
        dst_ep=t.uint8_t(endpoint),
        tsn=t.uint8_t(0),
        profile_id=t.uint16_t(0x0109 if endpoint else 0x0000),
        cluster_id=t.uint16_t(cluster_id),
        data=t.SerializableBytes(data),
    )


def _zcl_frames() -> st.SearchStrategy[bytes]:
    """Raw bytes, and headers that look right (any frame control, manufacturer bit, command) with
    any payload: the shapes that reach deepest into the node."""
    header = st.tuples(
        st.integers(0, 0xFF), st.integers(0, 0xFFFF), st.integers(0, 0xFF), st.integers(0, 0xFF)
    ).map(
        lambda parts: (
            bytes([parts[0]])
            + (struct.pack("<H", parts[1]) if parts[0] & 0x04 else b"")
            + bytes([parts[2], parts[3]])
        )
    )
    return st.one_of(
        st.binary(max_size=48),
        st.tuples(header, st.binary(max_size=40)).map(lambda parts: parts[0] + parts[1]),
    )


def _answers_are_statuses(frames: list[t.ZigbeePacket]) -> None:
    for frame in frames:
        assert frame.dst_ep is not None, "every answer goes to an endpoint"
        if int(frame.dst_ep) == 0:
            continue
        header, payload = f.ZCLHeader.deserialize(frame.data.serialize())
        if (
            header.frame_control.is_general
            and header.command_id == f.GeneralCommand.Default_Response
        ):
            assert default_response_status(payload) in STATUSES


@pytest.mark.parametrize("role", [DeviceType.IHD, DeviceType.CAD])
def test_no_frame_raises_out_of_a_node(
    home: EmulatedHome, role: DeviceType, caplog: pytest.LogCaptureFixture
) -> None:
    home.hub.device_log.entries[DISPLAY_IEEE].device_type = role
    display = Listener()
    home.air.attach(display)
    targets = _targets(home)
    sent = 0

    @settings(
        max_examples=1500,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.sampled_from(targets), _zcl_frames())
    def frame_into_a_node(target: tuple[EmulatedNode, int, int], data: bytes) -> None:
        nonlocal sent
        node, endpoint, cluster_id = target
        display.frames.clear()
        home.air.to_node(_packet(node, endpoint, cluster_id, data), display)
        sent += 1
        _answers_are_statuses(display.frames)

    with caplog.at_level(logging.WARNING):
        frame_into_a_node()
        home.step()  # whatever was configured, the next reports go out
    assert sent >= 1500
    logged = sum(len(record.getMessage()) for record in caplog.records)
    assert logged < 64_000, "a flood of bad frames must cost kilobytes of log"


def _configure(datatype: int, minimum: int, maximum: int, change: bytes, *, tsn: int = 9) -> bytes:
    header = f.ZCLHeader.general(tsn, f.GeneralCommand.Configure_Reporting)
    record = (
        bytes([f.ReportingDirection.SendReports])
        + t.uint16_t(DEMAND.id).serialize()
        + bytes([datatype])
        + struct.pack("<HH", minimum, maximum)
        + change
    )
    return header.serialize() + record


def _statuses(display: Listener) -> list[f.Status]:
    (answer,) = display.frames
    _, payload = f.ZCLHeader.deserialize(answer.data.serialize())
    return record_statuses(f.GeneralCommand.Configure_Reporting_rsp, payload)


@pytest.mark.parametrize(
    ("datatype", "minimum", "maximum", "change", "status"),
    [
        # A float change for an int24 attribute: not the attribute's data type.
        (0x39, 0, 60, struct.pack("<f", math.inf), f.Status.INVALID_DATA_TYPE),
        (0x39, 0, 60, struct.pack("<f", math.nan), f.Status.INVALID_DATA_TYPE),
        (int(DEMAND.zcl_type), 60, 10, t.int24s(1).serialize(), f.Status.INVALID_VALUE),
        (int(DEMAND.zcl_type), 0, 60, t.int24s(-5).serialize(), f.Status.INVALID_VALUE),
        (int(DEMAND.zcl_type), 0, 60, t.int24s(1).serialize(), f.Status.SUCCESS),
    ],
)
def test_configure_reporting_values_are_checked(
    home: EmulatedHome, datatype: int, minimum: int, maximum: int, change: bytes, status: f.Status
) -> None:
    display = Listener()
    home.air.attach(display)
    home.air.to_node(
        _packet(home.esme.node, 1, 0x0702, _configure(datatype, minimum, maximum, change)), display
    )
    assert _statuses(display) == [status]
    for _ in range(3):
        home.step()  # reports still go out


def test_a_float_attribute_refuses_an_infinite_change() -> None:
    from home_emulator.zigbee.zcl_server import ServerCluster

    config = f.AttributeReportingConfig()
    config.direction = f.ReportingDirection.SendReports
    config.attrid = t.uint16_t(DEMAND.id)
    config.datatype = DEMAND.zcl_type
    config.min_interval, config.max_interval = 0, 60
    # The change takes the attribute's own type on the wire; zigpy declares it an int.
    config.reportable_change = math.inf  # type: ignore[assignment]
    metering = ServerCluster(0x0702, {"instantaneous_demand": 5})
    (record,) = metering.configure_reporting([config], "a display")
    assert record.status == f.Status.INVALID_VALUE
    assert not metering.reporting_for("a display")


def test_a_manufacturer_specific_command_on_a_standard_cluster_is_unsupported(
    home: EmulatedHome,
) -> None:
    display = Listener()
    home.air.attach(display)
    data = bytes([0b0000_0100, 0x34, 0x12, 7, 0x00, 0x00, 0x04])  # general, manufacturer 0x1234
    home.air.to_node(_packet(home.esme.node, 1, 0x0702, data), display)
    (answer,) = display.frames
    _, payload = f.ZCLHeader.deserialize(answer.data.serialize())
    assert default_response_status(payload) == f.Status.UNSUP_MANUF_GENERAL_COMMAND


def test_a_truncated_command_is_malformed(home: EmulatedHome) -> None:
    display = Listener()
    home.air.attach(display)
    read = encode_general(
        3, f.GeneralCommand.Read_Attributes, f.Direction.Client_to_Server, attribute_ids=[0x0000]
    )
    home.air.to_node(_packet(home.esme.node, 1, 0x0702, read[:-1]), display)
    (answer,) = display.frames
    _, payload = f.ZCLHeader.deserialize(answer.data.serialize())
    assert default_response_status(payload) == f.Status.MALFORMED_COMMAND


def test_a_malformed_zdo_request_gets_a_status(home: EmulatedHome) -> None:
    display = Listener()
    home.air.attach(display)
    home.air.to_node(_packet(home.esme.node, 0, int(zdo_t.ZDOCmd.Bind_req), b"\x05\x01"), display)
    (answer,) = display.frames
    assert answer.cluster_id == zdo_t.ZDOCmd.Bind_rsp
    assert answer.data.serialize() == bytes([0x05, zdo_t.Status.INV_REQUESTTYPE])


def test_reporting_is_configured_per_display(home: EmulatedHome) -> None:
    """A CAD asking for no demand reports does not silence the IHD's (issue: one CAD took an IHD
    from 10 reports per 10 minutes to none)."""
    from home_emulator.zigbee.node import Binding

    cad_ieee = t.EUI64.convert("00:0d:6f:ff:fe:00:00:0c")
    home.hub.device_log.add(cad_ieee, new_install_code(), DeviceType.CAD)
    ihd, cad = Listener(), Listener(cad_ieee)
    node = home.esme.node
    for display in (ihd, cad):
        home.air.attach(display)
        node.bindings.add(Binding(1, 0x0702, display.ieee, 1))
    change = t.int24s(1).serialize()
    home.air.to_node(_packet(node, 1, 0x0702, _configure(0x2A, 0, 60, change)), ihd)
    assert _statuses(ihd) == [f.Status.SUCCESS]
    stop = _configure(0x2A, 0, 0xFFFF, change)  # the ZCL way to stop reporting
    home.air.to_node(_packet(node, 1, 0x0702, stop), cad)
    assert _statuses(cad) == [f.Status.SUCCESS]
    ihd.frames.clear()
    cad.frames.clear()
    for _ in range(60):
        home.step()
    assert len([frame for frame in ihd.frames if frame.cluster_id == 0x0702]) >= 5
    assert not [frame for frame in cad.frames if frame.cluster_id == 0x0702]
