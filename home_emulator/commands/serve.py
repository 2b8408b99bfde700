"""``python -m home_emulator serve``: one emulated home, kept running for several displays to attach.

The home follows its virtual clock (real time × speed) until SIGINT or SIGTERM; displays attach
over TCP (``air_wire.py`` describes the protocol; ``python -m app --source tcp://HOST:PORT`` is one).
One line is printed when the home is listening and one per display attaching, refused or leaving.
Every display must be in the hub's device log: the home's own display EUI-64 is there already, and
``--admit`` adds more, as an installer pairing another IHD would. A display proves it is who it says
on every connection (``air/identity.py``): with the link key of the install code the device log
holds for it – the code on the home's own display's label, or the one ``--admit EUI64=CODE`` gave
(``--admit EUI64`` makes a random code and prints it once for the installer, who gives it to that
display with ``--install-code``). The meters' and hub's EUI-64s are never accepted from the
network.

``--znp tcp://HOST:PORT`` also puts an emulated TI Z-Stack coordinator on the air (``znp/``): a
radio library such as zigpy-znp opens it with ``socket://HOST:PORT`` as its serial port (the app:
``--source znp:socket://HOST:PORT``). Its EUI-64 goes in the hub's device log like a display's.
``--ezsp tcp://HOST:PORT`` does the same with an emulated Silicon Labs EmberZNet coordinator
(``ezsp/``), for bellows (the app: ``--source ezsp:socket://HOST:PORT``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys

import zigpy.types as t

from han.formats.install_codes import parse_install_code, printed_install_code
from home_emulator.air.medium import Air
from home_emulator.air.pcap import IeeeResolver, PcapWriter, air_resolver
from home_emulator.air.server import AirServer
from home_emulator.clock import check_speed
from home_emulator.commands.run import add_home_arguments
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.ezsp.ncp import EZSP_IEEE, EmulatedEzsp
from home_emulator.ezsp.server import EzspServer
from home_emulator.ezsp.server import parse_address as parse_ezsp_address
from home_emulator.home import EmulatedHome
from home_emulator.scenario.home_builder import build_home
from home_emulator.scenario.model import ScenarioError, open_scenario
from home_emulator.store.home_store import HomeStore, HomeStoreError, autosave, build_storable_home
from home_emulator.store.money import commit_money_before_answering
from home_emulator.zigbee.node import COORDINATOR_NWK
from home_emulator.znp.coordinator import ZNP_IEEE, EmulatedZnp, JoinPolicy
from home_emulator.znp.server import ZnpServer
from home_emulator.znp.server import parse_address as parse_znp_address

DEFAULT_LISTEN = "127.0.0.1:8640"
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    add_home_arguments(
        parser, saves="every minute, before a meter accepts a top-up or an enable, and when stopped"
    )
    parser.add_argument(
        "--listen",
        default=DEFAULT_LISTEN,
        metavar="HOST:PORT",
        help=f"where displays connect (default {DEFAULT_LISTEN}, this machine only; port 0 picks a free one)",
    )
    parser.add_argument(
        "--admit",
        action="append",
        default=[],
        metavar="EUI64[=INSTALL_CODE]",
        help="put another display in the hub's device log, e.g. 00:0d:6f:ff:fe:00:00:02, with the"
        " install code on its label (36 hex digits); without one, a new random code, printed once"
        " for the display's --install-code (repeatable)",
    )
    parser.add_argument(
        "--admit-ppmid",
        action="append",
        default=[],
        metavar="EUI64[=INSTALL_CODE]",
        help="put a prepayment meter interface device (PPMID) in the hub's device log, as --admit"
        " does a display (repeatable); swap-ppmid later replaces it",
    )
    parser.add_argument(
        "--znp",
        metavar="tcp://HOST:PORT",
        help="also serve an emulated TI Z-Stack USB coordinator there (port 0 picks a free one);"
        " a radio library opens it as socket://HOST:PORT",
    )
    parser.add_argument(
        "--ezsp",
        metavar="tcp://HOST:PORT",
        help="also serve an emulated Silicon Labs EmberZNet (EZSP) USB coordinator there (port 0"
        " picks a free one); a radio library opens it as socket://HOST:PORT",
    )
    parser.add_argument(
        "--znp-join",
        choices=[policy.value for policy in JoinPolicy],
        default=JoinPolicy.AT_START.value,
        help="when the meters join the coordinator's network: as soon as it is up (start, the"
        " default: they are in the hub's device log) or only once the host permits joining (permit)",
    )


AUTOSAVE_EVERY_S = 60.0


def parse_listen(text: str) -> tuple[str, int]:
    host, colon, port_text = text.rpartition(":")
    if not colon or not host or not port_text.isdigit() or int(port_text) > 65535:
        raise ValueError(f"--listen expects HOST:PORT such as {DEFAULT_LISTEN}, not {text!r}")
    return host.strip("[]"), int(port_text)


Admitted = tuple[t.EUI64, bytes | None, DeviceType]
"""A device for the hub's device log: its EUI-64, its install code if given, and its kind."""


def parse_admitted(texts: list[str], kind: DeviceType = DeviceType.IHD) -> list[Admitted]:
    """``--admit EUI64[=INSTALL_CODE]`` values: each display and its install code, if given."""
    admitted = []
    for text in texts:
        eui64_text, _, code_text = text.partition("=")
        try:
            eui64 = t.EUI64.convert(eui64_text)
        except (ValueError, AssertionError):
            raise ValueError(
                f"--admit expects an EUI-64 such as 00:0d:6f:ff:fe:00:00:02, not {eui64_text!r}"
            ) from None
        code = None
        if code_text:
            try:
                code, _key = parse_install_code(code_text)
            except ValueError as error:
                raise ValueError(f"--admit {eui64_text}: {error}") from None
        admitted.append((eui64, code, kind))
    return admitted


def run_serve(args: argparse.Namespace) -> int:
    try:
        scenario = open_scenario(args.scenario)
        host, port = parse_listen(args.listen)
        admitted = parse_admitted(args.admit) + parse_admitted(args.admit_ppmid, DeviceType.PPMID)
        znp, ezsp = _coordinators(args)
        if args.speed is not None:
            check_speed(args.speed)
        if args.history_days is not None and not 0 <= args.history_days <= 3660:
            raise ValueError("--history-days must be between 0 and 3660")
        store = HomeStore(args.store) if args.store is not None else None
        name = args.name or scenario.source.stem
        if store is not None and name in store:
            home = store.load(name)
            if args.speed is not None:
                home.clock.set_speed(args.speed)
            _say(f"resumed {name!r} from {args.store}")
        elif store is not None:
            home = build_storable_home(scenario, speed=args.speed, history_days=args.history_days)
        else:
            home = build_home(scenario, speed=args.speed, history_days=args.history_days)
    except (ScenarioError, ValueError, HomeStoreError) as error:
        print(f"serve: {error}", file=sys.stderr)
        return 2
    if store is not None:
        commit_money_before_answering(home, store, name)
    # The installer pairs each coordinator like any display.
    admitted += [
        (ieee, None, DeviceType.IHD)
        for ieee, asked in ((ZNP_IEEE, znp), (EZSP_IEEE, ezsp))
        if asked
    ]
    _label_own_display(home)
    notes = admit(home, admitted)
    try:
        with contextlib.ExitStack() as stack:
            if args.pcap is not None:
                writer = PcapWriter(
                    args.pcap,
                    clock=lambda: home.now_s,
                    pan_id=lambda: home.air.pan_id,
                    resolve_ieee=_display_resolver(home.air),
                )
                stack.callback(writer.close)
                home.air.taps.append(writer)
            keeper = (store, name) if store is not None else None
            asyncio.run(
                serve(
                    home,
                    host,
                    port,
                    scenario_name=scenario.name,
                    keeper=keeper,
                    znp=znp,
                    ezsp=ezsp,
                    notes=notes,
                )
            )
    except OSError as error:
        print(f"serve: {error}", file=sys.stderr)
        return 1
    finally:
        home.close()
        if store is not None:
            store.close()
    return 0


async def serve(
    home: EmulatedHome,
    host: str,
    port: int,
    *,
    scenario_name: str,
    keeper: tuple[HomeStore, str] | None = None,
    znp: tuple[str, int, JoinPolicy] | None = None,
    ezsp: tuple[str, int] | None = None,
    notes: list[str] | None = None,
) -> None:
    """Run ``home`` and its air server (and the emulated coordinator) until SIGINT/SIGTERM."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for number in _STOP_SIGNALS:
        loop.add_signal_handler(number, stop.set)
    server = AirServer(home.air, announce=_say, install_code_of=home.hub.device_log.install_code_of)
    coordinator_server: ZnpServer | None = None
    ezsp_server: EzspServer | None = None
    running: asyncio.Task[None] | None = None
    stopped: asyncio.Task[bool] | None = None
    saving: asyncio.Task[None] | None = None
    try:
        bound_host, bound_port = await server.start(host, port)
        _say(
            f"serving {scenario_name} at ×{home.clock.speed:g} on tcp://{bound_host}:{bound_port}"
            " (Ctrl+C to stop)"
        )
        for note in notes or []:  # after the address line, which supervising scripts wait for
            _say(note)
        if znp is not None:
            znp_host, znp_port, policy = znp
            coordinator = EmulatedZnp(home.air, ieee=ZNP_IEEE, join_policy=policy)
            coordinator_server = ZnpServer(coordinator, announce=_say)
            znp_host, znp_port = await coordinator_server.start(znp_host, znp_port)
            _say(
                f"ZNP coordinator {ZNP_IEEE} on tcp://{znp_host}:{znp_port}"
                f" (python -m app --source znp:socket://{znp_host}:{znp_port})"
            )
        if ezsp is not None:
            ezsp_server = EzspServer(EmulatedEzsp(home.air, ieee=EZSP_IEEE), announce=_say)
            ezsp_host, ezsp_port = await ezsp_server.start(*ezsp)
            _say(
                f"EZSP coordinator {EZSP_IEEE} on tcp://{ezsp_host}:{ezsp_port}"
                f" (python -m app --source ezsp:socket://{ezsp_host}:{ezsp_port})"
            )
        running = loop.create_task(home.run(), name="emulated-home")
        stopped = loop.create_task(stop.wait(), name="stop-signal")
        if keeper is not None:
            saving = loop.create_task(autosave(home, *keeper, AUTOSAVE_EVERY_S), name="autosave")
        await asyncio.wait({running, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if running.done():
            running.result()  # the home failed: let its error out
    finally:
        tasks = [task for task in (running, stopped, saving) if task is not None]
        for task in tasks:
            task.cancel()  # the autosave saves once more as it stops
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.close()
        if coordinator_server is not None:
            await coordinator_server.close()
        if ezsp_server is not None:
            await ezsp_server.close()
    _say("stopped")
    # The stop signals stay handled (by an event nobody waits on) until the loop closes, so a
    # second Ctrl+C during the shutdown cannot turn a clean exit into a traceback.


def _coordinators(
    args: argparse.Namespace,
) -> tuple[tuple[str, int, JoinPolicy] | None, tuple[str, int] | None]:
    """Where to serve the emulated ZNP and EZSP coordinators (``--znp``, ``--ezsp``), if asked."""
    znp = (
        (*parse_znp_address(args.znp), JoinPolicy(args.znp_join)) if args.znp is not None else None
    )
    ezsp = parse_ezsp_address(args.ezsp) if args.ezsp is not None else None
    return znp, ezsp


def admit(home: EmulatedHome, admitted: list[Admitted]) -> list[str]:
    """Put each display in the hub's device log with its install code, as an installer would:
    the code given, or a new random one (nothing about the display could tell it), which is
    printed once with its EUI-64 for the installer to give that display (``--install-code``).
    A display already in the log without a code given keeps the code recorded for it. The lines
    to print, after the address line."""
    log = home.hub.device_log
    notes = []
    for ieee, code, kind in admitted:
        if code is not None:
            log.add(ieee, code, kind)
        elif not log.admits(ieee):
            entry = log.add(ieee, new_install_code(), kind)
            if ieee not in (ZNP_IEEE, EZSP_IEEE):  # a coordinator's host proves nothing: one line
                shown = format_install_code(entry.install_code)
                what = "" if kind is DeviceType.IHD else f" ({kind.value})"
                notes.append(f"admitted {ieee}{what}: install code {shown}")
        else:
            notes.append(f"{ieee} is already in the hub's device log, with its install code")
    return notes


def _label_own_display(home: EmulatedHome) -> None:
    """The home's own display carries the install code printed on its label, so it attaches with
    no settings; any other display proves a code the installer recorded."""
    if home.spec.display_ieee is None:
        return
    entry = home.hub.device_log.entries.get(t.EUI64.convert(home.spec.display_ieee))
    if entry is not None:
        entry.install_code = printed_install_code(home.spec.display_ieee)


def format_install_code(code: bytes) -> str:
    text = code.hex().upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _say(line: str) -> None:
    print(line, flush=True)  # one line at a time: a supervising script or a test reads a pipe


def _display_resolver(air: Air) -> IeeeResolver:
    """pcap addressing: every attached display is NWK 0x0000 (its own coordinator), nodes as on air."""
    nodes = air_resolver(air)

    def resolve(ieee: t.EUI64) -> int | None:
        if any(display.ieee == ieee for display in air.coordinators):
            return COORDINATOR_NWK
        return nodes(ieee)

    return resolve
