"""Tap maps: for each screen of each display, where every participant touched it.

The screen is drawn as the replay draws it (``replay.py``), from the first recorded moment that
showed it; every tap made on it, by anyone, is marked at its recorded position – a green dot for
a tap on a control, a red cross for a tap on no control (told apart by shape as well as colour).
Taps at one spot are marked once with
their count beside. A legend under the screen says which display and screen, and how many taps, hits and misses; the
screen keeps its own coordinates, so a mark sits exactly where the participant's finger did.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
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
    """Every tap recorded on one screen of one display (under one design variant, when the study
    compares them: a screen laid out differently is a different map), and the moment to draw the
    screen from – the first tap's, so the screen looks as it did to a participant in a task."""

    display: str
    variant: str
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
    def title(self) -> str:
        variant = f" ({self.variant})" if self.variant else ""
        return f"{self.display.upper()}{variant} · {self.screen}"

    @property
    def file_name(self) -> str:
        name = "-".join(part for part in (self.display, self.variant, self.screen) if part)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        return f"tap-map-{slug}.png"


@dataclass(frozen=True)
class Seen:
    """One participant's moments on one display, and the design variant of each task run."""

    participant: str
    display: str
    moments: Sequence[Moment]
    variants: Mapping[int, str] = field(default_factory=dict)


def screen_taps(sessions: Iterable[Seen]) -> list[ScreenTaps]:
    """Group the taps made during tasks by display, variant and screen, in the order first seen.

    Only taps while a task is under way count: between tasks the display shows the
    questionnaires, which cover the screen and are not part of the design tested."""
    found: dict[tuple[str, str, str], ScreenTaps] = {}
    for seen in sessions:
        for moment in seen.moments:
            tap = moment.tap
            if tap is None or not moment.task or not moment.screen:
                continue
            variant = seen.variants.get(moment.event.task_run_id or 0, "")
            key = (seen.display, variant, moment.screen)
            if key not in found:
                found[key] = ScreenTaps(seen.display, variant, moment.screen, moment)
            found[key].taps.append(tap)
            found[key].participants.add(seen.participant)
    return list(found.values())


def recorded_taps(stores: Sequence[TrialStore], study: Study) -> list[ScreenTaps]:
    """The tap maps' contents from the record(s): every session of the study on every display."""
    sessions: list[Seen] = []
    for store in stores:
        for session in store.sessions(study.id):
            variants = {run.id: run.variant for run in store.task_runs(session.id)}
            for display in study.displays:
                try:
                    found = moments(store, session, display)
                except ReplayError:
                    continue  # this display recorded nothing for them (e.g. on another computer)
                sessions.append(Seen(session.participant, display, found, variants))
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


def _count_label(painter: QPainter, tap: Tap, count: int) -> None:
    """ "×N" beside a mark, white on dark so it reads on light and dark screens alike."""
    text = f"×{count}"
    width = painter.fontMetrics().horizontalAdvance(text) + 8
    box = QRectF(tap.x + DOT_RADIUS + 2, tap.y - 12, width, 24)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 190))
    painter.drawRoundedRect(box, 5, 5)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def tap_map(screen: QImage, taps: ScreenTaps) -> QImage:
    """``screen`` with every tap on it, and the legend beneath."""
    image = QImage(screen.width(), screen.height() + LEGEND_PX, QImage.Format.Format_RGB32)
    image.fill(QColor("#20262e"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawImage(0, 0, screen)
    font = QFont()
    font.setPixelSize(18)
    font.setBold(True)
    painter.setFont(font)
    # Taps on a button's centre land on one spot: marked once, with how many beside it.
    stacked = Counter((tap.x, tap.y, tap.missed) for tap in taps.taps)
    for tap in {(tap.x, tap.y, tap.missed): tap for tap in taps.taps}.values():
        draw_dot(painter, tap)
        count = stacked[tap.x, tap.y, tap.missed]
        if count > 1:
            _count_label(painter, tap, count)
    font.setBold(False)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    top, width = screen.height(), screen.width() - 20
    people = len(taps.participants)
    painter.drawText(
        QRectF(10, top + 4, width, 26),
        flags,
        f"{taps.title}: {_count(len(taps.taps), 'tap')} by {people} "
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
        f"<p><a href='{e(m.file_name)}'><img alt='Tap map of {e(m.title)}' "
        f"src='{e(m.file_name)}' width='400'></a><br>{e(m.title)}: "
        f"{_count(len(m.taps), 'tap')} ({m.hits} on a control, {m.misses} on none) by "
        f"{_count(len(m.participants), 'participant')}</p>"
        for m in maps
    )
    return f"""<h2>Tap maps</h2>
<p>Where participants touched each screen during the tasks, every session together (one map per
design variant where the study compares them): a green dot is a tap on a control, a red cross a
tap on no control. Taps on the questionnaires between tasks are left out. Each screen is drawn
from the record as it looked at its first tap (a value on it may have changed later); the images
are beside this page.</p>
{items}
"""
