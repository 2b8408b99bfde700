"""Kiosk mode on a real Qt window: nothing but the corner press and the PIN leaves it; it rests
after inactivity and the waking touch never reaches the widget under the finger."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.host.window import HostWindow
from app.kiosk.backlight import Backlight
from app.kiosk.kiosk import RESTING_BRIGHTNESS, Kiosk
from app.kiosk.kiosk_settings import KioskSettings
from app.kiosk.pin import hash_pin
from app.settings import store as settings_store
from app.settings.display_settings import DisplaySettings
from han.model import HomeModel

PIN = "4711"
HOLD_S = 0.2


class Device(QWidget):
    """A stand-in device: a button in the middle and one in the top-left corner, counting."""

    def __init__(self) -> None:
        super().__init__()
        self.middle = QPushButton("Middle")
        self.corner = QPushButton("Corner")
        self.presses = {"middle": 0, "corner": 0}
        self.middle.clicked.connect(lambda: self._count("middle"))
        self.corner.clicked.connect(lambda: self._count("corner"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.corner, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.middle, 1, 1)

    def _count(self, which: str) -> None:
        self.presses[which] += 1


class Clock:
    def __init__(self) -> None:
        self.seconds = 1000.0
        self.local = datetime(2026, 11, 21, 14, 0)


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    """A backlight as Linux offers one in /sys/class/backlight."""
    device = tmp_path / "backlight" / "rpi_backlight"
    device.mkdir(parents=True)
    (device / "max_brightness").write_text("255\n")
    (device / "brightness").write_text("255\n")
    return device


@pytest.fixture
def kiosk(qtbot: QtBot, panel: Path, tmp_path: Path) -> Iterator[tuple[Kiosk, Device, Clock]]:
    device = Device()
    display = DisplaySettings()
    window = HostWindow("In-Home Display", device, (800, 480), display)
    qtbot.addWidget(window)
    clock = Clock()
    settings = KioskSettings(pin_hash=hash_pin(PIN), brightness_percent=80, dim_after_s=60)
    kiosk = Kiosk(
        window,
        HomeModel(),
        display,
        settings,
        backlight=Backlight(panel.parent),
        monotonic=lambda: clock.seconds,
        local_now=lambda: clock.local,
        settings_path=tmp_path / "settings.toml",
        hold_s=HOLD_S,
    )
    kiosk.start()
    qtbot.waitExposed(window)
    yield kiosk, device, clock
    kiosk.pin.close_panel()  # a test may leave it open, waiting for the next digit
    kiosk.leaving = True
    kiosk.stop()
    window.close()


def _brightness(panel: Path) -> int:
    return int((panel / "brightness").read_text())


def test_the_kiosk_is_fullscreen_frameless_and_without_a_pointer(
    kiosk: tuple[Kiosk, Device, Clock],
) -> None:
    k, _device, _clock = kiosk
    assert k.window.isFullScreen()
    assert k.window.windowFlags() & Qt.WindowType.FramelessWindowHint
    cursor = QApplication.overrideCursor()
    assert cursor is not None
    assert cursor.shape() == Qt.CursorShape.BlankCursor


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_escape_keys_and_closing_do_not_leave(
    qtbot: QtBot,
    kiosk: tuple[Kiosk, Device, Clock],
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    k, _device, _clock = kiosk
    QTest.keyClick(k.window, key, modifier)
    assert k.window.isVisible()
    assert k.window.close() is False  # what Alt+F4 and the window manager's close come to
    event = QCloseEvent()
    QApplication.sendEvent(k.window, event)
    assert not event.isAccepted()
    qtbot.wait(50)
    assert k.window.isVisible()
    assert not _host_window(k).closed.is_set()


def test_the_window_goes_back_to_fullscreen_if_anything_takes_it_out(
    qtbot: QtBot, kiosk: tuple[Kiosk, Device, Clock]
) -> None:
    k, _device, _clock = kiosk
    k.window.showNormal()
    qtbot.waitUntil(k.window.isFullScreen, timeout=2000)
    k.window.showMinimized()
    qtbot.waitUntil(k.window.isFullScreen, timeout=2000)


def _host_window(k: Kiosk) -> HostWindow:
    """The kiosk holds any window; here it is the host's, which says when it has closed."""
    assert isinstance(k.window, HostWindow)
    return k.window


def _hold_corner(qtbot: QtBot, k: Kiosk) -> None:
    """A finger held on the top-left corner (where the device has a button)."""
    device = _host_window(k).view
    assert isinstance(device, Device)
    corner = device.corner
    assert corner.mapTo(k.window, QPoint(5, 5)) == QPoint(5, 5)
    QTest.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: k.pin.isVisible(), timeout=3000)
    QTest.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def _type_pin(k: Kiosk, pin: str) -> None:
    for digit in pin:
        k.pin.keypad.buttons[digit].click()
    k.pin.ok.click()


def test_a_long_press_on_the_corner_and_the_pin_leave_kiosk_mode(
    qtbot: QtBot, kiosk: tuple[Kiosk, Device, Clock]
) -> None:
    k, device, _clock = kiosk
    QTest.mouseClick(device.corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.wait(int(HOLD_S * 2000))
    assert not k.pin.isVisible()  # a tap is only a tap
    _hold_corner(qtbot, k)
    assert device.presses["corner"] == 1  # the tap above; the long press pressed nothing
    _type_pin(k, "0000")
    assert "not right" in k.pin.message.text()
    assert not k.menu.isVisible()
    _type_pin(k, PIN)
    assert k.menu.isVisible()
    k.menu.leave.click()
    assert _host_window(k).closed.is_set()
    assert not k.window.isVisible()
    assert QApplication.overrideCursor() is None


def test_five_wrong_pins_lock_the_keypad(qtbot: QtBot, kiosk: tuple[Kiosk, Device, Clock]) -> None:
    k, _device, _clock = kiosk
    _hold_corner(qtbot, k)
    for _ in range(5):
        _type_pin(k, "9999")
    assert "Too many wrong PINs" in k.pin.message.text()
    _type_pin(k, PIN)
    assert not k.menu.isVisible()


def test_inactivity_rests_and_the_waking_touch_presses_nothing(
    qtbot: QtBot, kiosk: tuple[Kiosk, Device, Clock], panel: Path
) -> None:
    k, device, clock = kiosk
    assert _brightness(panel) == round(255 * 0.8)
    clock.seconds += 59
    k._tick()
    assert not k.ambient.isVisible()
    clock.seconds += 1
    k._tick()
    assert k.ambient.isVisible()
    assert _brightness(panel) == round(255 * 0.8 * RESTING_BRIGHTNESS)
    QTest.mouseClick(device.middle, Qt.MouseButton.LeftButton)
    assert device.presses["middle"] == 0  # the waking touch did not reach the button
    assert not k.ambient.isVisible()
    assert _brightness(panel) == round(255 * 0.8)
    QTest.mouseClick(device.middle, Qt.MouseButton.LeftButton)
    assert device.presses["middle"] == 1  # awake: the next touch acts


def test_a_finger_that_wakes_the_screen_presses_nothing(
    qtbot: QtBot, kiosk: tuple[Kiosk, Device, Clock]
) -> None:
    """The same with a real touch sequence, for which Qt also makes mouse events."""
    k, device, clock = kiosk
    touchscreen = QTest.createTouchDevice()
    middle = device.middle.mapTo(k.window, device.middle.rect().center())

    def tap() -> None:
        QTest.touchEvent(k.window, touchscreen).press(0, middle, k.window).commit()
        QTest.touchEvent(k.window, touchscreen).release(0, middle, k.window).commit()
        qtbot.wait(20)

    tap()
    assert device.presses["middle"] == 1  # awake: a tap presses
    clock.seconds += 60
    k._tick()
    assert k.ambient.isVisible()
    tap()
    assert not k.ambient.isVisible()
    assert device.presses["middle"] == 1  # the waking tap did not
    tap()
    assert device.presses["middle"] == 2


def test_the_night_blanks_and_a_touch_shows_the_ambient_view(
    qtbot: QtBot, kiosk: tuple[Kiosk, Device, Clock], panel: Path
) -> None:
    k, device, clock = kiosk
    clock.local = datetime(2026, 11, 21, 23, 30)
    clock.seconds += 60
    k._tick()
    assert k.night.isVisible()
    assert _brightness(panel) == 0
    QTest.mouseClick(device.middle, Qt.MouseButton.LeftButton)
    assert device.presses["middle"] == 0
    assert k.ambient.isVisible()
    assert not k.night.isVisible()


def test_software_dimming_where_there_is_no_backlight(qtbot: QtBot, tmp_path: Path) -> None:
    device = Device()
    display = DisplaySettings()
    window = HostWindow("In-Home Display", device, (800, 480), display)
    qtbot.addWidget(window)
    kiosk = Kiosk(
        window,
        HomeModel(),
        display,
        KioskSettings(pin_hash=hash_pin(PIN), brightness_percent=50),
        backlight=Backlight(tmp_path / "none"),
        settings_path=tmp_path / "settings.toml",
    )
    kiosk.start()
    try:
        assert not kiosk.backlight.available
        assert kiosk.shade.isVisible()
        assert kiosk.shade.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        QTest.mouseClick(device.middle, Qt.MouseButton.LeftButton)
        assert device.presses["middle"] == 1  # touches go through the shade
    finally:
        kiosk.leaving = True
        kiosk.stop()
        window.close()


def test_settings_behind_the_pin_are_checked_then_written(
    qtbot: QtBot, kiosk: tuple[Kiosk, Device, Clock], tmp_path: Path
) -> None:
    k, _device, _clock = kiosk
    path = tmp_path / "settings.toml"
    _hold_corner(qtbot, k)
    _type_pin(k, PIN)
    k.menu.settings.click()
    panel = k.settings_panel
    assert panel.isVisible()
    panel.brightness.more.click()
    panel.themes["contrast"].click()
    panel.source.setText("zigbee")
    panel.source.textEdited.emit("zigbee")
    panel.save_button.click()
    assert "Not saved: kiosk.source" in panel.message.text()
    assert not path.exists()  # nothing written
    panel.source.textEdited.emit("emulator")
    panel.save_button.click()
    assert not panel.isVisible()
    stored = settings_store.load(path).settings
    assert stored.kiosk.brightness_percent == 90
    assert stored.theme == "contrast"
    assert k.display.theme == "contrast"
    assert k.settings.brightness_percent == 90
