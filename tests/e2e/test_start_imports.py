"""The app's start stays light: at the first live reading on screen (demand and price, the moment
``--screenshot`` waits for) none of the modules that reading does not need has been imported –
zigpy's internet OTA providers and their HTTP client, the Glow feed's MQTT client, the chart
library of the History screen, a usability trial's record, the history store and its library
(sqlite-utils: the store opens once the first reading is on screen), the glue of the USB sticks'
radio libraries (loaded when a stick is opened), the served air's protocol (the embedded home's
air is in the app's own process), and the meters' top-up keys with the UTRN codec and the
key-agreement library (loaded when the first code is checked).

The Qt-free half of the app – zigpy and the embedded home – is imported before Qt is: once
PySide6 is loaded, its import hook reads the source of every module imported after it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

NOT_BEFORE_THE_FIRST_READING = (
    "aiohttp",
    "jsonschema",
    "paho",
    "pyqtgraph",
    "app.trial.store",
    "sqlite_utils",
    "app.history.store",
    "han.radio.libraries",
    "home_emulator.air.link",
    "home_emulator.air.server",
    "home_emulator.air.wire",
    "han.formats.utrn",
    "cryptography.hazmat.primitives.asymmetric",
)

BEFORE_QT = ("zigpy.application", "zigpy.zcl", "home_emulator.api.home")

# The app as ``python -m app --screenshot`` runs it; a follower of every home model (the app
# makes one) notes which heavy modules are loaded when the first reading is in.
_PROBE = """
import json, sys
import han.model
from han.radio import ota_providers

heavy = json.loads(sys.argv[1])
before_qt = json.loads(sys.argv[3])
seen = {}


class NotingQt:  # which Qt-free modules are not loaded yet when PySide6 is first asked for
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" and "after_qt" not in seen:
            seen["after_qt"] = sorted(module for module in before_qt if module not in sys.modules)
        return None


sys.meta_path.insert(0, NotingQt())
made = han.model.HomeModel.__init__

def following(model, *args, **kwargs):
    made(model, *args, **kwargs)

    def check(_change=None):
        meter = model.electricity_import_meter()
        if "loaded" not in seen and meter is not None and meter.demand_kw and meter.tariff.unit_price_gbp_per_kwh:
            seen["loaded"] = sorted(name for name in heavy if name in sys.modules)
            seen["ota_providers_deferred"] = ota_providers.deferred()

    model.subscribe(check)

han.model.HomeModel.__init__ = following
from app.cli import main

status = main(["--screenshot", sys.argv[2]])
print(json.dumps({"status": status, **seen}))
"""


def test_nothing_heavy_is_imported_before_the_first_reading(tmp_path: Path) -> None:
    screenshot = tmp_path / "first-reading.png"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _PROBE,
            json.dumps(NOT_BEFORE_THE_FIRST_READING),
            str(screenshot),
            json.dumps(BEFORE_QT),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {
        "status": 0,
        "after_qt": [],
        "loaded": [],
        "ota_providers_deferred": True,
    }, result.stderr
    assert screenshot.exists()
