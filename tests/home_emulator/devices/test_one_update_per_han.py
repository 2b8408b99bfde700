"""The hub's OTA server, frame by frame: on a SMETS1 HAN enrolled in the DCC a second firmware update
stops the first (S1SR 18.63–18.65) – the first device's next Image Block is answered ABORT (0x95),
the status ZigBee OTA uses for an upgrade the server cancels – while on a SMETS2 HAN both run."""

from __future__ import annotations

from typing import Any

import zigpy.types as t
from zigpy.zcl import foundation as f
from zigpy.zcl.clusters.general import Ota

from han.domain.firmware_status import FIRST_VERSION
from han.formats.firmware import FirmwareImage
from home_emulator.home import EmulatedHome
from home_emulator.scenario.home_builder import build_home
from home_emulator.scenario.model import load_named
from home_emulator.zigbee.zcl_server import encode_cluster_command, handle_frame

FIRST = t.EUI64.convert("00:0d:6f:ff:fe:00:00:11")
SECOND = t.EUI64.convert("00:0d:6f:ff:fe:00:00:12")
IMAGE = FirmwareImage.build(bytes(range(200)) * 5, file_version=0x01010000)


def _ask(home: EmulatedHome, client: t.EUI64, command: str, **fields: Any) -> Any:
    """Send the hub's OTA server one command from ``client`` and decode the one command it answers."""
    ota = home.hub.ota
    home.hub.node.requester = client  # as the air sets it for each frame
    request = encode_cluster_command(
        ota.cluster.definition, 1, command, f.Direction.Client_to_Server, **fields
    )
    (answer,) = handle_frame(ota.cluster, request, display=str(client))
    header, payload = f.ZCLHeader.deserialize(answer)
    if header.frame_control.is_general:
        general = f.GeneralCommand(header.command_id)
        return f.GENERAL_COMMANDS[general].schema.deserialize(payload)[0]
    return Ota.client_commands[header.command_id].schema.deserialize(payload)[0]


def _start(home: EmulatedHome, client: t.EUI64) -> None:
    home.hub.ota.offer(client, IMAGE)
    answer = _ask(
        home,
        client,
        "query_next_image",
        field_control=0,
        manufacturer_code=IMAGE.manufacturer_code,
        image_type=IMAGE.image_type,
        current_file_version=FIRST_VERSION,
    )
    assert answer.status == f.Status.SUCCESS


def _block(home: EmulatedHome, client: t.EUI64, offset: int) -> Any:
    return _ask(
        home,
        client,
        "image_block",
        field_control=0,
        manufacturer_code=IMAGE.manufacturer_code,
        image_type=IMAGE.image_type,
        file_version=IMAGE.file_version,
        file_offset=offset,
        maximum_data_size=64,
    )


def _end(home: EmulatedHome, client: t.EUI64) -> Any:
    return _ask(
        home,
        client,
        "upgrade_end",
        status=f.Status.SUCCESS,
        manufacturer_code=IMAGE.manufacturer_code,
        image_type=IMAGE.image_type,
        file_version=IMAGE.file_version,
    )


def _fetch_all(home: EmulatedHome, client: t.EUI64, offset: int) -> bytes:
    data = b""
    while offset + len(data) < len(IMAGE.data):
        block = _block(home, client, offset + len(data))
        assert block.status == f.Status.SUCCESS
        data += bytes(block.image_data)
    return data


def test_on_a_smets1_han_a_second_update_stops_the_first_with_abort() -> None:
    home = build_home(load_named("smets1-foc"), history_days=2)
    assert home.hub.ota.one_update_per_han
    _start(home, FIRST)
    first_block = _block(home, FIRST, 0)
    assert first_block.status == f.Status.SUCCESS

    _start(home, SECOND)  # a second device on the same HAN starts its update

    stopped = _block(home, FIRST, 64)
    assert stopped.status == f.Status.ABORT
    assert stopped.serialize() == bytes([0x95])  # the whole Image Block Response: ABORT alone
    assert _end(home, FIRST).status == f.Status.ABORT  # nor may it finish what it has
    assert [x.client for x in home.hub.ota.active] == [SECOND]
    stops = [event for event in home.hub.events if event.kind == "firmware update stopped"]
    assert len(stops) == 1
    assert str(FIRST) in stops[0].detail

    # The second proceeds to the end and is installed.
    assert _fetch_all(home, SECOND, 0) == IMAGE.data
    ended = _end(home, SECOND)
    assert ended.file_version == IMAGE.file_version
    assert any(event.kind == "firmware updated" for event in home.hub.events)


def test_on_a_smets2_han_two_updates_run_side_by_side() -> None:
    home = build_home(load_named("dual-fuel-prepay"), history_days=2)
    assert not home.hub.ota.one_update_per_han
    _start(home, FIRST)
    first = bytes(_block(home, FIRST, 0).image_data)
    _start(home, SECOND)
    second = bytes(_block(home, SECOND, 0).image_data)
    first += _fetch_all(home, FIRST, len(first))
    second += _fetch_all(home, SECOND, len(second))
    assert first == second == IMAGE.data
    assert _end(home, FIRST).file_version == IMAGE.file_version
    assert _end(home, SECOND).file_version == IMAGE.file_version
    kinds = [event.kind for event in home.hub.events]
    assert "firmware update stopped" not in kinds
    assert kinds.count("firmware updated") == 2
