"""A participant display in a usability trial: ``--trial FILE --participant ID``.

The display records under its participant id into the trial record the operator console keeps
(``app/trial/store.py``): what the participant did (``interaction_recorder.py``) and what the meter
answered to their commands (``app/trial/recording_commands.py``). Without ``--trial`` nothing is
recorded and nothing changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.host.context import HanCommands
from app.settings.options import Options
from app.trial.recording_commands import RecordingCommands
from app.trial.store import TrialStore

if TYPE_CHECKING:  # Qt only once a participant display is watched
    from PySide6.QtWidgets import QWidget

    from app.trial_ui.interaction_recorder import InteractionRecorder


class ParticipantRecording:
    def __init__(self, store: TrialStore | None, participant: str, source: str) -> None:
        self.store = store
        self.participant = participant
        self.source = source
        self._recorder: InteractionRecorder | None = None

    @classmethod
    def open(cls, options: Options) -> ParticipantRecording:
        if options.trial_db is None or options.participant is None:
            return cls(None, "", "")
        return cls(TrialStore(options.trial_db), options.participant, f"display:{options.mode}")

    @property
    def active(self) -> bool:
        return self.store is not None

    def record(self, kind: str, target: str = "", detail: str = "") -> None:
        if self.store is not None:
            self.store.record(self.participant, self.source, kind, target, detail)

    def commands(self, commands: HanCommands) -> HanCommands:
        if not self.active:
            return commands
        recorded: HanCommands = RecordingCommands(commands, self.record)
        return recorded

    def watch(self, window: QWidget) -> None:
        if not self.active:
            return
        from app.trial_ui.interaction_recorder import InteractionRecorder

        self.record("display_start", self.source)
        self._recorder = InteractionRecorder(window, self.record)

    def close(self) -> None:
        if self._recorder is not None:
            self._recorder.stop()
            self._recorder = None
        if self.store is not None:
            self.record("display_stop", self.source)
            self.store.close()
            self.store = None
