"""``python -m app trial replay RECORD --participant P --display ihd --contact-sheet OUT.png |
--video OUT.mp4``: a participant's session replayed from the trial record alone.

A missing or foreign record, an unknown participant or a display that recorded nothing is one line
on stderr and exit status 2; no ffmpeg for ``--video`` is status 3 (the contact sheet needs none).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.trial.replay_timeline import ReplayError, find_session, moments
from app.trial.report import write_atomically
from app.trial.store import TrialStore, TrialStoreError


def add_parser(commands: argparse._SubParsersAction[Any]) -> None:
    replay = commands.add_parser(
        "replay",
        help="replay a participant's session on a display, as a contact sheet or a video",
        description="Draw a participant's session on one display from the record alone – the "
        "screens, the values shown, every tap (a ring on a control, a red cross for a miss) and "
        "the task markers – as a contact sheet (PNG) or a video (MP4, needs ffmpeg).",
    )
    replay.add_argument("record", metavar="RECORD", help="the trial record (SQLite)")
    replay.add_argument("--participant", required=True, metavar="ID", help="e.g. P01")
    replay.add_argument("--display", required=True, metavar="KIND", help="ihd, ppmid, …")
    replay.add_argument(
        "--session", type=int, metavar="N", help="which session (default: the participant's last)"
    )
    replay.add_argument("--task", metavar="TASK", help="only this task's moments")
    out = replay.add_mutually_exclusive_group(required=True)
    out.add_argument("--contact-sheet", metavar="PNG", help="write the frames on one sheet")
    out.add_argument("--video", metavar="MP4", help="write a video (each frame held as long as "
                     "it was seen, 0.6–4 s)")  # fmt: skip


def main(args: argparse.Namespace) -> int:
    record = Path(args.record)
    if not record.exists():
        print(f"trial replay: no trial record at {record}", file=sys.stderr)
        return 2
    try:
        store = TrialStore(record)
    except TrialStoreError as error:
        print(f"trial replay: {error}", file=sys.stderr)
        return 2
    try:
        session = find_session(store, args.participant, args.session)
        found = moments(store, session, args.display, task=args.task)
    except ReplayError as error:
        print(f"trial replay: {error}", file=sys.stderr)
        return 2
    finally:
        store.close()
    _ensure_gui()
    from app.trial_ui.replay import Replayer
    from app.trial_ui.replay_export import ExportError, contact_sheet, png_bytes, write_video

    frames = Replayer().frames(found)
    try:
        if args.contact_sheet:
            out = Path(args.contact_sheet)
            write_atomically(out, png_bytes(contact_sheet(frames, session.participant)))
        else:
            out = Path(args.video)
            write_video(frames, session.participant, out)
    except ExportError as error:
        print(f"trial replay: {error}", file=sys.stderr)
        return 3
    except OSError as error:
        print(f"trial replay: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"{len(frames)} moments of {session.participant} on the {args.display} written to {out}")
    return 0


def _ensure_gui() -> None:
    """The displays' widgets need a QApplication; a replay needs no screen."""
    import os

    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _KEEP.append(QApplication(sys.argv[:1]))


_KEEP: list[object] = []
"""The application made for drawing, alive until the process ends."""
