"""The pairing flow's memory of the hub, without a radio: the first hub heard after pairing is
remembered, and a different one later (a hub swap on a real HAN) forgets the pairing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.connection.han_access import HanAccess
from app.host.context import ExperienceContext
from cad.pairing_memory import Pairing, PairingMemory
from cad.view_models.pairing import HUB_REPLACED, PairingFlow
from han.model import HanClock, HomeModel

CAD = "00:0d:6f:ff:fe:00:0c:ad"


def _flow(tmp_path: Path, heard: list[str | None]) -> PairingFlow:
    async def no_pairing(_passkey: str, _find_s: float) -> None:
        raise AssertionError("not used")

    access = HanAccess(CAD, b"", no_pairing, dict, hub_ieee=lambda: heard[0])  # type: ignore[arg-type]
    return PairingFlow(
        ExperienceContext(HomeModel(), han_access=access), PairingMemory(tmp_path / "p.json")
    )


def test_the_first_hub_heard_is_remembered_and_another_one_forgets_the_pairing(
    tmp_path: Path,
) -> None:
    heard: list[str | None] = [None]
    flow = _flow(tmp_path, heard)
    flow.memory.save(Pairing(CAD, None, "remote", 1.0))
    assert not flow.check_hub()  # no hub heard yet
    heard[0] = "0d:6f:00:00:00:00:00:10"
    assert not flow.check_hub()
    remembered = flow.remembered()
    assert remembered is not None
    assert remembered.hub_ieee == "0d:6f:00:00:00:00:00:10"
    assert not flow.check_hub()  # the same hub again: nothing to do

    heard[0] = "0d:6f:00:00:00:00:00:77"
    assert flow.check_hub()
    assert flow.remembered() is None
    assert flow.notice == HUB_REPLACED


def test_the_pairing_is_remembered_on_the_hans_clock(tmp_path: Path) -> None:
    heard: list[str | None] = ["0d:6f:00:00:00:00:00:10"]
    flow = _flow(tmp_path, heard)
    han_s = 1_768_294_800.0  # Tue 13 Jan 2026 09:00, whatever the computer's calendar says
    flow.model.han_clock = HanClock(han_s, time.time())
    flow.installed()
    remembered = flow.remembered()
    assert remembered is not None
    assert remembered.paired_at_s == pytest.approx(han_s, abs=5)
