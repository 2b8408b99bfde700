"""Money is durable: a served home killed with SIGKILL at any moment around top-ups comes back
with every accepted code credited once, and no code credited twice."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import zigpy.types as t
from zigpy.zcl import foundation as f

from han.clusters import GBPrepayment
from han.formats.install_codes import printed_install_code
from han.formats.utrn import encode_utrn
from home_emulator.air.identity import proof
from home_emulator.air.virtual_radio import COORDINATOR_IEEE
from home_emulator.air.wire import (
    Challenge,
    Delivery,
    Frame,
    Hello,
    Joined,
    Proof,
    Send,
    Start,
    Welcome,
    encode,
    read_message,
)
from home_emulator.commands.run import open_scenario
from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, supplier_key
from home_emulator.metering.credit_engine import UNITS_PER_PENNY
from home_emulator.metering.top_up_gate import TopUpResult
from home_emulator.scenario.home_builder import build_home
from home_emulator.store.home_store import HomeStore
from home_emulator.zigbee.zcl_server import encode_cluster_command
from tests.e2e.test_serve import ServeProcess, serve  # noqa: F401 - the fixture

SCENARIO = "pensioner-prepay"
_TSN = itertools.count(1)


def _codes(count: int) -> tuple[t.EUI64, int, list[str]]:
    """The meter's EUI-64, the credit added to it so far (engine units), and codes vended for it."""
    home = build_home(open_scenario(SCENARIO), history_days=1)
    try:
        engine = home.esme.prepay.engine
        assert engine is not None
        keys = home.esme.keys
        codes = [
            encode_utrn(
                supplier_private_key=supplier_key(),
                meter_public_key=keys.meter_private_key.public_key(),
                originator=SUPPLIER_ORIGINATOR,
                target=keys.target,
                counter=(1000 + step) << 32,
                pennies=100 + step,
            )
            for step in range(count)
        ]
        return home.esme.node.ieee, engine.total_credit_added, codes
    finally:
        home.close()


class TopUpClient:
    """A PPMID reduced to the wire: hello, then ConsumerTopUp frames to the electricity meter."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer
        self.esme_nwk: int | None = None

    @classmethod
    async def attach(cls, url: str, esme: t.EUI64) -> TopUpClient:
        host, port = url.removeprefix("tcp://").rsplit(":", 1)
        reader, writer = await asyncio.open_connection(host, int(port))
        client = cls(reader, writer)
        writer.write(encode(Hello(COORDINATOR_IEEE)))
        challenge = await read_message(reader)
        assert isinstance(challenge, Challenge)
        code = printed_install_code(str(COORDINATOR_IEEE))  # the home's own display's label
        writer.write(encode(Proof(proof(code, challenge.nonce, COORDINATOR_IEEE))))
        assert isinstance(await read_message(reader), Welcome)
        writer.write(encode(Start()))
        while client.esme_nwk is None:
            message = await read_message(reader)
            if isinstance(message, Joined) and message.ieee == esme:
                client.esme_nwk = message.nwk
        return client

    async def top_up(self, code: str) -> TopUpResult:
        assert self.esme_nwk is not None
        data = encode_cluster_command(
            GBPrepayment,
            next(_TSN) & 0xFF,
            "consumer_top_up",
            f.Direction.Client_to_Server,
            originating_device=0,
            top_up_code=code.encode(),
        )
        packet = t.ZigbeePacket(
            src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0)),
            src_ep=t.uint8_t(1),
            dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(self.esme_nwk)),
            dst_ep=t.uint8_t(1),
            tsn=t.uint8_t(data[1]),
            profile_id=t.uint16_t(0x0109),
            cluster_id=t.uint16_t(0x0705),
            data=t.SerializableBytes(data),
        )
        self.writer.write(encode(Send(1, packet)))
        result = None
        while True:
            message = await read_message(self.reader)
            if isinstance(message, Frame) and message.packet.cluster_id == 0x0705:
                header, payload = f.ZCLHeader.deserialize(message.packet.data.serialize())
                response = GBPrepayment.client_commands[header.command_id]
                if response.name == "consumer_top_up_response":
                    args, _ = response.schema.deserialize(payload)
                    # the schema's fields are built at run time
                    result = TopUpResult(int(args.as_dict()["result_type"]))
            elif isinstance(message, Delivery):
                assert result is not None, message
                return result


def _stored_credit_added(store: Path) -> tuple[int, set[int]]:
    with HomeStore(store) as kept:
        home = kept.load("trial")
        try:
            engine = home.esme.prepay.engine
            assert engine is not None
            return engine.total_credit_added, set(home.esme.prepay.gate.counters)
        finally:
            home.close()


def _pennies(code: str, codes: list[str]) -> int:
    return 100 + codes.index(code)


async def test_killing_a_served_home_around_top_ups_loses_no_credit_and_repeats_none(
    serve: type[ServeProcess],  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    store = tmp_path / "homes.sqlite"
    esme, added_at_start, codes = _codes(6)
    accepted: list[str] = []
    for round_codes in (codes[0:2], codes[2:4], codes[4:6]):
        process = serve(
            "--scenario", SCENARIO, "--history-days", "1", "--listen", "127.0.0.1:0",
            "--speed", "60", "--store", str(store), "--name", "trial",
        )  # fmt: skip
        url = process.read_until(r"on (tcp://127\.0\.0\.1:\d+)").group(1)
        client = await TopUpClient.attach(url, esme)
        for code in accepted:  # every code accepted before a kill stays used
            assert await client.top_up(code) is TopUpResult.DUPLICATE
        for code in round_codes:
            assert await client.top_up(code) is TopUpResult.ACCEPTED
            accepted.append(code)
        process.process.kill()  # SIGKILL straight after the meter said "accepted"
        process.finish()
        client.writer.close()
        added, counters = _stored_credit_added(store)
        credited = sum(_pennies(code, codes) for code in accepted) * UNITS_PER_PENNY
        assert added == added_at_start + credited  # each accepted code exactly once
        assert counters >= {(1000 + codes.index(code)) << 32 for code in accepted}


def test_emergency_credit_and_supply_commands_are_committed_before_the_answer(
    tmp_path: Path,
) -> None:
    from home_emulator.store.home_store import build_storable_home
    from home_emulator.store.money import commit_money_before_answering
    from home_emulator.zigbee.zcl_server import handle_frame

    home = build_storable_home(open_scenario(SCENARIO), history_days=1)
    with HomeStore(tmp_path / "homes.sqlite") as store:
        commit_money_before_answering(home, store, "trial")
        for cluster, command, fields in (
            (home.esme.prepayment, "select_available_emergency_credit", dict[str, int]()),
            (home.esme.metering, "local_change_supply", dict[str, int]()),
        ):
            store.delete("trial")
            definition = cluster.definition
            schema = definition.commands_by_name[command].schema
            values = dict.fromkeys(schema.__annotations__, 0) | fields
            handle_frame(
                cluster,
                encode_cluster_command(
                    definition, 5, command, f.Direction.Client_to_Server, **values
                ),
            )
            assert "trial" in store, command
    home.close()
