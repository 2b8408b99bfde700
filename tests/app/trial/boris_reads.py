"""Run by BORIS's own Python (``SMETS_BORIS_PYTHON``): opens a project with BORIS's project-reading
code, as its File > Open does, checks it as BORIS does, and prints what it found as JSON.

BORIS's package imports its whole window (and a media player needing libmpv) when imported; only
its project functions are wanted here, so the package is entered without running its
``__init__`` and the player module stands in empty: nothing that reads a project plays media.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import types
from typing import Any


def boris_module(name: str) -> Any:
    if "boris" not in sys.modules:
        spec = importlib.util.find_spec("boris")
        assert spec is not None
        assert spec.submodule_search_locations is not None
        package = types.ModuleType("boris")
        package.__path__ = list(spec.submodule_search_locations)
        sys.modules["boris"] = package
        player = types.ModuleType("boris.mpv2")
        player.sofile = "libmpv.so.2"  # type: ignore[attr-defined]  # BORIS asks which API it has
        sys.modules["boris.mpv2"] = player
    return importlib.import_module(f"boris.{name}")


def main(path: str) -> None:
    project = boris_module("project_functions")
    config = boris_module("config")
    _name, _changed, pj, message = project.open_project_json(path)
    found: dict[str, Any] = {"error": pj.get("error", ""), "message": message}
    if not found["error"]:
        found["integrity"] = project.check_project_integrity(
            pj, config.S, path, media_file_available=False
        )
        found["observations"] = {
            observation_id: {
                "events": len(observation[config.EVENTS]),
                "codes": sorted({event[2] for event in observation[config.EVENTS]}),
                "states": list(
                    project.check_state_events_obs(
                        observation_id, pj[config.ETHOGRAM], observation, config.HHMMSS
                    )
                ),
            }
            for observation_id, observation in pj[config.OBSERVATIONS].items()
        }
        found["codes"] = sorted(b["code"] for b in pj[config.ETHOGRAM].values())
    print(json.dumps(found, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
