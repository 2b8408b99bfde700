"""Write a small file so that a crash, a kill or a full disk leaves the old file or the new one.

A temporary file in the same folder is written, flushed to disk and renamed over the old file;
the rename is atomic on every platform Qt runs on. On any failure the temporary file is removed
and the error raised: the caller tells the user, and the old file is still whole.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
