"""An emulated home built from a scenario, and a scenario's scripted events played on a home.

Apart from :mod:`home_emulator.api.home` because it loads the scenario reader too, which a home
started without a scenario (the app's embedded home) does not need."""

from __future__ import annotations

from home_emulator.scenario.home_builder import build_home, home_spec, scripted_action

__all__ = ["build_home", "home_spec", "scripted_action"]
