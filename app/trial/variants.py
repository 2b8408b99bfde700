"""Design variants a study compares, and which participant sees which, in what order.

A variant is a named set of display settings the displays honour (``Presentation`` and the theme in
``app/settings/display_settings.py``): the IHD home screen leading with money or with energy, its
ambient indicator on or off, standard or large text.

- **Within participants**: everyone does every task under every variant, one block of tasks per
  variant; the order of the blocks is counterbalanced by a balanced Latin square over the variants
  (participant k gets row k), so each variant comes first equally often.
- **Between participants**: each participant sees one variant; participant k gets variant
  k mod n, so the groups are as equal as the list allows, in the study's list order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from app.settings.display_settings import LEADS, THEME_NAMES, Presentation


class Design(StrEnum):
    WITHIN = "within"
    BETWEEN = "between"


VARIANT_SETTINGS: Final = {
    "lead_with": LEADS,
    "ambient": (True, False),
    "text": THEME_NAMES,
}
"""The settings a variant may name, and the values each takes."""


@dataclass(frozen=True)
class Variant:
    id: str
    title: str
    settings: dict[str, str | bool] = field(default_factory=dict, hash=False)

    @property
    def presentation(self) -> Presentation:
        lead = self.settings.get("lead_with", "as-built")
        return Presentation(lead_with=str(lead), ambient=bool(self.settings.get("ambient", True)))

    @property
    def theme(self) -> str:
        return str(self.settings.get("text", "standard"))
