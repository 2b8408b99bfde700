"""What the host hands an experience: the home model and the display's clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from han.model import HomeModel


@dataclass
class ExperienceContext:
    model: HomeModel
    now: Callable[[], float] = field(default=time.time)
    """The display's clock: ages and "last updated" are measured on it."""
