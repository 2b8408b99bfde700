"""Runs an experience with no window (``python -m app --mode cad --headless``): a home server or a
Raspberry Pi without a screen. The same source, connection and pairing port as the windowed host
(``han_wiring``); the experience's ``create_service`` does its work (the CAD: log and feed).

Plain asyncio, no Qt. SIGTERM or SIGINT ends it cleanly: the service stops first (the CAD closes
its log and says ``offline`` on its feed), then the HAN connection, and the exit status is 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

from app.connection.base import SourceUnavailable
from app.connection.han_bridge import paired_devices
from app.host import experiences
from app.host.context import ExperienceContext, HeadlessOrders
from app.host.han_wiring import connection_for, han_access_for, source_for
from app.settings.options import Options
from han.model import HomeModel
from han.program_name import program_name

LOGGER = logging.getLogger(__name__)

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def run_headless(options: Options) -> int:
    logging.basicConfig(
        level=logging.INFO if options.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return asyncio.run(serve(options))
    except SourceUnavailable as error:
        print(f"{program_name('app')}: {error}", file=sys.stderr)
        return 1


async def serve(options: Options, stop: asyncio.Event | None = None) -> int:
    """Run until ``stop`` is set (by SIGTERM/SIGINT, or ``--quit-after``)."""
    experience = experiences.load(options.mode)
    create_service = experience.create_service
    if create_service is None:  # the command line checks this first; a direct call may not
        raise ValueError(f"{options.mode} cannot run without a window")
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in _STOP_SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread
            loop.add_signal_handler(number, stop.set)
    model = HomeModel()
    source = source_for(options, experience)
    connection = connection_for(source, model, experience)
    # An appliance waits for its source: a home server often starts before the hub's stick.
    await connection.open_or_keep_trying()
    connection.start()
    context = ExperienceContext(
        model,
        devices=lambda: paired_devices(connection.session),
        han_access=han_access_for(experience, source, connection),
    )
    service = create_service(
        context, HeadlessOrders(pair=options.pair, status_file=options.status_file)
    )
    try:
        await service.start()
        waits: list[asyncio.Future[object]] = [asyncio.ensure_future(stop.wait())]
        if options.quit_after_s is not None:
            waits.append(asyncio.ensure_future(asyncio.sleep(options.quit_after_s)))
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
            await asyncio.gather(*waits, return_exceptions=True)
        LOGGER.info("stopping")
    finally:
        await service.stop()
        await connection.close()
    return 0
