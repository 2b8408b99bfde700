"""End-to-end tests: the real app, or several processes, together. Every test here is marked
``e2e`` (``pytest -m "not e2e"`` leaves them out)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.served_sticks import STICKS, ServedStick, served_stick

# The IHD's and PPMID's own set-up, for their end-to-end tests moved here: English back after a
# test that switched to Welsh, and the PPMID's prepayment kit.
from tests.ihd.conftest import _english_afterwards  # noqa: F401
from tests.ppmid.conftest import kit  # noqa: F401

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(params=STICKS)
async def stick(request: pytest.FixtureRequest) -> AsyncIterator[ServedStick]:
    """Each coordinator stick the emulator serves, in turn (``indirect`` to choose one)."""
    async with served_stick(request.param) as served:
        yield served
