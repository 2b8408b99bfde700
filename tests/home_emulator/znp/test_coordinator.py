"""The emulated network processor on its own: what it answers, what it remembers, what it forgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import zigpy.types as t

from home_emulator.air.medium import Air
from home_emulator.znp import commands as mt
from home_emulator.znp import status
from home_emulator.znp.commands import Command
from home_emulator.znp.coordinator import EmulatedZnp
from home_emulator.znp.frames import CommandType, Frame, Subsystem
from home_emulator.znp.nvram import OsalId, StartupOption

IEEE = t.EUI64.convert("00:12:4b:00:ff:fe:00:01")
NWK_FORMATION = 0x04


class Host:
    """The host side of the port: sends requests, keeps everything the stick said."""

    def __init__(self, coordinator: EmulatedZnp) -> None:
        self.coordinator = coordinator
        self.heard: list[Frame] = []
        coordinator.connect(self.heard.append)

    def ask(self, command: Command, **fields: object) -> list[Frame]:
        self.heard.clear()
        self.coordinator.handle(command.frame(**fields))
        return list(self.heard)

    def answer(self, command: Command, response: Command, **fields: object) -> dict[str, object]:
        frames = self.ask(command, **fields)
        assert frames, f"no answer to {command.name}"
        assert frames[0].key == response.key, frames
        return response.decode(frames[0].data)


@pytest.fixture
def host() -> Iterator[Host]:
    air = Air()
    try:
        yield Host(EmulatedZnp(air, ieee=IEEE))
    finally:
        air.close()


def test_it_answers_a_ping_with_its_capabilities(host: Host) -> None:
    capabilities = host.answer(mt.PING, mt.PING_RSP)["Capabilities"]
    assert isinstance(capabilities, int)
    assert capabilities & 0x0400, "APP_CNF: a Z-Stack 3 build"


def test_an_unknown_request_gets_an_rpc_error_naming_it(host: Host) -> None:
    host.coordinator.handle(Frame(CommandType.SREQ, Subsystem.MAC, 0x77))
    error = mt.COMMAND_NOT_RECOGNIZED.decode(host.heard[-1].data)
    assert error == {"ErrorCode": mt.INVALID_COMMAND_ID, "RequestHeader": bytes((0x22, 0x77))}


@pytest.mark.logs_warning(r"^malformed SYS OSAL NV write: frame too short")
def test_a_malformed_request_gets_an_rpc_error_and_changes_nothing(host: Host) -> None:
    writes = host.coordinator.nvram.writes
    host.coordinator.handle(Frame(CommandType.SREQ, Subsystem.SYS, 0x09, b"\x01"))  # NV write
    error = mt.COMMAND_NOT_RECOGNIZED.decode(host.heard[-1].data)
    assert error["ErrorCode"] == mt.INVALID_PARAMETER
    assert host.coordinator.nvram.writes == writes


def test_nv_items_are_created_written_read_and_deleted_as_on_the_chip(host: Host) -> None:
    item = 0x0F00
    created = host.answer(
        mt.OSAL_NV_ITEM_INIT, mt.OSAL_NV_ITEM_INIT_RSP, Id=item, ItemLen=4, Value=b"\x01"
    )
    assert created["Status"] == status.NV_ITEM_UNINIT  # "just created"
    again = host.answer(
        mt.OSAL_NV_ITEM_INIT, mt.OSAL_NV_ITEM_INIT_RSP, Id=item, ItemLen=4, Value=b""
    )
    assert again["Status"] == status.SUCCESS
    wrote = host.answer(
        mt.OSAL_NV_WRITE_EXT, mt.OSAL_NV_WRITE_EXT_RSP, Id=item, Offset=1, Value=b"\xaa\xbb"
    )
    assert wrote["Status"] == status.SUCCESS
    overrun = host.answer(
        mt.OSAL_NV_WRITE_EXT, mt.OSAL_NV_WRITE_EXT_RSP, Id=item, Offset=3, Value=b"\x01\x02"
    )
    assert overrun["Status"] == status.NV_OPER_FAILED
    read = host.answer(mt.OSAL_NV_READ_EXT, mt.OSAL_NV_READ_EXT_RSP, Id=item, Offset=0)
    assert read == {"Status": status.SUCCESS, "Value": b"\x01\xaa\xbb\x00"}
    # The same item through the extended commands: Z-Stack's "legacy" item 0.
    length = host.answer(mt.NV_LENGTH, mt.NV_LENGTH_RSP, SysId=1, ItemId=0, SubId=item)
    assert length["Length"] == 4
    wrong = host.answer(mt.OSAL_NV_DELETE, mt.OSAL_NV_DELETE_RSP, Id=item, ItemLen=3)
    assert wrong["Status"] == status.NV_BAD_ITEM_LEN
    deleted = host.answer(mt.OSAL_NV_DELETE, mt.OSAL_NV_DELETE_RSP, Id=item, ItemLen=4)
    assert deleted["Status"] == status.SUCCESS
    assert host.answer(mt.OSAL_NV_LENGTH, mt.OSAL_NV_LENGTH_RSP, Id=item)["ItemLen"] == 0
    missing = host.answer(mt.OSAL_NV_WRITE, mt.OSAL_NV_WRITE_RSP, Id=item, Offset=0, Value=b"\x01")
    assert missing["Status"] == status.NV_ITEM_UNINIT


def _form(host: Host) -> list[Frame]:
    return host.ask(mt.BDB_START_COMMISSIONING, Mode=NWK_FORMATION)


def _notifications(frames: list[Frame]) -> list[dict[str, object]]:
    key = mt.BDB_COMMISSIONING_NOTIFICATION.key
    return [mt.BDB_COMMISSIONING_NOTIFICATION.decode(f.data) for f in frames if f.key == key]


def test_formation_is_reported_then_the_network_resumes_after_a_reset(host: Host) -> None:
    frames = _form(host)
    assert frames[0].key == mt.BDB_START_COMMISSIONING_RSP.key
    assert _notifications(frames)[-1] == {"Status": 0, "Mode": NWK_FORMATION, "RemainingModes": 0}
    states = [
        mt.STATE_CHANGE_IND.decode(f.data)["State"]
        for f in frames
        if f.key == mt.STATE_CHANGE_IND.key
    ]
    assert states == [8, 9]  # starting, then started as coordinator
    network = host.coordinator.running
    assert network is not None
    assert network.formed
    assert host.coordinator.air.coordinators == [host.coordinator]

    reset = host.ask(mt.RESET_REQ, Type=1)
    assert [f.key for f in reset] == [mt.RESET_IND.key]
    stopped = host.coordinator.running  # a name: asserting the attribute would fix it for mypy
    assert stopped is None
    assert host.coordinator.air.coordinators == []

    # Resuming is what Z-Stack calls a formation failure; the network is the same one.
    assert _notifications(_form(host))[-1]["Status"] == 8
    assert host.coordinator.running == network
    assert host.coordinator.formations == 1


def test_a_reset_with_clear_state_forgets_the_network(host: Host) -> None:
    _form(host)
    first = host.coordinator.running
    host.coordinator.nvram.write(
        (1, 0, OsalId.STARTUP_OPTION), 0, bytes((StartupOption.CLEAR_STATE,))
    )
    host.ask(mt.RESET_REQ, Type=1)
    assert host.coordinator.nvram.item(OsalId.NIB) is None
    assert host.coordinator.nvram.item(OsalId.STARTUP_OPTION) == b"\x00"
    assert _notifications(_form(host))[-1]["Status"] == 0
    assert host.coordinator.formations == 2
    assert host.coordinator.running != first


def test_a_frame_for_nobody_is_not_acknowledged(host: Host) -> None:
    _form(host)
    frames = host.ask(
        mt.AF_DATA_REQUEST_EXT,
        Dst=(2, 0x4242),
        DstEndpoint=1,
        DstPanId=0,
        SrcEndpoint=1,
        ClusterId=0x0702,
        TSN=9,
        Options=0,
        Radius=30,
        Data=b"\x00\x09\x00\x00\x04",
    )
    assert mt.AF_DATA_REQUEST_EXT_RSP.decode(frames[0].data) == {"Status": status.SUCCESS}
    confirm = mt.AF_DATA_CONFIRM.decode(frames[1].data)
    assert confirm == {"Status": status.MAC_NO_ACK, "Endpoint": 1, "TSN": 9}


def test_the_air_takes_the_pan_of_the_network_the_coordinator_formed(host: Host) -> None:
    """A capture of the HAN stamps the PAN its coordinator formed, not the virtual radio's."""
    _form(host)
    network = host.coordinator.running
    assert network is not None
    assert host.coordinator.air.pan_id == network.pan_id


def _listening(host: Host) -> None:
    """A host that formed its network, registered endpoint 1 and listens to ZDO."""
    _form(host)
    host.ask(
        mt.AF_REGISTER,
        Endpoint=1,
        ProfileId=0x0109,
        DeviceId=0x0500,
        DeviceVersion=0,
        LatencyReq=0,
        InputClusters=[],
        OutputClusters=[0x0703],
    )
    host.ask(mt.MSG_CALLBACK_REGISTER, ClusterId=0xFFFF)


def _from_the_hub(host: Host, payload: bytes) -> list[Frame]:
    host.heard.clear()
    host.coordinator.frame_from_air(
        t.ZigbeePacket(
            src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0001)),
            src_ep=t.uint8_t(1),
            dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
            dst_ep=t.uint8_t(1),
            tsn=t.uint8_t(7),
            profile_id=t.uint16_t(0x0109),
            cluster_id=t.uint16_t(0x0703),
            data=t.SerializableBytes(payload),
            lqi=t.uint8_t(200),
        )
    )
    return list(host.heard)


def test_a_payload_that_fits_comes_whole_in_an_af_incoming_message(host: Host) -> None:
    _listening(host)
    payload = bytes(range(220))  # 20 bytes of description + 220 = 240: the ext form's room kept
    (frame,) = _from_the_hub(host, payload)
    assert frame.key == mt.AF_INCOMING_MSG.key
    assert mt.AF_INCOMING_MSG.decode(frame.data)["Data"] == payload
    assert not len(host.coordinator.held)


def test_a_longer_payload_is_held_announced_without_data_and_fetched_in_chunks(host: Host) -> None:
    _listening(host)
    payload = bytes(index % 251 for index in range(270))  # a 254-character DisplayMessage
    (frame,) = _from_the_hub(host, payload)
    assert frame.key == mt.AF_INCOMING_MSG_EXT.key
    # As Z-Stack writes it: the 30 bytes of the ext form, the length kept, the data left out.
    assert len(frame.data) == 30
    length_at = len(frame.data) - 5
    assert int.from_bytes(frame.data[length_at : length_at + 2], "little") == len(payload)
    stamp = int.from_bytes(frame.data[20:24], "little")
    assert frame.data[4] == 2  # a 16-bit source address
    assert int.from_bytes(frame.data[5:7], "little") == 0x0001
    assert len(host.coordinator.held) == 1

    fetched = b""
    while len(fetched) < len(payload):
        answer = host.answer(
            mt.AF_DATA_RETRIEVE,
            mt.AF_DATA_RETRIEVE_RSP,
            TimeStamp=stamp,
            Index=len(fetched),
            Length=min(248, len(payload) - len(fetched)),
        )
        assert answer["Status"] == status.SUCCESS
        assert isinstance(answer["Data"], bytes)
        fetched += answer["Data"]
    assert fetched == payload

    freed = host.answer(
        mt.AF_DATA_RETRIEVE, mt.AF_DATA_RETRIEVE_RSP, TimeStamp=stamp, Index=0, Length=0
    )
    assert freed == {"Status": status.SUCCESS, "Data": b""}
    assert not len(host.coordinator.held)
    gone = host.answer(
        mt.AF_DATA_RETRIEVE, mt.AF_DATA_RETRIEVE_RSP, TimeStamp=stamp, Index=0, Length=10
    )
    assert gone == {"Status": status.FAILURE, "Data": b""}


def test_a_reset_forgets_the_messages_held(host: Host) -> None:
    _listening(host)
    _from_the_hub(host, bytes(300))
    assert len(host.coordinator.held) == 1
    host.ask(mt.RESET_REQ, Type=1)
    assert not len(host.coordinator.held)
