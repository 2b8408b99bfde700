"""The HAN connection keeps trying a source that is not there yet, with growing waits, until closed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import NoReturn

import pytest

from app.connection.han_connection import Backoff, ConnectionState, HanConnection
from han.model import HomeModel


async def _until(condition: Callable[[], bool], timeout_s: float) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - the retries have no event to wait on
            await asyncio.sleep(0.02)


class _Unreachable:
    """A source that is never there: every attempt fails the way a missing stick does."""

    def __init__(self) -> None:
        self.attempts = 0
        self.closed = 0

    async def open(self) -> NoReturn:
        self.attempts += 1
        raise OSError("No such file or directory: '/dev/ttyUSB0'")

    def start(self) -> None:
        raise AssertionError("nothing to start without a radio")

    async def close(self) -> None:
        self.closed += 1


@pytest.mark.logs_warning(r"^HAN source not there yet: .*ttyUSB0")
async def test_a_source_that_is_not_there_yet_is_tried_again_with_growing_waits() -> None:
    assert list(zip(range(7), Backoff().delays(), strict=False)) == [
        (0, 1.0), (1, 2.0), (2, 4.0), (3, 8.0), (4, 16.0), (5, 30.0), (6, 30.0)
    ]  # fmt: skip
    source = _Unreachable()
    connection = HanConnection(source, HomeModel(), backoff=Backoff(0.01, 0.02))
    states: list[ConnectionState] = []
    connection.subscribe(states.append)
    await connection.open_or_keep_trying()
    assert connection.state is ConnectionState.RECONNECTING
    await _until(lambda: source.attempts >= 4, 5)
    assert "ttyUSB0" in connection.last_error
    assert connection.session is None
    assert connection.links == {}
    await connection.close()
    assert states == [ConnectionState.RECONNECTING]
    attempts = source.attempts
    await asyncio.sleep(0.05)
    assert source.attempts == attempts  # closing ended the retries
