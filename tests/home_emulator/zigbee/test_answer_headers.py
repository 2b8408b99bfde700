"""The emulated devices read a request's ZCL header as zigpy reads it, and write their answers'
as zigpy writes them: the same frame control, transaction number and command, whichever way the
frame goes."""

from __future__ import annotations

import pytest
from zigpy.zcl import foundation as f

from han.clusters import GBPrice
from home_emulator.zigbee.zcl_server import (
    MalformedFrame,
    encode_cluster_command,
    encode_general,
    parse_header,
)


@pytest.mark.parametrize("direction", list(f.Direction))
@pytest.mark.parametrize("tsn", [0, 0x5A, 0xFF])
def test_a_general_answer_is_framed_as_zigpy_frames_it(direction: f.Direction, tsn: int) -> None:
    fields = {"command_id": 0x00, "status": f.Status.NOT_AUTHORIZED}
    command = f.GeneralCommand.Default_Response
    expected = (
        f.ZCLHeader.general(tsn, command, direction=direction).serialize()
        + f.GENERAL_COMMANDS[command].schema(**fields).serialize()
    )
    assert encode_general(tsn, command, direction, **fields) == expected


@pytest.mark.parametrize("direction", list(f.Direction))
def test_a_cluster_command_is_framed_as_zigpy_frames_it(direction: f.Direction) -> None:
    command = GBPrice.commands_by_name["get_current_price"]
    fields = {"command_options": 0}
    expected = (
        f.ZCLHeader.cluster(0x21, command.id, direction=direction).serialize()
        + command.schema(**fields).serialize()
    )
    assert encode_cluster_command(GBPrice, 0x21, "get_current_price", direction, **fields) == (
        expected
    )


def test_a_transaction_number_must_fit_its_byte() -> None:
    with pytest.raises(ValueError, match="range"):
        encode_general(
            0x100,
            f.GeneralCommand.Default_Response,
            f.Direction.Server_to_Client,
            command_id=0,
            status=f.Status.SUCCESS,
        )


def _as_zigpy_reads(data: bytes) -> tuple[object, ...] | type[Exception]:
    try:
        header, rest = f.ZCLHeader.deserialize(data)
    except ValueError:
        return ValueError
    control = header.frame_control
    return (
        bool(control.is_general),
        bool(control.is_manufacturer_specific),
        bool(control.disable_default_response),
        int(header.tsn),
        int(header.command_id),
        rest,
    )


def _as_the_server_reads(data: bytes) -> tuple[object, ...] | type[Exception]:
    try:
        header, rest = parse_header(data)
    except MalformedFrame:
        return ValueError
    control = header.frame_control
    return (
        control.is_general,
        control.is_manufacturer_specific,
        control.disable_default_response,
        header.tsn,
        header.command_id,
        rest,
    )


@pytest.mark.parametrize("control", range(256))
def test_a_request_header_is_read_as_zigpy_reads_it(control: int) -> None:
    for data in (
        bytes([control]),
        bytes([control, 0x21]),
        bytes([control, 0x21, 0x00]),
        bytes([control, 0x21, 0x0B, 0x05]),
        bytes([control, 0x34, 0x12, 0x21, 0x50]),
        bytes([control, 0x34, 0x12, 0x21, 0x00, 0x00, 0x04]),
    ):
        assert _as_the_server_reads(data) == _as_zigpy_reads(data), data.hex(" ")
