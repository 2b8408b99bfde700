"""A CAD is strictly read-only: the emulated hub and meters refuse every write and every command
that changes a meter, on the air, with NOT_AUTHORIZED, and the hub logs each refusal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import zigpy.types as t
from zigpy.zcl import Cluster
from zigpy.zcl import foundation as f

import han.clusters  # noqa: F401 - the GB cluster definitions
from home_emulator.devices.device_log import DeviceType
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.credit_engine import PrepaymentStart
from home_emulator.zigbee.access import cad_may_run
from home_emulator.zigbee.node import EmulatedNode
from home_emulator.zigbee.zcl_server import encode_general
from tests.home_emulator.zigbee.general_answers import default_response_status, record_statuses

CAD_IEEE = t.EUI64.convert("00:0d:6f:ff:fe:00:00:01")  # the display in the device log, as a CAD


class Listener:
    ieee = CAD_IEEE

    def __init__(self) -> None:
        self.frames: list[t.ZigbeePacket] = []

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        self.frames.append(packet)

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None: ...

    def node_left(self, nwk: int, ieee: t.EUI64) -> None: ...


@pytest.fixture
def home_with_cad() -> Iterator[tuple[EmulatedHome, Listener]]:
    home = EmulatedHome(
        HomeSpec(
            start_epoch_s=1_780_000_000, history_days=2, electricity_prepayment=PrepaymentStart()
        )
    )
    home.hub.device_log.entries[CAD_IEEE].device_type = DeviceType.CAD
    cad = Listener()
    home.air.attach(cad)
    home.power_on()
    yield home, cad
    home.close()


def _send(
    home: EmulatedHome,
    cad: Listener,
    node: EmulatedNode,
    endpoint: int,
    cluster_id: int,
    data: bytes,
) -> bytes:
    packet = node.packet(endpoint, endpoint, cluster_id, data, 0x0000)
    packet = packet.replace(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(node.nwk)),
    )
    cad.frames.clear()
    home.air.to_node(packet, cad)
    assert len(cad.frames) == 1
    return cad.frames[0].data.serialize()


def _server_commands() -> Iterator[tuple[int, f.ZCLCommandDef]]:
    for cluster_id in (0x0700, 0x0702, 0x0703, 0x0705):
        definition = Cluster._registry[cluster_id]
        for command in definition.server_commands.values():
            yield cluster_id, command


@pytest.mark.parametrize(
    ("cluster_id", "command"),
    list(_server_commands()),
    ids=lambda v: getattr(v, "name", hex(v) if isinstance(v, int) else str(v)),
)
def test_every_se_command_that_changes_a_meter_is_refused_to_a_cad(
    home_with_cad: tuple[EmulatedHome, Listener], cluster_id: int, command: f.ZCLCommandDef
) -> None:
    home, cad = home_with_cad
    header = f.ZCLHeader.cluster(0x21, command.id)
    allowed = cad_may_run(cluster_id, header)
    node, endpoint = (home.hub.node, 1) if cluster_id == 0x0703 else (home.esme.node, 1)
    # The body need not be valid: a refusal is decided on the command alone.
    reply = _send(home, cad, node, endpoint, cluster_id, header.serialize() + b"\x00" * 12)
    answer, payload = f.ZCLHeader.deserialize(reply)
    refused = (
        answer.command_id == f.GeneralCommand.Default_Response
        and default_response_status(payload) == f.Status.NOT_AUTHORIZED
    )
    assert refused != allowed, f"{command.name} on 0x{cluster_id:04X}"
    if not allowed:
        assert any(event.kind == "refused" for event in home.hub.events)


@pytest.mark.parametrize("cluster_id", [0x0702, 0x0705, 0x0700])
def test_a_cad_may_not_write_attributes(
    home_with_cad: tuple[EmulatedHome, Listener], cluster_id: int
) -> None:
    home, cad = home_with_cad
    data = encode_general(
        0x22,
        f.GeneralCommand.Write_Attributes,
        f.Direction.Client_to_Server,
        attributes=[
            f.Attribute(attrid=0x0000, value=f.TypeValue(type=t.uint8_t(0x20), value=t.uint8_t(1)))
        ],
    )
    reply = _send(home, cad, home.esme.node, 1, cluster_id, data)
    _, payload = f.ZCLHeader.deserialize(reply)
    assert default_response_status(payload) == f.Status.NOT_AUTHORIZED


def test_a_cad_reads_consumption_and_costs_but_not_credit(
    home_with_cad: tuple[EmulatedHome, Listener],
) -> None:
    home, cad = home_with_cad
    attribute = Cluster._registry[0x0705].attributes_by_name
    ids = [attribute["credit_remaining"].id, attribute["current_day_cost_consumption_delivered"].id]
    data = encode_general(
        0x23, f.GeneralCommand.Read_Attributes, f.Direction.Client_to_Server, attribute_ids=ids
    )
    reply = _send(home, cad, home.esme.node, 1, 0x0705, data)
    _, payload = f.ZCLHeader.deserialize(reply)
    assert record_statuses(f.GeneralCommand.Read_Attributes_rsp, payload) == [
        f.Status.NOT_AUTHORIZED,
        f.Status.SUCCESS,
    ]
    metering = encode_general(
        0x24,
        f.GeneralCommand.Read_Attributes,
        f.Direction.Client_to_Server,
        attribute_ids=[0x0000, 0x0400],
    )
    reply = _send(home, cad, home.esme.node, 1, 0x0702, metering)
    _, payload = f.ZCLHeader.deserialize(reply)
    records = record_statuses(f.GeneralCommand.Read_Attributes_rsp, payload)
    assert all(status == f.Status.SUCCESS for status in records)
