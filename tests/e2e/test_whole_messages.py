"""A supplier message of the longest length the scenario format and the ZCL allow reaches a display
whole: on the embedded home, on a served home over TCP and through the emulated Z-Stack coordinator
(``serve --znp``) and zigpy-znp, and through the emulated EmberZNet coordinator (``serve --ezsp``)
and bellows. On the air such a message needs APS fragments (air/fragments.py); from the Z-Stack
stick it comes as AF_INCOMING_MSG_EXT and AF_DATA_RETRIEVE (han/radio/znp_long_messages.py), from
the EmberZNet one as those fragments, which bellows reassembles."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
import zigpy.types as t

from app.connection.sources import EmulatorSource, HanSource, open_source
from han.model import HomeModel
from han.session import HanSession
from home_emulator.air.server import AirServer
from home_emulator.commands.serve import ZNP_IEEE
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.ezsp.ncp import EZSP_IEEE, EmulatedEzsp
from home_emulator.ezsp.server import EzspServer
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.scenario.events import MAX_MESSAGE_BYTES
from home_emulator.scenario.model import load_named
from home_emulator.znp.coordinator import EmulatedZnp
from home_emulator.znp.server import ZnpServer

SPEC = HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False)
SERVED_DISPLAY = "00:0d:6f:ff:fe:00:00:02"


def longest_scenario_message() -> str:
    texts = [
        event.action.text  # type: ignore[union-attr]
        for event in load_named("outage-and-messages").events
        if event.kind.value == "message"
    ]
    longest = max(texts, key=lambda text: len(text.encode()))
    assert len(longest.encode()) == MAX_MESSAGE_BYTES
    return longest


async def until(condition: Callable[[], bool], timeout_s: float = 15.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - polling what the display learned
            await asyncio.sleep(0.005)


async def embedded() -> tuple[HanSource, EmulatedHome, Callable[[], object]]:
    home = EmulatedHome(SPEC)
    return EmulatorSource(home), home, lambda: None


async def served() -> tuple[HanSource, EmulatedHome, Callable[[], object]]:
    home = EmulatedHome(SPEC)
    home.hub.device_log.add(t.EUI64.convert(SERVED_DISPLAY), new_install_code(), DeviceType.IHD)
    server = AirServer(home.air)
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    source = open_source(f"tcp://{host}:{port}", speed=1, seed=1, display_ieee=SERVED_DISPLAY)
    return source, home, server.close


async def through_znp() -> tuple[HanSource, EmulatedHome, Callable[[], object]]:
    home = EmulatedHome(SPEC)  # python -m home_emulator serve --znp …
    home.hub.device_log.add(ZNP_IEEE, new_install_code(), DeviceType.IHD)
    stick = EmulatedZnp(home.air, ieee=ZNP_IEEE)
    server = ZnpServer(stick)
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    source = open_source(f"znp:socket://{host}:{port}", speed=1, seed=1)

    async def close() -> None:
        await server.close()
        assert not len(stick.held), "the display freed what it fetched"

    return source, home, close


async def through_ezsp() -> tuple[HanSource, EmulatedHome, Callable[[], object]]:
    home = EmulatedHome(SPEC)  # python -m home_emulator serve --ezsp …
    home.hub.device_log.add(EZSP_IEEE, new_install_code(), DeviceType.IHD)
    stick = EmulatedEzsp(home.air)
    server = EzspServer(stick)
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    source = open_source(f"ezsp:socket://{host}:{port}", speed=1, seed=1)

    release = source.close

    async def close_once_acknowledged() -> None:
        # bellows acknowledges each fragment after handing the message on: a display that let
        # go of the stick before then would leave its acknowledgements failing.
        await until(lambda: stick.fragments_acknowledged == stick.fragments_sent)
        # Then a quiet moment: the answer to the last command (the confirmation the display
        # sends, a read) may still be crossing the socket.
        handled = -1
        while stick.commands_handled != handled:
            handled = stick.commands_handled
            await asyncio.sleep(0.3)
        await release()

    source.close = close_once_acknowledged  # type: ignore[method-assign]

    async def close() -> None:
        await server.close()
        assert stick.fragments_sent > 1, "the message came in fragments"

    return source, home, close


@pytest.mark.parametrize("path", [embedded, served, through_znp, through_ezsp])
async def test_the_longest_message_reaches_the_display_whole(
    path: Callable[[], Awaitable[tuple[HanSource, EmulatedHome, Callable[[], object]]]],
) -> None:
    text = longest_scenario_message()
    source, home, close = await path()
    model = HomeModel()
    session: HanSession | None = None
    try:
        session = HanSession(await source.open(), model)
        session.start()
        if isinstance(source, EmulatorSource):
            home.power_on()
        await until(lambda: session.hub is not None and session.hub.attached.is_set())
        sent = home.send_message(text, confirm=True)
        await until(lambda: sent.message_id in model.messages)
        assert model.messages[sent.message_id].text == text
    finally:
        if session is not None:
            await session.stop()
        await source.close()
        closed = close()
        if asyncio.iscoroutine(closed):
            await closed
