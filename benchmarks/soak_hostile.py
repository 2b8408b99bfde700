"""A served home under a hostile peer for a bounded time, beside three genuine displays.

The home runs on its own clock (×10, so its meters report about once a wall second) and serves its
air over TCP on 127.0.0.1, as ``python -m home_emulator serve`` does: every display proves its
install code. Three genuine displays attach over the real protocol (a virtual radio each, a HAN
session and a model); one of them tops up with genuine codes now and then. The hostile client, the
whole time, in rounds:

- connects and sends garbage, a length of 4 GiB, a frame cut off half way (and leaves it hanging);
- says hello as the ESME, as the hub, as a genuine display already attached, as a stranger, and as
  an admitted display with a wrong proof;
- attached as an admitted display of its own (a compromised one, which holds its install code),
  sends malformed ZCL and ZDO frames to every node: random bytes, cut headers, the manufacturer
  bit, Configure Reporting with an infinite change, top-up commands of every wrong shape.

Figures: crashes (the home's task failing, an error logged by the home, an exception left to the
event loop, a genuine display losing its connection), the genuine displays' longest staleness (the
age of their demand reading, sampled every quarter second, against their poll interval), and credit
that did not come from a genuine code.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import struct
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import zigpy.types as t

from benchmarks.figures import Figure, at_most, for_information
from han.domain.credit import TopUpOutcome
from han.formats.install_codes import printed_install_code
from han.formats.utrn import encode_utrn
from han.model import HomeModel
from han.session import HanSession
from home_emulator.api.home import (
    COORDINATOR_IEEE,
    SUPPLIER_ORIGINATOR,
    AirServer,
    DeviceType,
    EmulatedHome,
    HomeSpec,
    PrepaymentStart,
    VirtualRadio,
    new_install_code,
    supplier_key,
)
from home_emulator.api.wire import MAX_MESSAGE, Hello, Kind, Proof, encode

CRASHES_KEY = "soak_crashes"
STALENESS_KEY = "soak_staleness_s"
CREDIT_KEY = "soak_foreign_credit_pence"
POLL_INTERVAL_S = 30.0
"""The genuine displays' poll interval (the session's usual one): the staleness target."""
SPEED = 10.0
GENUINE = tuple(t.EUI64.convert(f"00:0d:6f:ff:fe:00:00:0{n}") for n in (2, 3, 4))
HOSTILE = t.EUI64.convert("00:0d:6f:ff:fe:00:00:66")
STRANGER = t.EUI64.convert("00:0d:6f:ff:fe:00:00:99")
SE_PROFILE, HA_PROFILE = 0x0109, 0x0104
CLUSTERS = (0x0000, 0x000A, 0x0019, 0x0700, 0x0702, 0x0703, 0x0705, 0x0B04, 0xFC50)
ZDO_CLUSTERS = (0x0002, 0x0004, 0x0005, 0x0021, 0x0022, 0x0031, 0x0034)
_LENGTH = struct.Struct("<I")


@dataclass
class _Tally:
    errors_logged: int = 0
    loop_exceptions: int = 0
    links_lost: int = 0
    hostile_actions: int = 0
    hostile_frames: int = 0
    genuine_codes: set[str] = field(default_factory=set)
    genuine_sent: int = 0
    worst_age_s: float = 0.0


class _ErrorCounter(logging.Handler):
    """Errors the home logs (a node that raised, a failed delivery): each one is a crash."""

    def __init__(self, tally: _Tally) -> None:
        super().__init__(logging.ERROR)
        self._tally = tally

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(("home_emulator", "asyncio")):
            self._tally.errors_logged += 1


async def soak_hostile(duration_s: float, *, seed: int = 15) -> list[Figure]:
    """Run the soak for ``duration_s`` wall seconds and report its figures."""
    tally = _Tally()
    rng = random.Random(seed)
    loop = asyncio.get_running_loop()
    previous_handler = loop.get_exception_handler()

    def on_loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        tally.loop_exceptions += 1
        loop.default_exception_handler(context)

    counter = _ErrorCounter(tally)
    logging.getLogger().addHandler(counter)
    loop.set_exception_handler(on_loop_exception)
    try:
        async with _served_home() as (home, url, codes):
            running = loop.create_task(home.run(), name="soak-home")
            displays = [await _Genuine.attach(url, ieee, codes[ieee], tally) for ieee in GENUINE]
            try:
                await _until_live(displays)
                hostile = loop.create_task(_hostile(url, home, codes[HOSTILE], rng, tally))
                topping = loop.create_task(_genuine_top_ups(home, displays[0], tally))
                await _watch(displays, duration_s, tally)
                for task in (hostile, topping):
                    if task.done():
                        task.result()  # the soak's own client failed: no figures, say why
                for task in (hostile, topping):
                    task.cancel()
                await asyncio.gather(hostile, topping, return_exceptions=True)
            finally:
                for display in displays:
                    await display.close()
                home_failed = running.done() and not running.cancelled() and running.exception()
                running.cancel()
                await asyncio.gather(running, return_exceptions=True)
            foreign = sum(
                record.answer.pennies
                for record in home.esme.prepay.top_ups
                if int(record.answer.result) == TopUpOutcome.ACCEPTED
                and record.code not in tally.genuine_codes
            )
            genuine = [r for r in home.esme.prepay.top_ups if r.code in tally.genuine_codes]
            genuine_accepted = sum(
                1 for record in genuine if int(record.answer.result) == TopUpOutcome.ACCEPTED
            )
            genuine_locked_out = sum(
                1 for r in genuine if int(r.answer.result) == TopUpOutcome.KEYPAD_LOCKED
            )
    finally:
        loop.set_exception_handler(previous_handler)
        logging.getLogger().removeHandler(counter)
    crashes = tally.errors_logged + tally.loop_exceptions + tally.links_lost + bool(home_failed)
    detail = (
        f"{duration_s:g} s, 3 genuine displays and 1 hostile client: "
        f"{tally.hostile_actions:,} hostile connections, {tally.hostile_frames:,} malformed frames"
    )
    return [
        at_most(
            CRASHES_KEY,
            crashes,
            "crashes",
            0,
            detail=f"{detail}; errors logged {tally.errors_logged}, loop exceptions "
            f"{tally.loop_exceptions}, genuine links lost {tally.links_lost}",
        ),
        at_most(
            STALENESS_KEY,
            round(tally.worst_age_s, 2),
            "s",
            POLL_INTERVAL_S,
            detail="the oldest demand reading any genuine display held, sampled every 0.25 s",
        ),
        at_most(
            CREDIT_KEY,
            foreign,
            "pence",
            0,
            detail=f"genuine top-ups accepted: {genuine_accepted} of {tally.genuine_sent}"
            f" ({genuine_locked_out} refused while the hostile display's wrong codes held the"
            " keypad locked, as five invalid codes in ten minutes lock it)",
        ),
        for_information(
            "soak_hostile_frames",
            tally.hostile_frames,
            "frames",
            detail="malformed ZCL/ZDO frames an admitted hostile display sent",
        ),
    ]


@contextlib.asynccontextmanager
async def _served_home() -> AsyncIterator[tuple[EmulatedHome, str, dict[t.EUI64, bytes]]]:
    spec = HomeSpec(
        seed=15,
        start_epoch_s=1_780_000_000,
        history_days=1,
        gas=False,
        speed=SPEED,
        electricity_prepayment=PrepaymentStart(),
    )
    home = EmulatedHome(spec)
    log = home.hub.device_log
    codes = {COORDINATOR_IEEE: printed_install_code(str(COORDINATOR_IEEE))}
    log.entries[COORDINATOR_IEEE].install_code = codes[COORDINATOR_IEEE]
    for ieee in (*GENUINE, HOSTILE):
        codes[ieee] = new_install_code()
        log.add(ieee, codes[ieee], DeviceType.IHD)
    server = AirServer(home.air, announce=lambda _line: None, install_code_of=log.install_code_of)
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    try:
        yield home, f"tcp://{host}:{port}", codes
    finally:
        await server.close()
        home.close()


class _Genuine:
    def __init__(self, radio: VirtualRadio, model: HomeModel, session: HanSession) -> None:
        self.radio = radio
        self.model = model
        self.session = session

    @classmethod
    async def attach(cls, url: str, ieee: t.EUI64, code: bytes, tally: _Tally) -> _Genuine:
        radio = await VirtualRadio.new(VirtualRadio.config_for(url, ieee=ieee, install_code=code))
        assert isinstance(radio, VirtualRadio)

        class _Lost:
            def connection_lost(self, _error: Exception) -> None:
                tally.links_lost += 1

        radio.add_listener(_Lost())
        model = HomeModel()
        session = HanSession(radio, model, poll_interval_s=POLL_INTERVAL_S)
        session.start()
        return cls(radio, model, session)

    def demand_age_s(self, now: float) -> float | None:
        meter = self.model.electricity_import_meter()
        if meter is None or meter.demand_kw is None:
            return None
        return meter.demand_kw.age_s(now)

    async def close(self) -> None:
        await self.session.stop()
        await self.radio.shutdown()


async def _until_live(displays: list[_Genuine], timeout_s: float = 60.0) -> None:
    async with asyncio.timeout(timeout_s):
        while any(d.demand_age_s(time.time()) is None for d in displays):  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def _watch(displays: list[_Genuine], duration_s: float, tally: _Tally) -> None:
    end = time.monotonic() + duration_s
    while time.monotonic() < end:
        await asyncio.sleep(0.25)
        now = time.time()
        for display in displays:
            age = display.demand_age_s(now)
            tally.worst_age_s = max(tally.worst_age_s, POLL_INTERVAL_S * 10 if age is None else age)


async def _genuine_top_ups(home: EmulatedHome, display: _Genuine, tally: _Tally) -> None:
    """The household tops up £1 every ten seconds with codes its supplier sold."""
    step = 1_000
    while True:
        await asyncio.sleep(10)
        link = next(
            (link for link in display.session.links.values() if link.prepayment is not None), None
        )
        if link is None or link.prepayment is None:
            continue
        step += 1
        keys = home.esme.keys
        code = encode_utrn(
            supplier_private_key=supplier_key(),
            meter_public_key=keys.meter_private_key.public_key(),
            originator=SUPPLIER_ORIGINATOR,
            target=keys.target,
            counter=step << 32,
            pounds=1,
        )
        tally.genuine_codes.add(code)
        tally.genuine_sent += 1
        with contextlib.suppress(Exception):  # an answer lost is the figure's business, not ours
            await link.prepayment.top_up(code)


# The hostile client -----------------------------------------------------------------------------


async def _hostile(
    url: str, home: EmulatedHome, code: bytes, rng: random.Random, tally: _Tally
) -> None:
    host, port = url.removeprefix("tcp://").rsplit(":", 1)
    address = (host, int(port))
    hanging: list[asyncio.StreamWriter] = []
    radio = await VirtualRadio.new(VirtualRadio.config_for(url, ieee=HOSTILE, install_code=code))
    assert isinstance(radio, VirtualRadio)
    nodes = [home.esme.node.nwk, home.hub.node.nwk]
    spoofed = [home.esme.node.ieee, home.hub.node.ieee, GENUINE[0], STRANGER]
    try:
        while True:
            for attack in (_garbage, _huge_length, _half_frame):
                writer = await attack(address, rng)
                tally.hostile_actions += 1
                if writer is not None:
                    hanging.append(writer)
            for ieee in spoofed:
                await _spoofed_hello(address, ieee, rng, prove=ieee == GENUINE[0])
                tally.hostile_actions += 1
            for _ in range(50):
                await _malformed_frame(radio, rng, nodes)
                tally.hostile_frames += 1
            while len(hanging) > 20:  # the home closes them itself after 10 s; keep some hanging
                hanging.pop(0).close()
            await asyncio.sleep(0.05)
    finally:
        for writer in hanging:
            writer.close()
        await radio.shutdown()


async def _garbage(address: tuple[str, int], rng: random.Random) -> None:
    _, writer = await asyncio.open_connection(*address)
    writer.write(rng.randbytes(rng.randrange(1, 2_000)))
    with contextlib.suppress(ConnectionError):
        await writer.drain()
    writer.close()
    return


async def _huge_length(address: tuple[str, int], rng: random.Random) -> None:
    _, writer = await asyncio.open_connection(*address)
    writer.write(_LENGTH.pack(rng.choice((0, MAX_MESSAGE + 1, 0xFFFFFFFF))) + rng.randbytes(64))
    with contextlib.suppress(ConnectionError):
        await writer.drain()
    writer.close()
    return


async def _half_frame(address: tuple[str, int], rng: random.Random) -> asyncio.StreamWriter:
    """A message that says 200 bytes and stops after 50: left open, hanging."""
    _, writer = await asyncio.open_connection(*address)
    writer.write(_LENGTH.pack(200) + bytes([Kind.HELLO]) + rng.randbytes(49))
    return writer


async def _spoofed_hello(
    address: tuple[str, int], ieee: t.EUI64, rng: random.Random, *, prove: bool
) -> None:
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(encode(Hello(ieee)))
        if prove:  # answers a challenge it cannot answer
            writer.write(encode(Proof(rng.randbytes(32))))
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, TimeoutError):
            async with asyncio.timeout(2):
                await reader.read(4096)
    finally:
        writer.close()


async def _malformed_frame(radio: VirtualRadio, rng: random.Random, nodes: list[int]) -> None:
    kind = rng.randrange(4)
    if kind == 0:  # ZDO with random bytes
        profile, cluster, endpoint = 0x0000, rng.choice(ZDO_CLUSTERS), 0
        data = rng.randbytes(rng.randrange(0, 12))
    else:
        profile, cluster, endpoint = rng.choice((SE_PROFILE, HA_PROFILE)), rng.choice(CLUSTERS), 1
        data = _zcl_payload(kind, rng)
    packet = t.ZigbeePacket(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
        src_ep=t.uint8_t(1),
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(rng.choice(nodes))),
        dst_ep=t.uint8_t(endpoint),
        tsn=t.uint8_t(rng.randrange(256)),
        profile_id=t.uint16_t(profile),
        cluster_id=t.uint16_t(cluster),
        data=t.SerializableBytes(data),
    )
    with contextlib.suppress(Exception):  # a refusal or a lost frame is the home's answer
        await radio.send_packet(packet)


def _zcl_payload(kind: int, rng: random.Random) -> bytes:
    tsn = rng.randrange(256)
    if kind == 1:  # random bytes, a cut header, the manufacturer bit without its code
        return bytes([rng.choice((0x00, 0x01, 0x04, 0x05, 0x10, 0x14))]) + rng.randbytes(
            rng.randrange(0, 6)
        )
    if kind == 2:  # Configure Reporting of demand with a non-finite or absurd change
        change = rng.choice((float("inf"), float("-inf"), float("nan"), -1.0))
        record = struct.pack("<BHBHH", 0x00, 0x0400, 0x39, rng.randrange(65536), 0)
        return bytes([0x00, tsn, 0x06]) + record + struct.pack("<f", change)[: rng.randrange(5)]
    # A top-up command of a wrong shape: cut, too long, not digits
    code = rng.choice((b"", b"1" * 19, b"1" * 40, rng.randbytes(20), b"12345678901234567890"[:10]))
    length = rng.choice((len(code), 255, 0))
    return bytes([0x01, tsn, 0x04, rng.randrange(256), length]) + code
