"""A study's design variant put on the console's own displays: its settings are the displays'
ordinary ones (``DisplaySettings``), so a variant is exactly what a household could be shown."""

from __future__ import annotations

from collections.abc import Iterable

from app.host.running import RunningApp
from app.settings.display_settings import Presentation
from app.trial.study import Study


def apply_variant(study: Study, displays: Iterable[RunningApp], variant_id: str) -> None:
    """Show ``variant_id`` on every display ("" or an unknown id: the displays as started)."""
    variant = study.variant(variant_id)
    for display in displays:
        settings = display.settings
        settings.set_presentation(variant.presentation if variant else Presentation())
        settings.set_theme(variant.theme if variant else display.options.theme)
