"""The NCP's end of an ASH link: frame numbers, acknowledgements, rejection and retransmission.

As UG101 has it:
- the host's RST resets the NCP; it answers RSTACK (reset code "software") and both directions
  start again at frame number 0;
- a DATA frame from the host with the frame number expected is accepted, its EZSP frame handed up,
  and acknowledged – by the next DATA frame the NCP sends (its ackNum field), or by an ACK when it
  has nothing to send; a retransmitted copy of a frame already accepted is acknowledged again and
  dropped; any other frame out of sequence, or a DATA frame that fails its CRC, is answered with a
  NAK, once, until a good frame clears the "reject condition";
- the NCP sends at most ``WINDOW`` DATA frames ahead of the host's acknowledgements; the host's
  ackNum (in its ACK, NAK or DATA frames) frees those it has; a NAK, or no acknowledgement within
  the timeout, sends the unacknowledged frames again with the retransmission flag set;
- the timeout adapts as UG101 says (7/8 of itself plus half the time an acknowledgement took,
  doubled on every timeout, between 0.4 and 3.2 s); after ``MAX_TIMEOUTS`` timeouts in a row the
  NCP gives up: it sends ERROR ("exceeded maximum ACK timeout count") and waits for an RST.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable

from home_emulator.ezsp import ash
from home_emulator.ezsp.ash import Ack, AshFrame, Corrupt, Data, Nak, ResetCode, Rst, RstAck

LOGGER = logging.getLogger(__name__)

WINDOW = 5
"""DATA frames the NCP sends ahead of acknowledgements: UG101's TX_K for an EmberZNet NCP."""
T_RX_ACK_INIT_S = 1.6
T_RX_ACK_MIN_S = 0.4
T_RX_ACK_MAX_S = 3.2
MAX_TIMEOUTS = 4
QUEUE_LIMIT = 512
"""Callbacks waiting for the window before new ones are dropped (a host that stopped reading)."""


class AshLink:
    """``receive`` takes the host's frames; ``send`` queues EZSP frames for it. ``write`` puts
    bytes on the line, ``deliver`` hands the host's EZSP frames up, ``on_reset`` resets the NCP."""

    def __init__(
        self,
        write: Callable[[bytes], None],
        deliver: Callable[[bytes], None],
        on_reset: Callable[[], None],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._write = write
        self._deliver = deliver
        self._on_reset = on_reset
        self._clock = clock
        self._tx_next = 0
        self._rx_expected = 0
        self._unacked: deque[tuple[Data, float]] = deque()
        self._queue: deque[bytes] = deque()
        self._rejecting = False
        self._ack_owed = False
        self._failed = False
        self._timeouts = 0
        self.t_rx_ack_s = T_RX_ACK_INIT_S
        self._timer: asyncio.Handle | None = None
        self._timer_at = 0.0
        """When the pending timer fires (qasync's handles do not say)."""
        self._deadline = 0.0
        """When, on the loop's clock, the oldest unacknowledged frame times out."""
        self.frames_dropped = 0
        self.retransmissions = 0

    # From the host -----------------------------------------------------------------------

    def receive(self, frame: AshFrame | Corrupt) -> None:
        if isinstance(frame, Rst):
            self._reset()
        elif self._failed:
            return  # only an RST brings a failed NCP back
        elif isinstance(frame, Corrupt):
            if frame.was_data:
                self._reject()
        elif isinstance(frame, Data):
            self._acknowledged(frame.ack_number)
            self._data(frame)
        elif isinstance(frame, Ack):
            self._acknowledged(frame.ack_number)
            self._pump()
        elif isinstance(frame, Nak):
            self._acknowledged(frame.ack_number)
            self._retransmit()
        # RSTACK and ERROR come from an NCP, never to one: ignored.

    def _data(self, frame: Data) -> None:
        if frame.frame_number != self._rx_expected:
            if frame.retransmitted:
                self._send_frame(Ack(self._rx_expected))  # a copy of one we have: ack again
            else:
                self._reject()
            return
        self._rx_expected = (self._rx_expected + 1) & 7
        self._rejecting = False
        self._ack_owed = True
        self._deliver(frame.payload)  # the answer goes out as this frame's acknowledgement
        self._pump()
        if self._ack_owed:
            self._send_frame(Ack(self._rx_expected))
            self._ack_owed = False

    def _reject(self) -> None:
        if not self._rejecting:
            self._rejecting = True
            self._send_frame(Nak(self._rx_expected))

    def _acknowledged(self, ack_number: int) -> None:
        """The host expects frame ``ack_number`` next: every frame before it has arrived."""
        outstanding = [data.frame_number for data, _ in self._unacked]
        if ack_number not in outstanding and ack_number != self._tx_next:
            return  # an old acknowledgement, or nonsense: nothing to free
        freed = False
        while self._unacked and self._unacked[0][0].frame_number != ack_number:
            _, sent_at = self._unacked.popleft()
            freed = True
            self._adapt_timeout(self._clock() - sent_at)
        if freed:
            self._timeouts = 0
            self._restart_timer()

    def _adapt_timeout(self, took_s: float) -> None:
        self.t_rx_ack_s = _bounded(7 / 8 * self.t_rx_ack_s + took_s / 2)

    def _reset(self) -> None:
        self._cancel_timer()
        self._tx_next = self._rx_expected = 0
        self._unacked.clear()
        self._queue.clear()
        self._rejecting = self._ack_owed = self._failed = False
        self._timeouts = 0
        self.t_rx_ack_s = T_RX_ACK_INIT_S
        self._on_reset()
        self._send_frame(RstAck(ResetCode.SOFTWARE))

    # To the host -------------------------------------------------------------------------

    def send(self, payload: bytes, *, droppable: bool = False) -> None:
        """Queue an EZSP frame for the host; a droppable one (a callback) is dropped when the
        host has stopped taking frames, as a full NCP buffer would drop it."""
        if self._failed:
            return
        if droppable and len(self._queue) >= QUEUE_LIMIT:
            if not self.frames_dropped:
                LOGGER.warning("the EZSP host is not keeping up: dropping callbacks")
            self.frames_dropped += 1
            return
        self._queue.append(payload)
        self._pump()

    def _pump(self) -> None:
        while self._queue and len(self._unacked) < WINDOW:
            data = Data(self._tx_next, False, self._rx_expected, self._queue.popleft())
            self._tx_next = (self._tx_next + 1) & 7
            self._unacked.append((data, self._clock()))
            self._send_frame(data)
            self._ack_owed = False  # the frame carries the acknowledgement
            if self._timer is None:
                self._restart_timer()

    def _retransmit(self) -> None:
        again = [
            Data(data.frame_number, True, self._rx_expected, data.payload)
            for data, _ in self._unacked
        ]
        # Recorded before any is written: the host may acknowledge one as it is written.
        self._unacked = deque((data, self._clock()) for data in again)
        self._ack_owed = False
        self._restart_timer()
        for data in again:
            self.retransmissions += 1
            self._send_frame(data)

    def _send_frame(self, frame: AshFrame) -> None:
        self._write(ash.encode(frame))

    # The acknowledgement timer ------------------------------------------------------------

    def _restart_timer(self) -> None:
        """The timeout starts again (an acknowledgement came, frames were sent again). This
        happens for nearly every frame, so the deadline moves and the one pending loop timer
        stays – cancelling and scheduling one each time costs a Qt timer each under the app's
        loop; a timer that fires before the deadline waits on for the rest."""
        if not self._unacked:
            self._cancel_timer()
            return
        loop = asyncio.get_running_loop()
        self._deadline = loop.time() + self.t_rx_ack_s
        if self._timer is not None and self._timer_at <= self._deadline:
            return  # it fires first and waits on
        self._cancel_timer()
        self._timer_at = self._deadline
        self._timer = loop.call_at(self._deadline, self._timer_fired)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _timer_fired(self) -> None:
        self._timer = None
        if not self._unacked:
            return
        loop = asyncio.get_running_loop()
        if loop.time() < self._deadline:
            self._timer_at = self._deadline
            self._timer = loop.call_at(self._deadline, self._timer_fired)
            return
        self._timed_out()

    def _timed_out(self) -> None:
        self._timeouts += 1
        self.t_rx_ack_s = _bounded(2 * self.t_rx_ack_s)
        if self._timeouts >= MAX_TIMEOUTS:
            LOGGER.warning("the EZSP host stopped acknowledging: the NCP waits for a reset")
            self._failed = True
            self._unacked.clear()
            self._queue.clear()
            self._send_frame(ash.Error(ResetCode.EXCEEDED_MAXIMUM_ACK_TIMEOUT_COUNT))
            return
        self._retransmit()

    def close(self) -> None:
        self._cancel_timer()


def _bounded(seconds: float) -> float:
    return max(T_RX_ACK_MIN_S, min(T_RX_ACK_MAX_S, seconds))
