"""Everything a kiosk does with input before the device sees it, as one application event filter:

- the window cannot be closed (Alt+F4, the window manager's close) nor leave fullscreen, and keys
  that would leave it (Alt+F4, Ctrl+Q, Ctrl+W, Alt+Tab, the Super key) are dropped; Escape still
  means "back" inside the device, which never leaves it;
- any press, touch, wheel or key is activity (it keeps the display awake);
- when the display rests (ambient view or blank), the first press wakes it and is swallowed whole –
  press, moves and release – so it never acts on whatever lies under the finger;
- a long press on the top-left corner (``HOLD_S``) asks for the PIN; the release that ends it is
  swallowed too, so the button under the corner is not pressed;
- a long touch anywhere that is not a control – the ambient view, a page's words, its background –
  is the display's repeat key, for a person who cannot see where the buttons are: held for
  ``SPEECH_REPEAT_S`` it says the last thing again (or cuts it short), held for
  ``SPEECH_TOGGLE_S`` it turns speech on or off. It works on a resting display too, whose waking
  touch is swallowed as ever. A finger that slides away (a scroll) is no long touch.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QInputDevice, QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

HOLD_S: Final = 3.0
CORNER_PX: Final = 80
SPEECH_REPEAT_S: Final = 1.0
"""A touch held this long (away from controls) repeats or interrupts speech …"""
SPEECH_TOGGLE_S: Final = 3.0
"""… and held this long turns speech on or off."""
SLIDE_PX: Final = 40
"""A finger that moves further than this is scrolling, not holding."""

_PRESSES: Final = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
}
_GESTURE_REST: Final = {
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
    QEvent.Type.MouseButtonDblClick,
}
_ENDS: Final = {
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
}
_LEAVING_KEYS: Final = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Backtab, Qt.KeyboardModifier.AltModifier),
}
_SUPER_KEYS: Final = {Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R}


class KioskInputFilter(QObject):
    corner_held = Signal()
    activity = Signal()
    speech_repeat = Signal()
    """A long touch away from controls: say the last thing again, or cut it short."""
    speech_toggle = Signal()
    """A longer touch away from controls: speech on or off."""

    def __init__(
        self,
        window: QWidget,
        *,
        wake: Callable[[], bool],
        may_close: Callable[[], bool],
        hold_s: float = HOLD_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """``wake()`` is told of every press and answers whether it woke the display (and so
        must be swallowed); ``may_close()`` whether the window may close now (after the PIN)."""
        super().__init__(window)
        self._window = window
        self._monotonic = monotonic
        self._long_touch: tuple[float, QPointF] | None = None
        """When and where a press away from the controls began (a long touch, perhaps)."""
        self._wake = wake
        self._may_close = may_close
        self._swallowing = False
        self._touch_swallowed = False
        """Whether the current touch was swallowed, so Qt's mouse events made from it are too."""
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(round(hold_s * 1000))
        self._hold.timeout.connect(self._held)

    # The filter ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: C901 - one filter sees every event kind the kiosk must judge; splitting it would hide the order of the checks
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self._window:
            if self._may_close():
                return False
            event.ignore()  # an eaten close event still counts as accepted unless ignored
            return True
        if kind == QEvent.Type.WindowStateChange and watched is self._window:
            if not self._window.isFullScreen() and not self._may_close():
                QTimer.singleShot(0, self._window.showFullScreen)  # minimised or un-maximised
            return False
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if _leaves(event):
                return True
            if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                return self._pressed(None)
            return False
        if isinstance(event, QMouseEvent) and _made_from_touch(event):
            # Qt's stand-in mouse events for a touch (widgets that take no touch get these): the
            # touch itself has been judged already, and they go wherever it went.
            return self._touch_swallowed
        if kind in _ENDS or kind in (QEvent.Type.TouchUpdate, QEvent.Type.MouseMove):
            self._follow_long_touch(event, ended=kind in _ENDS)
        if self._swallowing and kind in _GESTURE_REST:
            if kind in _ENDS:
                self._swallowing = False
            return True
        if kind in _PRESSES:
            swallowed = self._pressed(_position(event))
            if kind == QEvent.Type.TouchBegin:
                self._touch_swallowed = swallowed
            return swallowed
        moving = kind in (QEvent.Type.TouchUpdate, QEvent.Type.MouseMove)
        if kind in _ENDS or (moving and self._moved_out(event)):
            self._hold.stop()
        if kind == QEvent.Type.Wheel:
            self.activity.emit()
            return self._wake()
        return False

    def _pressed(self, position: QPointF | None) -> bool:
        self.activity.emit()
        if position is not None and not self._in_corner(position) and not _on_control(position):
            self._long_touch = (self._monotonic(), position)
        if self._wake():
            self._hold.stop()
            self._swallowing = position is not None  # a key has no release worth swallowing
            return True
        if position is not None and self._in_corner(position) and not self._hold.isActive():
            self._hold.start()
        return False

    def _held(self) -> None:
        # The finger is still down: its release must not press what lies under the corner.
        self._swallowing = True
        self._touch_swallowed = True
        grabber = QWidget.mouseGrabber()
        if isinstance(grabber, QAbstractButton):
            grabber.setDown(False)
        self.corner_held.emit()

    def _follow_long_touch(self, event: QEvent, *, ended: bool) -> None:
        if self._long_touch is None:
            return
        began, start = self._long_touch
        position = _position(event)
        if position is not None and (position - start).manhattanLength() > SLIDE_PX:
            self._long_touch = None  # sliding: a scroll, not a hold
            return
        if not ended:
            return
        self._long_touch = None
        held = self._monotonic() - began
        if held >= SPEECH_TOGGLE_S:
            self.speech_toggle.emit()
        elif held >= SPEECH_REPEAT_S:
            self.speech_repeat.emit()

    # Where a press is ------------------------------------------------------------------------

    def _in_corner(self, position: QPointF) -> bool:
        origin = self._window.mapToGlobal(QPoint(0, 0))
        local = position - QPointF(origin)
        return 0 <= local.x() < CORNER_PX and 0 <= local.y() < CORNER_PX

    def _moved_out(self, event: QEvent) -> bool:
        position = _position(event)
        return position is not None and not self._in_corner(position)


def _position(event: QEvent) -> QPointF | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition()
    return None


def _on_control(position: QPointF) -> bool:
    """Whether the finger is on something that acts when touched: a button, a field, a chart –
    whatever the Tab key reaches."""
    widget = QApplication.widgetAt(position.toPoint())
    while widget is not None:
        if isinstance(widget, QAbstractButton) or widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return True
        widget = widget.parentWidget()
    return False


def _made_from_touch(event: QMouseEvent) -> bool:
    device = event.pointingDevice()
    return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen


def _leaves(event: QKeyEvent) -> bool:
    key = Qt.Key(event.key())
    if key in _SUPER_KEYS:
        return True
    modifiers = event.modifiers()
    return any(key == wanted and modifiers & modifier for wanted, modifier in _LEAVING_KEYS)
