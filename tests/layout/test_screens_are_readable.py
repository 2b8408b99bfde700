"""Every screen and state the screenshot tours reach (``scripts/shots_*.py``), in every theme and
language – at 800×480 for each, and at the larger touchscreen and desktop sizes where sampled –
shows all of its text: nothing cut off, nothing drawn over other text, no figure shrunk below its
unit.

What is still to mend is named in a tour's ``…_STILL_TO_MEND`` (the list only shrinks); anything
else found fails the test.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tests.layout.audit_camera import SIZES, SMALL, AuditCamera

LONG_MESSAGE_STILL_TO_MEND: frozenset[str] = frozenset()
KIOSK_STILL_TO_MEND: frozenset[str] = frozenset()


async def _tour(walk, sizes, known: frozenset[str] = frozenset()) -> AuditCamera:  # type: ignore[no-untyped-def]
    import shots_common

    camera = AuditCamera(sizes, known)
    shots_common.use_camera(camera)
    shots_common.PATIENCE = 4.0
    started = time.monotonic()
    try:
        await walk()
    finally:
        shots_common.use_camera(None)
        shots_common.PATIENCE = 1.0
    print(f"{len(camera.states)} states in {time.monotonic() - started:.0f} s")
    return camera


def _check(camera: AuditCamera, still_to_mend: frozenset[str] = frozenset()) -> None:
    unexpected = [
        f"{what}  {sorted(where)}"
        for what, where in sorted(camera.found.items())
        if not any(known in what for known in still_to_mend)
    ]
    assert not unexpected, "\n".join(unexpected)


@pytest.fixture
def quiet_windows(qapp: QApplication) -> Iterator[None]:
    """A tour closes one home's window before opening the next; that must not end the run."""
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


async def test_ihd_live_screens_are_readable(tours: None, quiet_windows: None) -> None:
    from shots_ihd import live

    _check(await _tour(live, SIZES))


async def test_ihd_history_tariff_budget_credit_are_readable(
    tours: None, quiet_windows: None
) -> None:
    from shots_ihd import ihd_more_screens

    _check(await _tour(ihd_more_screens, (SMALL,)))


async def test_ppmid_screens_are_readable(tours: None, quiet_windows: None) -> None:
    from shots_ppmid import ppmid_screens

    _check(await _tour(ppmid_screens, (SMALL,)))


async def test_the_longest_message_is_readable(tours: None, quiet_windows: None) -> None:
    from shots_ihd import long_message

    _check(await _tour(long_message, SIZES, LONG_MESSAGE_STILL_TO_MEND), LONG_MESSAGE_STILL_TO_MEND)


async def test_cad_screens_are_readable(tours: None, quiet_windows: None) -> None:
    from shots_cad import cad_screens

    _check(await _tour(cad_screens, SIZES))


async def test_kiosk_panels_are_readable(tours: None, quiet_windows: None) -> None:
    from shots_kiosk import kiosk_panels

    _check(await _tour(kiosk_panels, SIZES, KIOSK_STILL_TO_MEND), KIOSK_STILL_TO_MEND)
