"""The emulated devices' answers carry the header zigpy itself would write: the same frame
control, transaction number and command, whichever way the frame goes."""

from __future__ import annotations

import pytest
from zigpy.zcl import foundation as f

from han.clusters import GBPrice
from home_emulator.zigbee.zcl_server import encode_cluster_command, encode_general


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
