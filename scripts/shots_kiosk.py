"""Kiosk mode's screenshots, and the real fullscreen window under Xvfb."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

from shots_common import OUT, SMALL, save, settle, until

from app.host.running import RunningApp
from app.settings.options import Options
from han.model import HomeModel


async def kiosk_screens() -> None:
    """Kiosk mode's panels (``kiosk_panels``), then the real fullscreen window under Xvfb."""
    await kiosk_panels()
    _kiosk_on_xvfb()


async def kiosk_panels() -> None:
    """Kiosk mode: ``kiosk-<scene>-<language>-<width>x<height>.png`` – the ambient view (IHD, and
    a PPMID on a prepayment home with its credit), the PIN keypad, the menu and settings behind it,
    and "Reconnecting…", at 800×480 and 1024×600."""
    import tempfile

    from PySide6.QtTest import QTest

    from app.connection.han_connection import ConnectionState
    from app.kiosk.backlight import Backlight
    from app.kiosk.kiosk import Kiosk
    from app.kiosk.kiosk_settings import KioskSettings
    from app.kiosk.pin import hash_pin

    def file(scene: str, size: tuple[int, int], language: str = "en") -> str:
        return f"kiosk-{scene}-{language}-{size[0]}x{size[1]}.png"

    with tempfile.TemporaryDirectory(prefix="smets-kiosk-") as folder:
        panel = Path(folder) / "backlight" / "panel"  # the screen dims itself; pixels stay full
        panel.mkdir(parents=True)
        (panel / "max_brightness").write_text("255\n")
        (panel / "brightness").write_text("255\n")
        settings = KioskSettings(pin_hash=hash_pin("2468"))
        for mode, size in (("ihd", SMALL), ("ihd", (1024, 600)), ("ppmid", SMALL)):
            app = RunningApp(
                Options(
                    mode=mode,
                    speed=60,
                    seed=3,
                    size=size,
                    scenario=None if mode == "ihd" else "pensioner-prepay",
                )
            )
            window = await app.start()
            kiosk = Kiosk(
                window,
                app.model,
                app.settings,
                settings,
                backlight=Backlight(panel.parent),
                settings_path=Path(folder) / "settings.toml",
            )
            prepaid = mode == "ppmid"
            await until(partial(_ambient_known, app.model, prepaid=prepaid))
            for language in ("en", "cy") if size == SMALL and mode == "ihd" else ("en",):
                app.settings.set_language(language)
                kiosk.rest_now()
                await settle()
                scene = "ambient" if mode == "ihd" else "ppmid-ambient"
                await save(window, file(scene, size, language))
                if mode == "ppmid":
                    continue
                kiosk.presence.touched(0)
                kiosk._apply()
                kiosk.pin.open_panel()
                for digit in "24":
                    kiosk.pin.keypad.buttons[digit].click()
                await settle()
                await save(window, file("pin", size, language))
                for digit in "00":
                    kiosk.pin.keypad.buttons[digit].click()
                kiosk.pin.ok.click()
                await settle()
                await save(window, file("pin-wrong", size, language))
                QTest.keyClicks(kiosk.pin, "2468")
                kiosk.pin.ok.click()
                await settle()
                await save(window, file("menu", size, language))
                kiosk.menu.settings.click()
                await settle()
                await save(window, file("settings", size, language))
                kiosk.settings_panel.hide()
                window.reconnecting.follow(ConnectionState.LIVE)
                app.model.mark_lost()
                window.reconnecting.follow(ConnectionState.RECONNECTING)
                await settle()
                await save(window, file("reconnecting", size, language))
                window.reconnecting.follow(ConnectionState.LIVE)
            app.settings.set_language("en")
            kiosk.stop()
            await app.stop()


def _ambient_known(model: HomeModel, *, prepaid: bool) -> bool:
    meter = model.electricity_import_meter()
    if meter is None or meter.ambient is None:
        return False
    return not prepaid or meter.credit.balance_gbp is not None


def _kiosk_on_xvfb() -> None:
    """``python -m app --kiosk`` fullscreen on an 800×480 X server in memory, as a Pi shows it."""
    import shutil
    import subprocess
    import tempfile

    from app.kiosk.pin import hash_pin
    from app.settings import store as settings_store
    from app.settings.store import StoredSettings

    if shutil.which("Xvfb") is None:
        print("Xvfb is not installed: kiosk-800x480.png left as it was")
        return
    with tempfile.TemporaryDirectory(prefix="smets-kiosk-") as home:
        environment = dict(
            os.environ, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data"
        )
        os.environ["XDG_CONFIG_HOME"] = environment["XDG_CONFIG_HOME"]
        settings_store.save(StoredSettings().with_kiosk(pin_hash=hash_pin("2468")))
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "800x480x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
        )
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            display = ":" + announced.readline().strip()
        path = OUT / "kiosk-800x480.png"
        try:
            subprocess.run(
                [sys.executable, "-m", "app", "--kiosk", "--seed", "3", "--quit-after", "10",
                 "--screenshot", str(path)],
                env=dict(environment, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
                check=True,
                timeout=120,
            )  # fmt: skip
        finally:
            server.terminate()
            server.wait()
