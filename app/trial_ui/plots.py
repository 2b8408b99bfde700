"""The report's two plots, drawn with QPainter into PNG bytes (offscreen, no plotting library).

One row per task in both, so they read side by side with the tables: success rate as a bar with
its count written beside it (not colour alone), and time on task as each successful attempt's dot,
the quartile box and a thick median line, on a seconds axis that starts at zero.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from app.trial.stats import Attempt, TaskSummary

WIDTH = 760
ROW = 54
TOP, BOTTOM = 56, 56
LEFT, RIGHT = 190, 150
INK = QColor("#111111")
GRID = QColor("#bbbbbb")
BAR = QColor("#2f6db5")
BOX = QColor("#cfe0f3")


def _canvas(rows: int) -> tuple[QImage, QPainter]:
    image = QImage(WIDTH, TOP + BOTTOM + ROW * max(rows, 1), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(16)
    painter.setFont(font)
    painter.setPen(INK)
    return image, painter


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def _title(painter: QPainter, text: str) -> None:
    font = QFont(painter.font())
    font.setPixelSize(19)
    font.setBold(True)
    painter.save()
    painter.setFont(font)
    painter.drawText(QRectF(12, 8, WIDTH - 24, 32), Qt.AlignmentFlag.AlignLeft, text)
    painter.restore()


def _row_label(painter: QPainter, row: int, text: str) -> None:
    rect = QRectF(8, TOP + row * ROW, LEFT - 16, ROW)
    painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)


def _axis(painter: QPainter, rows: int, ticks: Sequence[tuple[float, str]], caption: str) -> None:
    bottom = TOP + rows * ROW
    painter.setPen(QPen(GRID, 1))
    for x, _label in ticks:
        painter.drawLine(QPointF(x, TOP - 4), QPointF(x, bottom))
    painter.setPen(QPen(INK, 1.5))
    painter.drawLine(QPointF(LEFT, bottom), QPointF(WIDTH - RIGHT, bottom))
    for x, label in ticks:
        painter.drawText(QRectF(x - 40, bottom + 4, 80, 22), Qt.AlignmentFlag.AlignHCenter, label)
    painter.drawText(
        QRectF(LEFT, bottom + 26, WIDTH - LEFT - RIGHT, 24), Qt.AlignmentFlag.AlignHCenter, caption
    )


def success_rate_png(summaries: Sequence[TaskSummary]) -> bytes:
    image, painter = _canvas(len(summaries))
    span = WIDTH - LEFT - RIGHT
    _title(painter, "Success rate per task")
    ticks = [(LEFT + span * share, f"{share:.0%}") for share in (0, 0.25, 0.5, 0.75, 1)]
    _axis(painter, len(summaries), ticks, "share of attempts that succeeded")
    for row, summary in enumerate(summaries):
        painter.setPen(INK)
        _row_label(painter, row, summary.task)
        rate = summary.success_rate
        top = TOP + row * ROW + ROW * 0.2
        if rate is not None:
            painter.fillRect(QRectF(LEFT, top, span * rate, ROW * 0.6), BAR)
        words = "no attempts" if rate is None else f"{summary.successes} of {summary.attempts}"
        painter.drawText(
            QRectF(WIDTH - RIGHT + 8, TOP + row * ROW, RIGHT - 12, ROW),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            words,
        )
    painter.end()
    return _png(image)


def _nice_step(top: float) -> float:
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step: float = next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= raw)
    return step


def time_on_task_png(summaries: Sequence[TaskSummary], found: Sequence[Attempt]) -> bytes:
    image, painter = _canvas(len(summaries))
    span = WIDTH - LEFT - RIGHT
    _title(painter, "Time on task (successful attempts)")
    longest = max((a.seconds for a in found if a.outcome == "success"), default=0.0)
    step = _nice_step(max(longest, 5.0) * 1.05)
    top = step * math.ceil(max(longest, 5.0) * 1.05 / step)

    def x(seconds: float) -> float:
        return LEFT + span * seconds / top

    ticks = [(x(step * k), f"{step * k:g}") for k in range(round(top / step) + 1)]
    _axis(painter, len(summaries), ticks, "seconds (dots: attempts; box: Q1–Q3; bar: median)")
    for row, summary in enumerate(summaries):
        middle = TOP + row * ROW + ROW / 2
        painter.setPen(INK)
        _row_label(painter, row, summary.task)
        if summary.median_s is None or summary.q1_s is None or summary.q3_s is None:
            painter.drawText(
                QRectF(LEFT + 8, TOP + row * ROW, span, ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "no successful attempt",
            )
            continue
        box = QRectF(
            x(summary.q1_s), middle - ROW * 0.3, x(summary.q3_s) - x(summary.q1_s), ROW * 0.6
        )
        painter.fillRect(box, BOX)
        painter.setPen(QPen(BAR, 1.5))
        painter.drawRect(box)
        painter.setPen(QPen(INK, 4))
        painter.drawLine(
            QPointF(x(summary.median_s), middle - ROW * 0.34),
            QPointF(x(summary.median_s), middle + ROW * 0.34),
        )
        painter.setPen(QPen(INK, 1.5))
        painter.setBrush(BAR)
        for attempt in found:
            if attempt.task == summary.task and attempt.outcome == "success":
                painter.drawEllipse(QPointF(x(attempt.seconds), middle), 5, 5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawText(
            QRectF(WIDTH - RIGHT + 8, TOP + row * ROW, RIGHT - 12, ROW),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"median {summary.median_s:.1f} s",
        )
    painter.end()
    return _png(image)
