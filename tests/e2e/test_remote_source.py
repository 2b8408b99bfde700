"""``--source tcp://HOST:PORT``: the app as one of several displays on a served home."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from decimal import Decimal

import pytest
import zigpy.types as t

from app.cli import parse
from app.connection.sources import RemoteHomeSource, open_source
from han.model import HomeModel
from han.session import HanSession
from home_emulator.air.server import AirServer
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec

SECOND_DISPLAY = "00:0d:6f:ff:fe:00:00:02"


def test_a_served_home_and_a_display_identity_are_parsed() -> None:
    options = parse(["--source", "tcp://127.0.0.1:8640", "--display-ieee", SECOND_DISPLAY.upper()])
    assert options.source == "tcp://127.0.0.1:8640"
    assert options.display_ieee == SECOND_DISPLAY
    assert parse([]).display_ieee is None


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--source", "tcp://127.0.0.1"], "expected tcp://HOST:PORT"),
        (["--source", "tcp://127.0.0.1:99999"], "bad port"),
        (["--source", "zigbee"], "choose from emulator, tcp://HOST:PORT"),
        (["--display-ieee", "00:0d"], "expected an EUI-64"),
        (["--display-ieee", "zz:0d:6f:ff:fe:00:00:02"], "expected an EUI-64"),
    ],
)
def test_bad_values_are_one_line_errors(args: list[str], complaint: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert complaint in lines[0]


async def test_the_remote_source_shows_the_served_homes_meter() -> None:
    home = EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False))
    # As an installer pairing a second IHD would (serve --admit).
    home.hub.device_log.add(t.EUI64.convert(SECOND_DISPLAY), new_install_code(), DeviceType.IHD)
    server = AirServer(home.air)
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    source = open_source(f"tcp://{host}:{port}", speed=1, seed=1, display_ieee=SECOND_DISPLAY)
    assert isinstance(source, RemoteHomeSource)
    model = HomeModel()
    session: HanSession | None = None
    try:
        radio = await source.open()
        session = HanSession(radio, model)
        session.start()
        source.start()
        async with asyncio.timeout(10):
            while (meter := model.electricity_import_meter()) is None or meter.demand_kw is None:  # noqa: ASYNC110
                await asyncio.sleep(0.005)
        assert meter.demand_kw.value == Decimal(home.esme.demand_w) / 1000
        assert [str(display.ieee) for display in home.air.coordinators] == [SECOND_DISPLAY]
    finally:
        if session is not None:
            await session.stop()
        await source.close()
        await server.close()
        home.close()


def test_a_display_install_code_is_parsed_from_the_command_line() -> None:
    from han.formats.install_codes import printed_install_code

    code = printed_install_code(SECOND_DISPLAY)
    options = parse(["--source", "tcp://127.0.0.1:8640", "--install-code", code.hex().upper()])
    assert options.install_code == code
    assert parse([]).install_code is None


async def test_a_display_the_hub_refuses_is_told_in_plain_words() -> None:
    from app.connection.sources import NOT_ALLOWED, SourceUnavailable

    home = EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False))
    home.hub.device_log.add(t.EUI64.convert(SECOND_DISPLAY), new_install_code(), DeviceType.IHD)
    log = home.hub.device_log
    server = AirServer(
        home.air,
        install_code_of=lambda ieee: (
            log.entries[ieee].install_code if ieee in log.entries else None
        ),
    )
    host, port = await server.start("127.0.0.1", 0)
    # The label's code, not the one the installer recorded for this EUI-64.
    source = open_source(f"tcp://{host}:{port}", speed=1, seed=1, display_ieee=SECOND_DISPLAY)
    try:
        with pytest.raises(SourceUnavailable, match=NOT_ALLOWED):
            await source.open()
    finally:
        await source.close()
        await server.close()
        home.close()
