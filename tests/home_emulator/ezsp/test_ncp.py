"""The emulated EmberZNet NCP's behaviour, command by command: version, formation, resumption after
a reset, leaving, frames to nodes and to itself, and when the home's nodes are announced."""

from __future__ import annotations

import random
import struct
from typing import Any

import pytest
import zigpy.types as t

from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.ezsp import commands, frames, status
from home_emulator.ezsp.ash import Data, FrameReader
from home_emulator.ezsp.commands import Command
from home_emulator.ezsp.link import AshLink
from home_emulator.ezsp.ncp import EZSP_IEEE, PROTOCOL_VERSION, EmulatedEzsp
from home_emulator.home import ESME_IEEE, EmulatedHome, HomeSpec
from tests.home_emulator.ezsp.test_commands import samples

SPEC = HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False)
PARAMETERS = {
    "extendedPanId": t.EUI64.convert("11:22:33:44:55:66:77:88"),
    "panId": 0x1A62,
    "radioTxPower": 8,
    "radioChannel": 20,
    "joinMethod": 0,
    "nwkManagerId": 0,
    "nwkUpdateId": 0,
    "channels": 1 << 20,
}


class Host:
    """Sends EZSP commands in the extended header and reads what comes back."""

    def __init__(self, ncp: EmulatedEzsp) -> None:
        self.ncp = ncp
        self.sequence = 0
        self.out: list[tuple[str, dict[str, Any]]] = []
        """Callbacks, in the order they came."""
        self.responses: list[tuple[str, dict[str, Any]]] = []
        ncp.connect(self._received)

    def _received(self, payload: bytes, droppable: bool) -> None:
        frame_id = struct.unpack_from("<H", payload, 3)[0]
        command = commands.BY_ID[frame_id]
        received = (command.name, command.response.decode(payload[5:]))
        is_callback = bool(payload[1] & frames.ASYNCHRONOUS_CALLBACK)
        assert droppable == is_callback
        (self.out if is_callback else self.responses).append(received)

    def ask(self, command: Command, **values: Any) -> dict[str, Any]:
        """Send ``command``; its response's values (callbacks stay in ``out``)."""
        self.sequence += 1
        header = struct.pack("<BBBH", self.sequence, 0x00, 0x01, command.id)
        self.ncp.handle(header + command.request.encode(values))
        name, response = self.responses.pop()
        assert name == command.name
        return response

    def callbacks(self) -> list[tuple[str, dict[str, Any]]]:
        taken, self.out = self.out, []
        return taken


@pytest.fixture
def home() -> Any:
    served = EmulatedHome(SPEC)
    served.hub.device_log.add(EZSP_IEEE, new_install_code(), DeviceType.IHD)
    served.power_on()
    yield served
    served.close()


def test_version_is_answered_with_protocol_8_in_the_header_it_was_asked_in(home: Any) -> None:
    ncp = EmulatedEzsp(home.air)
    answers: list[bytes] = []
    ncp.connect(lambda payload, droppable: answers.append(payload))
    ncp.handle(bytes((7, 0x00, 0x00, 4)))  # legacy header, protocol 4 asked for
    assert answers == [bytes((7, 0x80, 0x00, PROTOCOL_VERSION, 2)) + struct.pack("<H", 0x6A30)]


def test_an_unknown_frame_id_is_an_invalid_command(home: Any) -> None:
    host = Host(EmulatedEzsp(home.air))
    host.ncp.handle(struct.pack("<BBBH", 1, 0, 1, 0x0FFF))
    assert host.responses == [("invalidCommand", {"status": status.EZSP_ERROR_INVALID_FRAME_ID})]


def test_a_formed_network_comes_up_again_after_a_reset_and_is_forgotten_on_leaving(
    home: Any,
) -> None:
    ncp = EmulatedEzsp(home.air)
    host = Host(ncp)
    assert host.ask(commands.NETWORK_INIT, networkInitBitmask=0) == {"status": status.NOT_JOINED}
    assert host.ask(commands.FORM_NETWORK, parameters=PARAMETERS) == {"status": status.SUCCESS}
    assert host.callbacks() == [("stackStatusHandler", {"status": status.NETWORK_UP})]
    assert (home.air.pan_id, home.air.channel) == (0x1A62, 20)
    assert host.ask(commands.GET_NODE_ID) == {"nodeId": 0x0000}

    ncp.reset()  # the host's RST
    assert host.ask(commands.NETWORK_STATE) == {"status": 0}
    assert host.ask(commands.NETWORK_INIT, networkInitBitmask=0) == {"status": status.SUCCESS}
    assert host.callbacks() == [("stackStatusHandler", {"status": status.NETWORK_UP})]
    parameters = host.ask(commands.GET_NETWORK_PARAMETERS)
    assert parameters["nodeType"] == 1  # coordinator
    assert parameters["parameters"] == PARAMETERS

    assert host.ask(commands.LEAVE_NETWORK) == {"status": status.SUCCESS}
    assert host.callbacks() == [("stackStatusHandler", {"status": status.NETWORK_DOWN})]
    assert host.ask(commands.NETWORK_INIT, networkInitBitmask=0) == {"status": status.NOT_JOINED}


def test_the_keys_are_those_the_host_gave_before_forming(home: Any) -> None:
    host = Host(EmulatedEzsp(home.air))
    key = bytes(range(16))
    state = {
        "bitmask": 0x0200 | 0x0100 | 0x0004,
        "preconfiguredKey": b"ZigBeeAlliance09",
        "networkKey": key,
        "networkKeySequenceNumber": 3,
        "preconfiguredTrustCenterEui64": t.EUI64(bytes(8)),
    }
    assert host.ask(commands.SET_INITIAL_SECURITY_STATE, state=state) == {"status": 0}
    host.ask(commands.FORM_NETWORK, parameters=PARAMETERS)
    network_key = host.ask(commands.GET_KEY, keyType=3)["keyStruct"]
    assert (network_key["key"], network_key["sequenceNumber"]) == (key, 3)
    trust_centre = host.ask(commands.GET_KEY, keyType=1)["keyStruct"]
    assert trust_centre["key"] == b"ZigBeeAlliance09"
    security = host.ask(commands.GET_CURRENT_SECURITY_STATE)
    assert security["state"]["trustCenterLongAddress"] == EZSP_IEEE


def test_the_meters_are_announced_once_the_host_operates_the_network(home: Any) -> None:
    host = Host(EmulatedEzsp(home.air))
    host.ask(commands.FORM_NETWORK, parameters=PARAMETERS)
    assert [name for name, _ in host.callbacks()] == ["stackStatusHandler"]
    host.ask(commands.GET_EUI64)  # still reading the stick's settings: nothing yet
    assert host.callbacks() == []
    host.ask(commands.READ_COUNTERS)
    announced = host.callbacks()
    joins = [values for name, values in announced if name == "trustCenterJoinHandler"]
    assert t.EUI64.convert(ESME_IEEE) in [values["newNodeEui64"] for values in joins]
    announcements = [
        values
        for name, values in announced
        if name == "incomingMessageHandler" and values["apsFrame"]["clusterId"] == 0x0013
    ]
    assert len(announcements) == len(joins)


def test_a_frame_to_a_node_is_confirmed_before_its_answer_and_nobody_fails_delivery(
    home: Any,
) -> None:
    host = Host(EmulatedEzsp(home.air))
    host.ask(commands.FORM_NETWORK, parameters=PARAMETERS)
    host.ask(commands.NOP)
    host.callbacks()
    esme = next(node for node in home.air.nodes.values() if node.ieee == t.EUI64.convert(ESME_IEEE))
    aps = {
        "profileId": 0x0109,
        "clusterId": 0x0702,
        "sourceEndpoint": 1,
        "destinationEndpoint": 1,
        "options": 0x0040,
        "groupId": 0,
        "sequence": 0,
    }
    read_demand = bytes((0x00, 0x21, 0x00, 0x00, 0x04))  # ZCL read of 0x0400
    sent = host.ask(
        commands.SEND_UNICAST,
        type=0,
        indexOrDestination=esme.nwk,
        apsFrame=aps,
        messageTag=9,
        messageContents=read_demand,
    )
    assert sent["status"] == status.SUCCESS
    (confirmed, confirmation), (answered, answer) = host.callbacks()
    assert (confirmed, confirmation["messageTag"], confirmation["status"]) == (
        "messageSentHandler",
        9,
        status.SUCCESS,
    )
    assert answered == "incomingMessageHandler"
    assert answer["sender"] == esme.nwk
    assert answer["messageContents"][1] == 0x21  # the ZCL sequence number, echoed

    host.ask(
        commands.SEND_UNICAST,
        type=0,
        indexOrDestination=0x7777,
        apsFrame=aps,
        messageTag=10,
        messageContents=read_demand,
    )
    ((name, failed),) = host.callbacks()
    assert (name, failed["status"]) == ("messageSentHandler", status.DELIVERY_FAILED)


@pytest.mark.logs_warning(r"malformed", r"discarded")
async def test_garbage_on_the_line_costs_nothing_but_refusals(home: Any) -> None:
    """Random bytes on the line, and every command cut short: refused, and nothing fails."""
    ncp = EmulatedEzsp(home.air)
    written: list[bytes] = []
    link = AshLink(written.append, ncp.handle, ncp.reset)
    ncp.connect(lambda payload, droppable: link.send(payload, droppable=droppable))
    rng = random.Random(16)
    reader = FrameReader()
    for _ in range(300):
        for frame in reader.feed(rng.randbytes(rng.randint(1, 60))):
            link.receive(frame)
    for number in range(16):
        link.receive(Data(number % 8, False, 0, rng.randbytes(rng.randint(1, 40))))
    link.close()
    assert written, "the NCP answered what it could"

    host = Host(EmulatedEzsp(home.air))
    for command in commands.ALL:
        whole = command.request.encode(samples(command.request))
        for cut in range(len(whole)):
            host.ncp.handle(struct.pack("<BBBH", 1, 0, 1, command.id) + whole[:cut])
            assert host.responses.pop() == (
                "invalidCommand",
                {"status": status.EZSP_ERROR_TRUNCATED},
            )


def test_a_payload_longer_than_one_frame_reaches_the_host_as_its_aps_fragments(
    home: Any,
) -> None:
    host = Host(EmulatedEzsp(home.air))
    host.ask(commands.FORM_NETWORK, parameters=PARAMETERS)
    host.ask(commands.NOP)
    host.callbacks()
    payload = bytes(range(200))
    packet = t.ZigbeePacket(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x1001)),
        src_ep=t.uint8_t(1),
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
        dst_ep=t.uint8_t(1),
        tsn=t.uint8_t(0x21),
        profile_id=t.uint16_t(0x0109),
        cluster_id=t.uint16_t(0x0703),
        data=t.SerializableBytes(payload),
    )
    host.ncp.frame_from_air(packet)
    blocks = [values for name, values in host.callbacks() if name == "incomingMessageHandler"]
    assert [block["apsFrame"]["groupId"] for block in blocks] == [0x0300, 0x0301, 0x0302]
    assert all(block["apsFrame"]["options"] & 0x8000 for block in blocks)
    assert b"".join(block["messageContents"] for block in blocks) == payload
    assert host.ask(
        commands.SEND_REPLY, sender=0x1001, apsFrame=blocks[0]["apsFrame"], messageContents=b""
    ) == {"status": status.SUCCESS}
    assert (host.ncp.fragments_sent, host.ncp.fragments_acknowledged) == (3, 1)
