"""The trial events a replay shows as frames.

A display notes what it shows at each of them, and the replay draws one frame for each; kept apart
from the replay so that a display watched for a trial does not load the trial's record to know them.
"""

from __future__ import annotations

FRAME_KINDS = frozenset(
    {"session_start", "screen", "tap", "feedback", "error", "command", "task_start", "task_end"}
)
"""A control press is its tap; keys change no screen the record can show."""
