"""What a display was set to – its experience, window size, theme, language, a study's variant
and the household's budgets – written beside its home model so a replay shows it the same way."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from app.settings.display_settings import BUDGET_PERIODS, DisplaySettings, Presentation

DISPLAY = "display"
"""The state part that holds these (``model_state.py`` holds the others)."""


@dataclass(frozen=True)
class DisplayState:
    mode: str
    """The experience shown: ihd, ppmid, …"""
    size: tuple[int, int]
    """The window's width and height in pixels."""
    settings: DisplaySettings

    def text(self) -> str:
        settings = self.settings
        budgets = {
            period: str(amount)
            for period in BUDGET_PERIODS
            if (amount := settings.budget_gbp(period)) is not None
        }
        return json.dumps(
            {
                "mode": self.mode,
                "size": list(self.size),
                "theme": settings.theme,
                "language": settings.language,
                "lead_with": settings.presentation.lead_with,
                "ambient": settings.presentation.ambient,
                "budgets_gbp": budgets,
            },
            sort_keys=True,
        )

    @classmethod
    def read(cls, text: str) -> DisplayState:
        data = json.loads(text)
        settings = DisplaySettings(theme=data["theme"], language=data["language"])
        settings.set_presentation(
            Presentation(lead_with=data["lead_with"], ambient=bool(data["ambient"]))
        )
        for period, amount in data["budgets_gbp"].items():
            settings.set_budget(period, Decimal(amount))
        width, height = data["size"]
        return cls(str(data["mode"]), (int(width), int(height)), settings)
