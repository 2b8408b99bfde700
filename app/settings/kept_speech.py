"""A desktop run keeps how the display speaks – Qt-free.

A kiosk keeps all its settings in ``settings.toml`` (``app/settings/store.py``); a desktop run
starts in the theme and language its command line asks for. How the display speaks is different:
a person who cannot see the screen should not have to find volume, rate and voice again each time,
so a desktop run starts with the ``[speech]`` volume, rate, voice and repeats of that same file, and
writes them there when they are changed. Speech on or off stays the command line's (off unless
asked), like the theme. The rest of the file – a kiosk's PIN above all – is left as it is; the file
is written atomically and for its owner only, as every write of it is.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from app.settings import store
from app.settings.display_settings import DisplaySettings, Setting
from han.events import Unsubscribe

LOGGER = logging.getLogger(__name__)


def keep_speech(display: DisplaySettings, path: Path | None = None) -> Unsubscribe:
    """From now on, each change of the speech settings is written to the settings file."""

    def changed(setting: Setting) -> None:
        if setting is not Setting.SPEECH:
            return
        try:
            kept = store.load(path).settings
            store.save(replace(kept, speech=display.speech), path)
        except OSError as error:  # a read-only home: the choice still holds for this run
            LOGGER.warning("Cannot keep the speech settings: %s", error)

    return display.subscribe(changed)
