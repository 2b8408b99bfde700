"""A participant display in a usability trial: ``--trial FILE --participant ID``.

The display records under its participant id into the trial record the operator console keeps
(``app/trial/store.py``): what the participant did (``interaction_recorder.py``), what the meter
answered to their commands (``app/trial/recording_commands.py``) and what the display showed from
(``state_recorder.py``), written before each event so a replay shows every event as it looked. Without ``--trial`` nothing is
recorded and nothing changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.host.context import HanCommands
from app.settings.options import Options
from app.trial.frame_kinds import FRAME_KINDS
from app.trial.recording_commands import RecordingCommands

if TYPE_CHECKING:  # Qt, and the trial record, only once a participant display is watched
    from PySide6.QtWidgets import QWidget

    from app.host.held_clock import HeldClock
    from app.settings.display_settings import DisplaySettings
    from app.trial.store import TrialStore
    from app.trial_ui.interaction_recorder import InteractionRecorder
    from app.trial_ui.state_recorder import StateRecorder
    from han.model import HomeModel


class ParticipantRecording:
    def __init__(self, store: TrialStore | None, participant: str, source: str) -> None:
        self.store = store
        self._participant = participant
        self.source = source
        self._recorder: InteractionRecorder | None = None
        self._states: StateRecorder | None = None

    @classmethod
    def open(cls, options: Options) -> ParticipantRecording:
        if options.trial_db is None or options.participant is None:
            return cls(None, "", "")
        from app.trial.store import TrialStore  # a trial's record: not on every start

        return cls(TrialStore(options.trial_db), options.participant, f"display:{options.mode}")

    @property
    def participant(self) -> str:
        return self._participant

    @participant.setter
    def participant(self, participant: str) -> None:
        """The next participant (the console's displays): what the display shows them from is
        written at once, so their session's first moments can be replayed too."""
        self._participant = participant
        if self._states is not None and participant:
            self._states.at_event()

    @property
    def active(self) -> bool:
        return self.store is not None

    def record(self, kind: str, target: str = "", detail: str = "") -> None:
        if self.store is not None:
            self.note_state(kind)  # what the participant saw when they did it
            self.store.record(self.participant, self.source, kind, target, detail)

    def note_state(self, kind: str) -> None:
        """Write what the display shows now: an event of ``kind`` is about to be recorded (its
        own, or the console's about this participant). Before an event the replay shows as a
        frame, the pages on show judge afresh at the time written; before another (a control's
        press after its tap, a key) the screen stays as judged at the last frame."""
        if self._states is None:
            return
        if kind in FRAME_KINDS:
            self._states.at_event()
        else:
            self._states.flush()

    def commands(self, commands: HanCommands) -> HanCommands:
        if not self.active:
            return commands
        recorded: HanCommands = RecordingCommands(commands, self.record)
        return recorded

    def watch(
        self,
        window: QWidget,
        model: HomeModel,
        settings: DisplaySettings,
        clock: HeldClock,
    ) -> None:
        """Record what ``window`` shows from; ``clock`` is the display's (its pages' ``now``)."""
        if not self.active:
            return
        from app.trial_ui.interaction_recorder import InteractionRecorder
        from app.trial_ui.state_recorder import StateRecorder

        self.record("display_start", self.source)
        store = self.store
        assert store is not None
        self._states = StateRecorder(
            window,
            self.source.removeprefix("display:"),
            model,
            settings,
            lambda: self.participant,
            lambda participant, parts: store.record_states(participant, self.source, parts),
            clock,
        )
        self._states.flush()
        self._recorder = InteractionRecorder(window, self.record)

    def close(self) -> None:
        if self._recorder is not None:
            self._recorder.stop()
            self._recorder = None
        if self._states is not None:
            self._states.stop()
            self._states = None
        if self.store is not None:
            self.record("display_stop", self.source)
            self.store.close()
            self.store = None
