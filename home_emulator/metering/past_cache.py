"""Keeping a home's rendered past on disk, so the embedded home starts without rendering it again.

Rendering 24 months of a household takes most of a second, and every local day is a pure function
of the household's seed, profile and date (its random streams are keyed by them). So the complete
days up to yesterday are kept in one file per home and day; only today is rendered afresh. The
file's name holds everything the days depend on – seed, profile, first and last day, and a
fingerprint of the emulator's source – so a changed household model never reads an old past.
A missing, damaged or unwritable cache only costs the rendering: it never stops the home.

Only the app's embedded home uses it (tests build their homes fresh). On the first start of a day
the app renders the past in a second process while it imports Qt and zigpy
(``python -m home_emulator.metering.past_cache``, started by ``app/connection/past_prerender.py``): the home then waits
for that process rather than rendering the days itself – two cores, half the wait.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator.household.load import PROFILES, HouseholdLoad
from home_emulator.metering.backfill import HouseholdPast, SummedWatts, household_past
from home_emulator.metering.past_name import kept_past_name
from home_emulator.metering.registers import LocalCalendar

LOGGER = logging.getLogger(__name__)

_SERIES: Final = ("net_w", "gas_w", "generation_w")
_SUMS: Final = ("import_w", "export_w", "gas_w", "generation_w")
"""Kept beside the slots as ``<name>_hh``: each half hour's sum (``backfill.SummedWatts``)."""
_KEEP_FILES: Final = 4
"""Pasts kept at once (a few homes or days); older ones are removed as new ones are written."""


PENDING_WAIT_S: Final = 60.0
"""How long a home waits for the process rendering its past before rendering it itself."""


class PastCache:
    def __init__(self, folder: Path, *, pending: subprocess.Popen[bytes] | None = None) -> None:
        self.folder = folder
        self.pending = pending
        """A ``python -m home_emulator.metering.past_cache`` rendering this folder's past right now."""

    def household_past(
        self,
        load: HouseholdLoad,
        calendar: LocalCalendar,
        *,
        until_s: int,
        days: int,
        seed: int,
        profile: str,
        summed: bool = False,
    ) -> HouseholdPast:
        """``backfill.household_past`` with the complete days read from disk when kept.

        ``summed``: the complete days are wanted only as half-hour sums (``HouseholdPast.summed``,
        a home at one price without a load switch: all its registers read of them); a start then
        reads 48 figures a day from the file rather than 8,640 slots per series."""
        today = calendar.local_date(until_s)
        first = today - timedelta(days=days)
        first_slot_s = calendar.midnight(first)
        today_slot_s = calendar.midnight(today)
        path = self._path(seed, profile, calendar, first, today)
        kept = self._read(path, load, summed=summed)
        if kept is None and self._waited_for_pending():
            kept = self._read(path, load, summed=summed)
        if kept is None:
            kept = household_past(load, calendar, until_s=today_slot_s, days=days)
            self._write(path, kept)
            if summed:
                kept = replace(kept, summed=kept.summed_watts())
        # Today's slots start at the kept days' end, a local midnight: joined, they are the past.
        rendered_today = household_past(load, calendar, until_s=until_s, days=0)
        if kept.summed is not None:
            return replace(rendered_today, first_slot_s=first_slot_s, summed=kept.summed)
        return HouseholdPast(
            first_slot_s,
            _joined(kept.net_w, rendered_today.net_w),
            _joined_or_none(kept.gas_w, rendered_today.gas_w),
            _joined_or_none(kept.generation_w, rendered_today.generation_w),
        )

    def _waited_for_pending(self) -> bool:
        pending, self.pending = self.pending, None
        if pending is None:
            return False
        try:
            return pending.wait(PENDING_WAIT_S) == 0
        except subprocess.TimeoutExpired:
            pending.kill()
            return False

    def keep_complete_days(
        self, load: HouseholdLoad, calendar: LocalCalendar, *, days: int, seed: int, profile: str
    ) -> Path:
        """Render and keep the complete days up to yesterday, unless they are kept already (a
        kept file is not read through here: a damaged one is the reading home's to replace)."""
        today = calendar.local_date(time.time())
        path = self._path(seed, profile, calendar, today - timedelta(days=days), today)
        if not path.exists():
            until_s = calendar.midnight(today)
            self._write(path, household_past(load, calendar, until_s=until_s, days=days))
        return path

    def _path(
        self, seed: int, profile: str, calendar: LocalCalendar, first: date, today: date
    ) -> Path:
        name = kept_past_name(
            seed=seed, profile=profile, zone=str(calendar.zone), first=first, today=today
        )
        return self.folder / name

    def _read(self, path: Path, load: HouseholdLoad, *, summed: bool) -> HouseholdPast | None:
        try:
            with np.load(path) as kept:  # an archive reads only the arrays asked for
                if summed:
                    sums = {name: kept.get(f"{name}_hh") for name in _SUMS}
                    first_slot_s = int(kept["first_slot_s"])
                    return _summed_past(first_slot_s, sums, load)
                arrays = {name: kept.get(name) for name in _SERIES}
                first_slot_s = int(kept["first_slot_s"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError) as error:  # damaged: render again
            LOGGER.warning("Ignoring the kept past %s (%s)", path.name, error)
            return None
        net = arrays["net_w"]
        if net is None or (load.has_gas and arrays["gas_w"] is None):
            return None
        return HouseholdPast(first_slot_s, net, arrays["gas_w"], arrays["generation_w"])

    def _write(self, path: Path, past: HouseholdPast) -> None:
        arrays = {name: value for name in _SERIES if (value := getattr(past, name)) is not None}
        sums = past.summed_watts()
        if sums is not None:
            arrays |= {
                f"{name}_hh": value for name in _SUMS if (value := getattr(sums, name)) is not None
            }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".past-", suffix=".npz")
            try:
                with os.fdopen(handle, "wb") as file:
                    np.savez(file, first_slot_s=np.int64(past.first_slot_s), **arrays)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:  # a full or read-only disk: the home just renders next time
            LOGGER.warning("Could not keep the home's past in %s (%s)", self.folder, error)
            return
        self._prune(keep=path)

    def _prune(self, *, keep: Path) -> None:
        kept = sorted(self.folder.glob("past-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[_KEEP_FILES:]:
            if old != keep:
                with contextlib.suppress(OSError):
                    old.unlink()


def _summed_past(
    first_slot_s: int, sums: dict[str, npt.NDArray[np.int64] | None], load: HouseholdLoad
) -> HouseholdPast | None:
    """The kept days as half-hour sums only (no slots), or None if the file lacks them."""
    import_w, export_w = sums["import_w"], sums["export_w"]
    if import_w is None or export_w is None:
        return None
    if (load.has_gas and sums["gas_w"] is None) or (
        load.has_generation and sums["generation_w"] is None
    ):
        return None
    none = np.zeros(0, dtype=np.int32)
    summed = SummedWatts(import_w, export_w, sums["gas_w"], sums["generation_w"])
    return HouseholdPast(first_slot_s, none, None, None, summed)


def _joined(kept: npt.NDArray[np.int32], today: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    return np.concatenate([kept, today])


def _joined_or_none(
    kept: npt.NDArray[np.int32] | None, today: npt.NDArray[np.int32] | None
) -> npt.NDArray[np.int32] | None:
    if kept is None or today is None:
        return None
    return _joined(kept, today)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m home_emulator.metering.past_cache --folder F --seed S --profile P --days D``: keep a
    home's complete past days in F (nothing to do when they are kept already)."""
    parser = argparse.ArgumentParser(prog="python -m home_emulator.metering.past_cache")
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--days", type=int, required=True)
    parser.add_argument("--zone", default="Europe/London")
    args = parser.parse_args(argv)
    load = HouseholdLoad(args.seed, PROFILES[args.profile])
    PastCache(args.folder).keep_complete_days(
        load,
        LocalCalendar(ZoneInfo(args.zone)),
        days=args.days,
        seed=args.seed,
        profile=args.profile,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
