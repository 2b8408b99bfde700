"""Render every IHD screen into docs/screenshots/ (offscreen), for the README and for review.

    python3 scripts/dev.py screenshots

Names are ``ihd-<screen>-<language>-<theme>-<width>x<height>.png``. Live screens come from the real app
on the emulated home (two supplier messages are sent first, one asking for confirmation), in English
and Welsh, standard and high contrast at 800×480, plus large text, 1024×600 and a desktop window for
the home screen. The searching and out-of-date states are the same shell given a model in that
state, since waiting for them would take minutes.
"""

from __future__ import annotations

import asyncio
import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: I001 - PySide6 before qasync

import qasync

from app import i18n, qt_messages
from app.context import ExperienceContext
from app.host import RunningApp
from app.options import Options
from app.settings import DisplaySettings
from app.window import HostWindow
from han.model import AmbientLevel, HomeModel, Measured, MeterKey, ModelChange
from ihd.shell import IhdShell

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
NOW = 1_780_000_000.0
SCREENS = ("now", "messages", "status", "settings")
SMALL = (800, 480)


def name(screen: str, language: str, theme: str, size: tuple[int, int]) -> str:
    return f"ihd-{screen}-{language}-{theme}-{size[0]}x{size[1]}.png"


async def _settle() -> None:
    """Let language and style changes (posted events) land, then a paint."""
    for _ in range(3):
        await asyncio.sleep(0.05)


async def _until(condition, timeout_s: float = 30.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting for what a person would see
            await asyncio.sleep(0.05)


def _save(widget: QWidget, file_name: str) -> None:
    path = OUT / file_name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(OUT.parent.parent)}")


def _unread_again(model: HomeModel) -> None:
    """Visiting Messages reads them; each language and theme should show the home screen's entry."""
    for message in model.messages.values():
        message.read = False
    model.announce(ModelChange(None, frozenset({"messages"})))


async def live() -> None:
    app = RunningApp(Options(speed=60, seed=3, size=SMALL))
    window = await app.start()
    shell = window.view
    assert isinstance(shell, IhdShell)
    home = app.source.home  # type: ignore[attr-defined]
    session = app.session
    assert session is not None
    now_screen = shell.screen_for("now")
    await _until(lambda: now_screen.cost_per_hour.value.text().startswith("£"))  # type: ignore[attr-defined]
    await _until(lambda: session.hub is not None and session.hub.attached.is_set())
    home.send_message("Your new tariff starts on 1 July.")
    home.send_message("Engineers visit your street Tue 9-11am. Supply may be off.", confirm=True)
    await _until(lambda: app.model.unread_messages == 2)
    for language in ("en", "cy"):
        for theme in ("standard", "contrast"):
            app.settings.set_language(language)
            app.settings.set_theme(theme)
            _unread_again(app.model)
            for screen in SCREENS:
                shell.go_to(screen)
                await _settle()
                _save(window, name(screen, language, theme, SMALL))
    app.settings.set_language("en")
    for theme, size in (("large", SMALL), ("standard", (1024, 600)), ("standard", (1280, 720))):
        app.settings.set_theme(theme)
        window.resize(*size)
        _unread_again(app.model)
        shell.go_to("now")
        await _settle()
        _save(window, name("now", "en", theme, size))
    await app.stop()


async def still(model: HomeModel, state: str, language: str) -> None:
    settings = DisplaySettings(language=language)
    i18n.use_language(language)
    shell = IhdShell(ExperienceContext(model, now=lambda: NOW, settings=settings))
    window = HostWindow("In-Home Display", shell, SMALL, settings)
    window.show()
    await _settle()
    _save(window, name(state, language, "standard", SMALL))
    window.close()


def _measured_home(at: float) -> HomeModel:
    model = HomeModel()
    meter = model.meter(MeterKey("0d:6f:00:00:00:00:00:01", 1))
    meter.demand_kw = Measured(Decimal("2.874"), at)
    meter.today_import_kwh = Measured(Decimal("9.41"), at)
    meter.ambient = Measured(AmbientLevel.MEDIUM, at)
    meter.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.2450"), at)
    meter.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.6012"), at)
    model.mark_connected()
    return model


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    await live()
    for language in ("en", "cy"):
        await still(HomeModel(), "searching", language)
        await still(_measured_home(NOW - 300), "out-of-date", language)


if __name__ == "__main__":
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    qasync.run(main())
