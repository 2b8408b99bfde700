"""Identity on a served home: a display proves it holds the link key of its install code on every
connection; the meters' and hub's EUI-64s are never accepted from the network; a second claimant of
an attached display's EUI-64 is refused and logged."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
import zigpy.exceptions
import zigpy.types as t

from han.formats.install_codes import printed_install_code
from home_emulator.air.identity import proof, proves
from home_emulator.air.server import AirServer
from home_emulator.air.virtual_radio import COORDINATOR_IEEE, VirtualRadio
from home_emulator.air.wire import (
    HEARTBEAT_INTERVAL_S,
    MISSED_HEARTBEATS,
    Challenge,
    Hello,
    Proof,
    Refused,
    Start,
    Welcome,
    encode,
    read_message,
)
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec

SECOND = t.EUI64.convert("00:0d:6f:ff:fe:00:00:02")


class Served:
    def __init__(self, home: EmulatedHome, heartbeat_s: float = HEARTBEAT_INTERVAL_S) -> None:
        self.home = home
        self.announced: list[str] = []
        log = home.hub.device_log
        log.entries[COORDINATOR_IEEE].install_code = printed_install_code(str(COORDINATOR_IEEE))
        self.server = AirServer(
            home.air,
            announce=self.announced.append,
            install_code_of=log.install_code_of,
            heartbeat_s=heartbeat_s,
        )
        self.url = ""


@contextlib.asynccontextmanager
async def _served_home(heartbeat_s: float = HEARTBEAT_INTERVAL_S) -> AsyncIterator[Served]:
    home = EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False))
    served = Served(home, heartbeat_s)
    host, port = await served.server.start("127.0.0.1", 0)
    served.url = f"tcp://{host}:{port}"
    home.power_on()
    try:
        yield served
    finally:
        await served.server.close()
        home.close()


async def _hello(url: str, ieee: t.EUI64) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    host, port = url.removeprefix("tcp://").rsplit(":", 1)
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(encode(Hello(ieee)))
    return reader, writer


def test_a_proof_is_bound_to_the_key_the_nonce_and_the_eui64() -> None:
    code, nonce = new_install_code(), bytes(range(16))
    mac = proof(code, nonce, SECOND)
    assert proves(mac, code, nonce, SECOND)
    assert not proves(mac, new_install_code(), nonce, SECOND)
    assert not proves(mac, code, bytes(16), SECOND)
    assert not proves(mac, code, nonce, COORDINATOR_IEEE)
    assert code.hex() not in mac.hex()


async def test_a_display_with_its_install_code_attaches_and_a_wrong_code_is_refused() -> None:
    async with _served_home() as served:
        code = new_install_code()
        served.home.hub.device_log.add(SECOND, code, DeviceType.IHD)
        radio = await VirtualRadio.new(
            VirtualRadio.config_for(served.url, ieee=SECOND, install_code=code)
        )
        await radio.shutdown()
        with pytest.raises(zigpy.exceptions.ControllerException, match="could not prove"):
            await VirtualRadio.new(
                VirtualRadio.config_for(served.url, ieee=SECOND, install_code=new_install_code())
            )
        # The home's own display proves the code on its label, with no settings at all.
        radio = await VirtualRadio.new(VirtualRadio.config_for(served.url))
        await radio.shutdown()
        assert any("could not prove" in line for line in served.announced)


@pytest.mark.parametrize("whose", ["esme", "hub"])
async def test_a_meters_or_hubs_eui64_is_never_a_display(whose: str) -> None:
    async with _served_home() as served:
        node = served.home.esme.node if whose == "esme" else served.home.hub.node
        reader, writer = await _hello(served.url, node.ieee)
        answer = await read_message(reader)
        writer.close()
        assert isinstance(answer, Refused)
        assert "not a display" in answer.reason
        assert any(str(node.ieee) in line and "refused" in line for line in served.announced)


async def test_a_second_claimant_is_refused_while_the_display_is_attached() -> None:
    async with _served_home() as served:
        radio = await VirtualRadio.new(VirtualRadio.config_for(served.url))
        try:
            reader, writer = await _hello(served.url, COORDINATOR_IEEE)
            answer = await read_message(reader)
            writer.close()
            assert isinstance(answer, Refused)  # before any challenge: the EUI-64 is taken
            assert "already attached" in answer.reason
        finally:
            await radio.shutdown()
        assert any("already attached" in line for line in served.announced)


@pytest.mark.logs_warning(r"is not this protocol")
async def test_garbage_and_a_silent_proof_are_refused_without_harm() -> None:
    async with _served_home() as served:
        reader, writer = await _hello(served.url, COORDINATOR_IEEE)
        challenge = await read_message(reader)
        assert isinstance(challenge, Challenge)
        writer.write(encode(Proof(bytes(32))))
        answer = await read_message(reader)
        writer.close()
        assert isinstance(answer, Refused)
        host, port = served.url.removeprefix("tcp://").rsplit(":", 1)
        _, junk = await asyncio.open_connection(host, int(port))
        junk.write(b"\xff\xff\xff\xff" + bytes(64))  # a huge length: not this protocol
        junk.close()
        radio = await VirtualRadio.new(VirtualRadio.config_for(served.url))
        await radio.shutdown()


async def _attach_and_fall_silent(
    served: Served, ieee: t.EUI64, code: bytes
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A client that proves its identity, goes on the air, then hangs: it never sends another
    byte and never closes its socket."""
    reader, writer = await _hello(served.url, ieee)
    challenge = await read_message(reader)
    assert isinstance(challenge, Challenge)
    writer.write(encode(Proof(proof(code, challenge.nonce, ieee))))
    welcome = await read_message(reader)
    assert isinstance(welcome, Welcome)
    assert welcome.heartbeat_s == served.server.heartbeat_s
    writer.write(encode(Start()))
    return reader, writer


async def _claim(served: Served, ieee: t.EUI64) -> object:
    reader, writer = await _hello(served.url, ieee)
    try:
        return await read_message(reader)
    finally:
        writer.close()


async def test_a_silent_display_keeps_its_eui64_until_it_misses_its_heartbeat() -> None:
    heartbeat_s = 0.3
    async with _served_home(heartbeat_s) as served:
        code = printed_install_code(str(COORDINATOR_IEEE))
        _reader, hung = await _attach_and_fall_silent(served, COORDINATOR_IEEE, code)
        try:
            async with asyncio.timeout(5):
                while not served.home.air.coordinators:  # noqa: ASYNC110 - the air is polled
                    await asyncio.sleep(0.01)
            # While it is alive (within its missed-heartbeat allowance) the EUI-64 is its own.
            answer = await _claim(served, COORDINATOR_IEEE)
            assert isinstance(answer, Refused)
            assert "already attached" in answer.reason
            refusals = [line for line in served.announced if "already attached" in line]
            assert len(refusals) == 1  # one claimant, one line saying who was refused
            assert "refused (127.0.0.1:" in refusals[0]

            # Silent for MISSED_HEARTBEATS intervals: off the air, its EUI-64 free again.
            async with asyncio.timeout(heartbeat_s * MISSED_HEARTBEATS + 5):
                while served.server.displays:  # noqa: ASYNC110 - the server is polled
                    await asyncio.sleep(0.02)
            assert served.home.air.coordinators == []
            assert any("missed its heartbeat" in line for line in served.announced)
            radio = await VirtualRadio.new(VirtualRadio.config_for(served.url))
            try:
                assert list(served.server.displays) == [str(COORDINATOR_IEEE)]
            finally:
                await radio.shutdown()
        finally:
            hung.close()


async def test_a_genuine_display_keeps_its_place_by_its_heartbeat() -> None:
    heartbeat_s = 0.1
    async with _served_home(heartbeat_s) as served:
        radio = await VirtualRadio.new(VirtualRadio.config_for(served.url))
        try:
            # Many times the silence allowed, with nothing to say but its heartbeat.
            await asyncio.sleep(heartbeat_s * MISSED_HEARTBEATS * 4)
            assert list(served.server.displays) == [str(COORDINATOR_IEEE)]
            assert not any("missed its heartbeat" in line for line in served.announced)
            answer = await _claim(served, COORDINATOR_IEEE)
            assert isinstance(answer, Refused)
        finally:
            await radio.shutdown()
