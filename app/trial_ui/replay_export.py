"""A replay exported: a contact sheet of its frames (PNG) or a video (ffmpeg).

The video shows each frame for as long as the participant saw it, up to ``MAX_HOLD_S`` (a minute
of reading a screen becomes a few seconds, so a session plays in minutes), at least ``MIN_HOLD_S``.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from app.trial.report import write_atomically
from app.trial_ui.replay import Frame

MIN_HOLD_S = 0.6
MAX_HOLD_S = 4.0
FFMPEG_TIMEOUT_S = 600


class ExportError(RuntimeError):
    """The export could not be made (no ffmpeg, ffmpeg failed, unwritable file)."""


def contact_sheet(
    frames: Sequence[Frame], participant: str, *, columns: int = 3, width: int = 520
) -> QImage:
    """The frames in reading order, each with its tap and caption, under a title line."""
    marked = [frame.marked(participant) for frame in frames]
    scale = width / marked[0].width()
    cell_w, cell_h = width, round(max(m.height() for m in marked) * scale)
    gap, title_h = 12, 40
    rows = (len(marked) + columns - 1) // columns
    sheet = QImage(
        columns * cell_w + (columns + 1) * gap,
        title_h + rows * (cell_h + gap) + gap,
        QImage.Format.Format_RGB32,
    )
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont()
    font.setPixelSize(20)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#20262e"))
    painter.drawText(
        QRectF(gap, 0, sheet.width() - 2 * gap, title_h),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        f"Replay of {participant}: {len(frames)} moments, in order (ring: a tap on a control; "
        "red cross: a tap on no control)",
    )
    for index, image in enumerate(marked):
        row, column = divmod(index, columns)
        x = gap + column * (cell_w + gap)
        y = title_h + row * (cell_h + gap)
        painter.drawImage(
            QRectF(x, y, cell_w, image.height() * scale),
            image,
        )
    painter.end()
    return sheet


def hold_times(frames: Sequence[Frame]) -> list[float]:
    """How long each frame stays on screen in the video."""
    times = [frame.moment.now for frame in frames]
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    return [min(MAX_HOLD_S, max(MIN_HOLD_S, gap)) for gap in gaps] + [MAX_HOLD_S]


def write_video(frames: Sequence[Frame], participant: str, out: Path) -> None:
    """An H.264 MP4 of the frames (with taps and captions) through ffmpeg."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise ExportError("ffmpeg is not installed (Debian: apt install ffmpeg)")
    with tempfile.TemporaryDirectory(prefix="replay-") as folder:
        lines = ["ffconcat version 1.0"]
        for index, (frame, hold) in enumerate(zip(frames, hold_times(frames), strict=True)):
            name = f"frame-{index:05d}.png"
            image = frame.marked(participant)
            # H.264 in yuv420p wants even sides.
            image = image.copy(0, 0, image.width() // 2 * 2, image.height() // 2 * 2)
            if not image.save(str(Path(folder) / name)):
                raise ExportError(f"could not write a frame to {folder}")
            lines += [f"file {name}", f"duration {hold:.3f}"]
        lines.append(f"file frame-{len(frames) - 1:05d}.png")  # the last duration counts
        (Path(folder) / "frames.ffconcat").write_text("\n".join(lines) + "\n")
        command = [
            ffmpeg, "-loglevel", "error", "-y", "-f", "concat", "-safe", "0",
            "-i", str(Path(folder) / "frames.ffconcat"),
            "-vf", "fps=10,format=yuv420p", "-c:v", "libx264", "-movflags", "+faststart",
            str(Path(folder) / "replay.mp4"),
        ]  # fmt: skip
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=FFMPEG_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            raise ExportError("ffmpeg took too long") from None
        if done.returncode != 0:
            raise ExportError(f"ffmpeg failed: {done.stderr.strip()[-300:]}")
        # Owner-only, like everything made from a participant's record.
        write_atomically(out, (Path(folder) / "replay.mp4").read_bytes())


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, Qt a str
    return bytes(buffer.data().data())
