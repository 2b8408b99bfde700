"""The CAD with no screen (``python -m cad run``): it pairs when told to, then logs the meters,
publishes the feed and keeps ``python -m cad status`` informed, until the host stops it.

The same parts and rules as the windowed CAD (``shell``), from ``cad.pairing_rules``: the pairing
flow and its memory, the logger, the feed control, the meters' site ids. Qt-free: it runs on a
server without a display.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, Final

from app.host.context import ExperienceContext, HeadlessOrders
from cad.feed.mqtt import FeedStatus
from cad.log.logger import CadLogger
from cad.meters import electricity_meter
from cad.pairing_memory import PairingMemory, default_db_path
from cad.pairing_rules import CadPairing, Turn
from cad.status_file import CadStatus, StatusFile
from cad.view_models.pairing import MESSAGES
from han.links.pairing import PairingOutcome
from han.model import ModelChange

LOGGER = logging.getLogger(__name__)

STATUS_EVERY_S: Final = 5.0
"""The status file is rewritten at most this often while readings arrive."""
PASSKEY_RETRY_S: Final = 15.0
"""A hub not listening (its button not pressed yet) or not answering is asked again this often."""


def say(line: str) -> None:
    """What the person running it must read, whatever the log level (systemd's journal keeps it)."""
    print(f"cad: {line}", flush=True)


class HeadlessCad:
    def __init__(
        self,
        context: ExperienceContext,
        orders: HeadlessOrders,
        *,
        memory: PairingMemory | None = None,
        db_path: Path | None = None,
    ) -> None:
        self.context = context
        self.orders = orders
        self.db_path = db_path or default_db_path()
        self.rules = CadPairing(context, memory)
        self.flow = self.rules.flow
        self.feed_control = self.rules.feed_control
        self.feed_control.subscribe(self._feed_changed)
        self.status_file = StatusFile(orders.status_file)
        self.logger: CadLogger | None = None
        self.paired = False
        self.running = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._unsubscribe = lambda: None
        self._status_due: asyncio.TimerHandle | None = None
        self._last_status_s = 0.0

    # Life -------------------------------------------------------------------------------------

    async def start(self) -> None:
        self.running = True
        self._unsubscribe = self.context.model.subscribe(self._model_changed)
        if self.flow.restore():
            await self._on_paired()
        else:
            self._ask_to_pair()
        self._write_status()

    async def stop(self) -> None:
        """Stop pairing, the feed (it says ``offline``) and the logger (its file closed)."""
        self.running = False
        self._unsubscribe()
        if self._status_due is not None:
            self._status_due.cancel()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.rules.close()
        logger, self.logger = self.logger, None
        if logger is not None:
            await logger.stop()
        self._write_status()

    # Pairing ----------------------------------------------------------------------------------

    def _ask_to_pair(self) -> None:
        access = self.flow.access
        order = self.orders.pair
        if self.flow.notice is not None:
            say(self.flow.notice)
        if access is None:
            say("this source has no HAN radio to pair with")
            return
        if order is None:
            if access.demo is not None:  # the embedded home's label, read for the person
                say(f"the demo hub's passkey is {access.demo.passkey}")
            say(
                f"not paired: waiting for the hub to admit {self.flow.display_ieee} "
                "(python -m cad run --passkey DIGITS, or --supplier)"
            )
            return
        if order == "supplier":
            self._pair_by_supplier()
        else:
            self._spawn(self._pair_by_passkey(order.partition(":")[2]))

    def _pair_by_supplier(self) -> None:
        demo = self.flow.access.demo if self.flow.access is not None else None
        if demo is None:
            # A real supplier pairs over the WAN: the person quotes these and the CAD waits for
            # readings, which come once the hub's device log holds it.
            say(
                f"ask your supplier to pair this CAD: EUI-64 {self.flow.display_ieee}, "
                f"install code {self.flow.install_code_text}; it starts logging once they have"
            )
            return
        demo.issue_cin()  # the embedded home stands in for the person and the supplier's agent
        cin = demo.cin_on_display or ""
        ok, answer = demo.request_pairing(
            self.flow.display_ieee, self.flow.access.install_code if self.flow.access else b"", cin
        )
        if not ok:
            say(f"the supplier did not pair this CAD: {answer}")
            return
        self.flow.paired_remotely()
        say("paired by the supplier")
        self._spawn(self._on_paired())

    async def _pair_by_passkey(self, digits: str) -> None:
        demo = self.flow.access.demo if self.flow.access is not None else None
        if demo is not None:
            demo.press_pairing_button()  # on the embedded home, the demo presses the hub's button
        said: set[str] = set()
        while not self.paired:
            attempt = await self.flow.by_passkey(digits)
            if attempt.paired:
                say("paired with the hub's passkey")
                await self._on_paired()
                return
            if attempt.message not in said:  # each refusal once, not every retry
                said.add(attempt.message)
                say(attempt.message.replace("%1", attempt.argument))
            if attempt.message == MESSAGES[PairingOutcome.WRONG_PASSKEY]:
                return
            await asyncio.sleep(PASSKEY_RETRY_S)

    async def _on_paired(self) -> None:
        if self.paired or not self.running:
            return
        self.paired = True
        logger = self.rules.logger(self.db_path)
        if logger is not None:
            await logger.start()
            self.logger = logger
        self.rules.now_paired()
        say(f"logging to {self.db_path}; feed {self.feed_control.status.value}")
        self._write_status()

    async def _back_to_unpaired(self) -> None:
        self.paired = False
        self.rules.now_unpaired()
        logger, self.logger = self.logger, None
        if logger is not None:
            await logger.stop()
        self._ask_to_pair()
        self._write_status()

    # What happens -----------------------------------------------------------------------------

    def _model_changed(self, change: ModelChange) -> None:
        if not self.running:
            return
        turn = self.rules.turn(change, paired=self.paired)
        if turn is Turn.HUB_REPLACED:
            self._spawn(self._back_to_unpaired())
            return
        if turn is Turn.PAIRED:
            self._spawn(self._on_paired())
        self._status_soon()

    def _feed_changed(self, _status: FeedStatus) -> None:
        if self.running:
            self._write_status()

    def _spawn(self, job: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(job)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # Status -----------------------------------------------------------------------------------

    def _status_soon(self) -> None:
        if self._status_due is not None:
            return
        wait = max(0.0, self._last_status_s + STATUS_EVERY_S - time.monotonic())
        self._status_due = asyncio.get_running_loop().call_later(wait, self._status_now)

    def _status_now(self) -> None:
        self._status_due = None
        if self.running:
            self._write_status()

    def _write_status(self) -> None:
        self._last_status_s = time.monotonic()
        pairing = self.flow.remembered()
        meter = electricity_meter(self.context.model)
        try:
            self.status_file.write(
                CadStatus(
                    running=self.running,
                    pid=os.getpid(),
                    display_ieee=self.flow.display_ieee,
                    paired=self.paired,
                    hub_ieee=pairing.hub_ieee if pairing is not None else None,
                    pairing_method=pairing.method if pairing is not None else None,
                    last_reading_s=meter.last_updated if meter is not None else None,
                    feed=self.feed_control.status.value,
                    feed_why=self.feed_control.why or (self.feed_control.problem or ""),
                    log_path=str(self.db_path),
                    written_at_s=time.time(),
                )
            )
        except OSError as error:  # a full disk: the CAD keeps logging, the status waits
            LOGGER.warning("cannot write the status file %s: %s", self.status_file.path, error)
