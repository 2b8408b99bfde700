"""Tap maps: for each screen of each display, where every participant touched it.

The screen is drawn as the replay draws it (``replay.py``), from the first recorded moment that
showed it; every tap made on it, by anyone, is marked at its recorded position – a green dot for
a tap on a control, a red cross for a tap on no control (told apart by shape as well as colour).
A legend under the screen says which display and screen, and how many taps, hits and misses; the
screen keeps its own coordinates, so a mark sits exactly where the participant's finger did.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from app.trial.replay_timeline import Moment, ReplayError, Tap, moments
from app.trial.store import TrialStore
from app.trial.study import Study
from app.trial_ui.replay import HIT, MISS

LEGEND_PX = 64
DOT_RADIUS = 9.0


@dataclass
class ScreenTaps:
    """Every tap recorded on one screen of one display, and the moment to draw the screen from."""

    display: str
    screen: str
    first: Moment
    taps: list[Tap] = field(default_factory=list)
    participants: set[str] = field(default_factory=set)

    @property
    def hits(self) -> int:
        return sum(1 for tap in self.taps if not tap.missed)

    @property
    def misses(self) -> int:
        return sum(1 for tap in self.taps if tap.missed)

    @property
    def file_name(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.display}-{self.screen}".lower()).strip("-")
        return f"tap-map-{slug}.png"


def screen_taps(sessions: Iterable[tuple[str, str, Sequence[Moment]]]) -> list[ScreenTaps]:
    """Group ``(participant, display, moments)`` by screen, in the order screens were first seen."""
    found: dict[tuple[str, str], ScreenTaps] = {}
    for participant, display, seen in sessions:
        for moment in seen:
            if not moment.screen:
                continue
            key = (display, moment.screen)
            if key not in found:
                found[key] = ScreenTaps(display, moment.screen, moment)
            if moment.tap is not None:
                found[key].taps.append(moment.tap)
                found[key].participants.add(participant)
    return [taps for taps in found.values() if taps.taps]


def recorded_taps(stores: Sequence[TrialStore], study: Study) -> list[ScreenTaps]:
    """The tap maps' contents from the record(s): every session of the study on every display."""
    sessions: list[tuple[str, str, Sequence[Moment]]] = []
    for store in stores:
        for session in store.sessions(study.id):
            for display in study.displays:
                try:
                    sessions.append(
                        (session.participant, display, moments(store, session, display))
                    )
                except ReplayError:
                    continue  # this display recorded nothing for them (e.g. on another computer)
    return screen_taps(sessions)


def draw_dot(painter: QPainter, tap: Tap) -> None:
    """A filled dot (hit) or a cross (miss), haloed in white so it shows on any screen."""
    centre = QPointF(tap.x, tap.y)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if tap.missed:
        d = DOT_RADIUS
        for colour, width in ((QColor("white"), 6.0), (MISS, 3.0)):
            painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(centre + QPointF(-d, -d), centre + QPointF(d, d))
            painter.drawLine(centre + QPointF(-d, d), centre + QPointF(d, -d))
        return
    painter.setPen(QPen(QColor("white"), 2.5))
    painter.setBrush(HIT)
    painter.drawEllipse(centre, DOT_RADIUS * 0.8, DOT_RADIUS * 0.8)


def tap_map(screen: QImage, taps: ScreenTaps) -> QImage:
    """``screen`` with every tap on it, and the legend beneath."""
    image = QImage(screen.width(), screen.height() + LEGEND_PX, QImage.Format.Format_RGB32)
    image.fill(QColor("#20262e"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawImage(0, 0, screen)
    for tap in taps.taps:
        draw_dot(painter, tap)
    font = QFont()
    font.setPixelSize(18)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    top, width = screen.height(), screen.width() - 20
    people = len(taps.participants)
    painter.drawText(
        QRectF(10, top + 4, width, 26),
        flags,
        f"{taps.display.upper()} · {taps.screen}: {_count(len(taps.taps), 'tap')} by {people} "
        f"participant{'s' if people != 1 else ''}",
    )
    painter.setPen(QColor("#cfd8dc"))
    painter.drawText(
        QRectF(10, top + 33, width, 26),
        flags,
        f"green dot: a control hit ({taps.hits}) · red cross: no control hit ({taps.misses})",
    )
    painter.end()
    return image


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def tap_maps_html(maps: Sequence[ScreenTaps]) -> str:
    """The report's section: one linked image per screen, with its counts."""
    if not maps:
        return ""
    e = html.escape
    items = "\n".join(
        f"<figure><a href='{e(m.file_name)}'><img alt='Tap map of {e(m.display)} screen "
        f"{e(m.screen)}' src='{e(m.file_name)}' width='400'></a>"
        f"<figcaption>{e(m.display.upper())} · <code>{e(m.screen)}</code>: "
        f"{_count(len(m.taps), 'tap')} "
        f"({m.hits} on a control, {m.misses} on none) by {len(m.participants)} "
        f"participant{'s' if len(m.participants) != 1 else ''}</figcaption></figure>"
        for m in maps
    )
    return f"""<h2>Tap maps</h2>
<p>Where participants touched each screen, every session together: a green dot is a tap on a
control, a red cross a tap on no control. Each screen is drawn from the record as it first looked
to a participant (a value on it may have changed later); the images are beside this page.</p>
{items}
"""
