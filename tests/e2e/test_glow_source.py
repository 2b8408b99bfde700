"""The IHD on a Glow feed, end to end: an emulated served home → the headless CAD publishing its
Glow feed → a real Mosquitto → the IHD on ``glow://``. Its screen shows what an IHD on the home
itself shows."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.cli import parse
from app.connection.glow_connection import GlowConnection
from app.connection.han_access import CAD_IEEE, install_code_for
from app.host.running import RunningApp
from app.settings.options import Options
from han.model import Fuel
from ihd.pages.home import HomeScreenView
from ihd.shell import IhdShell
from tests.cad.mosquitto import running_broker
from tests.e2e.test_cad_headless import DEVICE_ID, HeadlessCad, _cad
from tests.e2e.test_serve import ServeProcess, serve  # noqa: F401 - the served home's fixture


async def _until(condition: Callable[[], bool], timeout_s: float) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on other processes and on the screen
            await asyncio.sleep(0.05)


def _now_screen(app: RunningApp) -> HomeScreenView:
    assert app.window is not None
    shell = app.window.view
    assert isinstance(shell, IhdShell)
    view = shell.screen_for("now")
    assert isinstance(view, HomeScreenView)
    return view


def _figures(view: HomeScreenView) -> tuple[str, str, str]:
    today = view.today[Fuel.ELECTRICITY]
    return view.demand.value.text(), today.value.text(), today.unit.text()


@pytest.mark.logs_warning(r"Glow feed", r"supplier")
async def test_the_ihd_on_a_glow_feed_shows_what_an_ihd_on_the_home_shows(
    serve: type[ServeProcess],  # noqa: F811
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    # A month of past, so the meters know this month's figures (the feed waits for them).
    # The installer types in the install code on the CAD's label.
    cad_entry = f"{CAD_IEEE}={install_code_for(CAD_IEEE).hex()}"
    home = serve("--scenario", "family-dual-fuel", "--history-days", "35", "--listen",
                 "127.0.0.1:0", "--admit", cad_entry)  # fmt: skip
    url = home.read_until(r"on (tcp://127\.0\.0\.1:\d+)").group(1)
    with running_broker(tmp_path) as port:
        assert _cad("feed", "--broker", f"127.0.0.1:{port}").returncode == 0
        cad = HeadlessCad("--source", url, "--display-ieee", CAD_IEEE, "--supplier")
        on_home = RunningApp(Options(source=url, size=(800, 480)), history_path=tmp_path / "a.db")
        on_glow = RunningApp(
            parse(["--source", f"glow://127.0.0.1:{port}/{DEVICE_ID}", "--size", "800x480"]),
            history_path=tmp_path / "b.db",
        )
        assert isinstance(on_glow.connection, GlowConnection)
        try:
            await on_home.start()
            await on_glow.start()
            reference, shown = _now_screen(on_home), _now_screen(on_glow)
            await _until(lambda: shown.today[Fuel.ELECTRICITY].value.text().startswith("£"), 90)
            # Both screens say the same demand and today's £ and kWh (demand moves every ~10 s,
            # so wait for a moment both have the same reading).
            await _until(lambda: _figures(reference) == _figures(shown), 60)
            assert shown.demand.value.text()[0].isdigit()
            assert shown.cost_per_hour.value.text() == reference.cost_per_hour.value.text()
            assert not shown.demand.is_stale
            glow_meter = on_glow.model.electricity_import_meter()
            assert glow_meter is not None
            assert glow_meter.tariff.standing_charge_gbp_per_day is not None
            assert on_glow.connection.bad_messages == {}

            # History builds up from the feed: today's running figure is in the store.
            await on_glow.history_opened()
            assert on_glow.history is not None
            store = on_glow.history.store
            assert store is not None
            key = str(glow_meter.key)
            rows: list[object] = []

            async def stored() -> None:
                rows[:] = await store.periods(key, "energy", "day")

            async with asyncio.timeout(10):
                while not rows:
                    await stored()
                    await asyncio.sleep(0.2)
        finally:
            await on_glow.stop()
            await on_home.stop()
            assert cad.stop(timeout_s=10) == 0
    assert home.stop() == 0
