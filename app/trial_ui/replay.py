"""A recorded session played back on the real display widgets, offscreen, from the record alone.

For each moment (``app/trial/replay_timeline.py``) the display's experience is built afresh on a
home model restored from the recorded state, in a host window of the recorded size, theme, language
and variant, on a clock that reads the display's own recorded time (so freshness is judged as the
display judged it: ``app/trial/display_clock.py``); it is put on the recorded screen, each screen
that recorded what it drew beyond the model (the History chart's bars) is given that again, and it
is drawn.
No screenshot was taken during the study: what is drawn is what those widgets show for that state.

A frame is the screen as drawn (``screen``) and, for people, the same with the tap drawn on it – a
ring on the control hit, a red cross for a miss – and a caption: who, when, the task, what happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from app.host import experiences
from app.host.context import ExperienceContext
from app.host.recorded_screen import SCREEN, RecordedScreen
from app.host.window import HostWindow
from app.trial.display_state import DISPLAY, DisplayState
from app.trial.model_state import restore_model
from app.trial.replay_timeline import Moment, Tap
from app.trial_ui.interaction_recorder import screen_name
from app.ui import i18n
from app.wording import GB_TIME

HIT = QColor("#1b7f3b")
MISS = QColor("#c62828")
CAPTION_PX = 54


@dataclass(frozen=True)
class Frame:
    moment: Moment
    screen: QImage
    """The display as it looked, nothing drawn on it."""
    han_s: float | None = None
    """The home's time the display showed (its own clock where it had not been told one)."""

    def marked(self, participant: str = "") -> QImage:
        """The display with the tap drawn on it and a caption underneath."""
        image = QImage(
            self.screen.width(), self.screen.height() + CAPTION_PX, QImage.Format.Format_RGB32
        )
        image.fill(QColor("#20262e"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawImage(0, 0, self.screen)
        if self.moment.tap is not None:
            draw_tap(painter, self.moment.tap, radius=22)
        caption(painter, self, participant)
        painter.end()
        return image


def draw_tap(painter: QPainter, tap: Tap, radius: float, alpha: int = 255) -> None:
    """A ring for a hit, a cross for a miss: told apart by shape as well as colour."""
    centre = QPointF(tap.x, tap.y)
    colour = QColor(MISS if tap.missed else HIT)
    colour.setAlpha(alpha)
    halo = QColor(255, 255, 255, alpha)
    for pen_colour, width in ((halo, radius / 3), (colour, radius / 6)):
        painter.setPen(QPen(pen_colour, width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if tap.missed:
            d = radius * 0.75
            painter.drawLine(centre + QPointF(-d, -d), centre + QPointF(d, d))
            painter.drawLine(centre + QPointF(-d, d), centre + QPointF(d, -d))
        else:
            painter.drawEllipse(centre, radius, radius)


def caption(painter: QPainter, frame: Frame, participant: str) -> None:
    moment = frame.moment
    width, top = frame.screen.width(), frame.screen.height()
    font = QFont()
    font.setPixelSize(18)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    first, second = caption_lines(frame, participant)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QRectF(10, top + 2, width - 20, 24), flags, first)
    painter.setPen(QColor("#ffd54f") if moment.tap and moment.tap.missed else QColor("#cfd8dc"))
    painter.drawText(QRectF(10, top + 27, width - 20, 24), flags, second)


def caption_lines(frame: Frame, participant: str) -> tuple[str, str]:
    """Who, when and the task; then what happened."""
    moment = frame.moment
    # The home's time, as on the display's own clock, not the wall clock of the study: a home
    # run faster than real time lives through an evening in minutes.
    clock = home_clock(moment.now if frame.han_s is None else frame.han_s)
    first = " · ".join(part for part in (participant, clock, moment.task) if part)
    return first, moment.caption


def home_clock(han_s: float) -> str:
    """A HAN time (Unix seconds) on a GB wall clock: day, month and time, GMT or BST."""
    when = dt.datetime.fromtimestamp(han_s, GB_TIME)
    return f"{when.day} {when:%b %H:%M:%S}"


class Replayer:
    """Draws moments of one display's recording (a QApplication must exist)."""

    def __init__(self) -> None:
        self._keys: dict[str, dict[str, str]] = {}
        """Per experience, the shell's key for each screen name."""

    def frames(self, moments: Sequence[Moment]) -> list[Frame]:
        return [Frame(moment, self.draw(moment), _han_s(moment)) for moment in moments]

    def draw(self, moment: Moment) -> QImage:
        display = DisplayState.read(moment.parts[DISPLAY])
        model = restore_model(dict(moment.parts))
        experience = experiences.load(display.mode)
        i18n.use_language(display.settings.language)
        context = ExperienceContext(model, now=lambda: moment.now, settings=display.settings)
        view = experience.create_view(context)
        window = HostWindow(experience.title, view, display.size, display.settings)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        try:
            window.show()
            # Before any screen is recorded a participant is on the home screen (the console
            # sends each new participant there).
            key = self._key_for(display.mode, view, moment.screen) or getattr(view, "home_key", "")
            if key:
                view.go_to(key)  # type: ignore[attr-defined]
            _settle()
            show_recorded_screens(window, moment.parts)
            return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        finally:
            view.close()
            window.close()
            window.deleteLater()
            # Deleted here: the commands that draw frames never run an event loop, which is where
            # a later deletion happens, so each frame's window – a whole display – would otherwise
            # live until the process ends (and be torn down by whatever loop runs next).
            QApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete)
            _settle()

    def _key_for(self, mode: str, view: QWidget, screen: str) -> str | None:
        """The shell's key of a recorded screen name (each shell's screens learnt once)."""
        if mode not in self._keys:
            keys = _screen_keys(view)
            self._keys[mode] = keys
        return self._keys[mode].get(screen)


def show_recorded_screens(window: QWidget, parts: Mapping[str, str]) -> None:
    """Each screen that recorded what it drew beyond the model draws it again (after it was put
    on show, which reads afresh what it can); then the window settles."""
    for screen in window.findChildren(QWidget):
        if isinstance(screen, RecordedScreen):
            text = parts.get(f"{SCREEN}{screen.objectName()}")
            if text is not None:
                screen.show_recorded_state(text)
    _settle()


def _han_s(moment: Moment) -> float:
    """The HAN time the display showed: as recorded, else (an older record) from its HAN clock."""
    if moment.han_s is not None:
        return moment.han_s
    return restore_model(dict(moment.parts)).han_now(moment.now)


def _screen_keys(view: QWidget) -> dict[str, str]:
    stack = getattr(view, "stack", None)
    keys = getattr(view, "descriptors", None) or getattr(view, "pages", None) or {}
    found: dict[str, str] = {}
    if not isinstance(stack, QStackedWidget):
        return found
    for key in keys:
        view.go_to(key)  # type: ignore[attr-defined]
        page = stack.currentWidget()
        if page is not None and screen_name(page):
            found.setdefault(screen_name(page), key)
    return found


def _settle() -> None:
    """Let posted events run (a shell redraws once after a burst of changes, a layout settles)."""
    application = QApplication.instance()
    assert application is not None
    for _ in range(3):
        application.processEvents()
