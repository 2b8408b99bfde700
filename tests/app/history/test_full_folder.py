"""A full or read-only data folder: the display keeps its live readings, says plainly that history
is not being saved, and saves again by itself when there is room – every batch whole or not at all,
and what could not be written filled in afterwards. A damaged file set aside is said on screen.

The full store is SQLite's own SQLITE_FULL (``PRAGMA max_page_count`` caps the file where it is);
where the tests may mount file systems (root), a real tmpfs is filled up and freed as well."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import subprocess
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from app.history.backfill import BackfillDepth, HistoryBackfill, HistoryRecorder
from app.history.health import HistoryHealth
from app.history.store import Channel, HistoryDatabase, HistoryStore, Period, Quantity
from app.ui.history_notice import NOT_SAVING, HistoryNotice, history_notice
from tests.conftest import OpenEmulatedHan


async def _eventually(condition: Callable[[], Awaitable[bool]], timeout_s: float = 20.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not await condition():  # noqa: ASYNC110 - the store's state has no event to wait on
            await asyncio.sleep(0.02)


async def _cap_at_current_size(store: HistoryStore, pages: int | None = None) -> None:
    """No page beyond those the file has (None: lift the cap)."""

    def cap(db: HistoryDatabase) -> None:
        size = db.db.execute("PRAGMA page_count").fetchone()[0]
        db.db.execute(f"PRAGMA max_page_count = {size if pages is None else pages}")

    await store.call(cap)


@pytest.mark.logs_warning(r"Recording history failed \(database or disk is full\)")
async def test_a_full_store_is_said_and_filled_in_once_there_is_room(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    health = HistoryHealth()
    notice = HistoryNotice()
    notice.follow(health)
    async with (
        emulated_han(profile="ev_owner", history_days=3) as han,
        HistoryStore(tmp_path / "history.db", health=health) as store,
    ):
        await _cap_at_current_size(store)  # the disk is full: the schema and nothing more
        backfill = HistoryBackfill(store, han.model, depth=BackfillDepth(import_days=2))
        recorder = HistoryRecorder(backfill, lambda: han.session.links, retry_s=0.2)
        recorder.start()
        try:
            await han.meter_ready()
            meter = han.model.electricity_import_meter()
            assert meter is not None
            key = str(meter.key)

            async def not_saving() -> bool:
                return not health.saving

            await _eventually(not_saving)
            assert "database or disk is full" in health.detail  # SQLite's own SQLITE_FULL
            assert not notice.isHidden()
            assert notice.text() == NOT_SAVING
            # A batch that did not fit was not written in part: no half hour at all.
            _, count = await store.sum_half_hours(key, Channel.IMPORT, 0, 2**40)
            assert count == 0
            # The live reading is the meter's, not the file's: still there and fresh.
            assert meter.demand_kw is not None

            await _cap_at_current_size(store, 1 << 30)  # room again

            async def recorded() -> bool:
                _, count = await store.sum_half_hours(key, Channel.IMPORT, 0, 2**40)
                days = await store.periods(key, Quantity.ENERGY, Period.DAY)
                return health.saving and count >= 95 and bool(days)

            await _eventually(recorded)
            assert notice.isHidden()
            now_s = int(backfill.han_now())
            start_s = now_s - now_s % 1800 - 2 * 86_400
            gaps = await store.missing_half_hours(key, Channel.IMPORT, start_s, now_s - 1800)
            assert gaps == []  # every half hour it could not write is there now
            verdict = await store.call(
                lambda db: db.db.execute("PRAGMA integrity_check").fetchone()[0]
            )
            assert verdict == "ok"
        finally:
            await recorder.stop()
            notice.unfollow()


@contextlib.contextmanager
def _small_tmpfs(where: Path) -> Iterator[Path]:
    """A 64 MiB file system of its own (root only), unmounted afterwards."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.mark.logs_warning(r"Cannot open the history store", r"Recording history failed")
async def test_the_ihd_on_a_full_disk_shows_live_readings_and_says_history_is_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.history import runtime
    from app.host.running import RunningApp
    from app.settings.options import Options

    monkeypatch.setattr(runtime, "RETRY_S", 0.3)
    with _small_tmpfs(tmp_path / "data") as data:
        filler = data / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as file:  # ENOSPC: full
            while True:
                file.write(b"\0" * 65_536)
        app = RunningApp(Options(speed=20), history_path=data / "history.sqlite3")
        window = await app.start()
        try:

            async def shown() -> bool:
                meter = app.model.electricity_import_meter()
                return meter is not None and meter.demand_kw is not None

            await _eventually(shown)  # live readings, whatever the disk
            await app.history_opened()  # tried once the first reading is on screen
            assert app.history is not None
            assert not app.history.health.saving
            assert window.history_notice.text() == NOT_SAVING
            assert window.statusBar().isVisible()

            filler.unlink()  # room again: it opens and records by itself

            async def recording() -> bool:
                store = app.history.store if app.history is not None else None
                if store is None or not app.history.health.saving:  # type: ignore[union-attr]
                    return False
                _, count = await store.sum_half_hours(
                    str(app.model.electricity_import_meter().key),  # type: ignore[union-attr]
                    Channel.IMPORT,
                    0,
                    2**40,
                )
                return count > 0

            await _eventually(recording, 60)
            assert not window.statusBar().isVisible()
        finally:
            await app.stop()


@pytest.mark.logs_warning(r"is damaged .*set aside as")
async def test_a_history_set_aside_is_said_on_the_display(tmp_path: Path) -> None:
    from app.host.running import RunningApp
    from app.settings.options import Options

    path = tmp_path / "history.sqlite3"
    path.write_text("not a database, whatever it is\n" * 200)
    app = RunningApp(Options(speed=20), history_path=path)
    window = await app.start()
    try:
        await app.history_opened()  # the store opens once the first reading is on screen
        assert app.history is not None
        aside = app.history.health.set_aside
        assert aside is not None
        assert aside.name.startswith("history.sqlite3.corrupt-")
        assert window.statusBar().isVisible()
        assert aside.name in window.history_notice.text()
        assert window.history_notice.text() == history_notice(app.history.health)
    finally:
        await app.stop()


def _remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


@pytest.mark.logs_warning(r"Cannot open the CAD's log", r"Logging failed")
async def test_a_cad_on_a_read_only_folder_holds_its_readings_and_logs_them_when_it_can(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    from cad.log.demand import between
    from cad.log.logger import CadLogger

    with _small_tmpfs(tmp_path / "data") as data:
        _remount(data, "ro")  # read-only before the CAD starts: its log cannot even be created
        async with emulated_han(profile="family_of_four", history_days=2) as han:
            await han.meter_ready()
            logger = CadLogger(
                data / "cad.db",
                han.model,
                lambda: han.session.links,
                depth=BackfillDepth(1, 1),
                fill_every_s=60,
                retry_s=0.2,
            )
            notice = HistoryNotice()
            notice.follow(logger.health)
            await logger.start()
            try:
                meter = han.model.electricity_import_meter()
                assert meter is not None
                key = str(meter.key)
                assert not logger.health.saving
                assert notice.text() == NOT_SAVING
                readings: set[int] = set()

                def heard(change: object) -> None:
                    readings.update(row.at_s for row in logger._pending)

                unsubscribe = han.model.subscribe(heard)
                for _ in range(12):  # two minutes of the meter's demand, not saved
                    han.home.step()
                    await asyncio.sleep(0.05)
                unsubscribe()
                assert readings, "the meter reported demand while the folder was read-only"
                assert meter.demand_kw is not None  # the live reading is shown all along
                assert not (data / "cad.db").exists()

                _remount(data, "rw")  # writable again: the log opens and takes what was held

                async def logged() -> bool:
                    if not logger.health.saving or not logger.store.is_open:
                        return False
                    rows = await logger.store.call(lambda db: between(db, key, 0, 2**40))
                    return readings <= {row.at_s for row in rows}

                await _eventually(logged)
                assert notice.isHidden()
            finally:
                await logger.stop()
                notice.unfollow()


@pytest.mark.logs_warning(r"Cannot save the pairing")
def test_a_cad_on_a_full_disk_stays_paired_and_saves_the_pairing_when_it_can(
    tmp_path: Path,
) -> None:
    from cad.pairing_memory import Pairing, PairingMemory

    with _small_tmpfs(tmp_path / "config") as config:
        filler = config / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as file:  # ENOSPC: full
            while True:
                file.write(b"\0" * 65_536)
        memory = PairingMemory(config / "cad" / "pairing.json")
        pairing = Pairing("00:0d:6f:ff:fe:00:0c:ad", "00:0d:6f:00:00:00:00:0b", "passkey", 1.0)
        memory.save(pairing)  # no room: held, not raised into whoever paired
        written = memory.saved  # a name: asserting the property would fix it for mypy
        assert not written
        assert memory.load() == pairing  # still paired: it does not ask to be paired again
        assert not memory.path.exists()
        assert [p.name for p in memory.path.parent.iterdir()] == []  # no half-written file
        filler.unlink()
        assert memory.load() == pairing  # room again: written as it is read
        assert memory.saved
        assert PairingMemory(memory.path).load() == pairing  # as the next start reads it


@pytest.mark.logs_warning(r"is damaged .*set aside as")
async def test_a_cad_log_set_aside_is_said_on_the_cads_screen() -> None:
    from app.connection.han_access import CAD_IEEE
    from app.host.running import RunningApp
    from app.settings.options import Options
    from cad.pairing_memory import Pairing, PairingMemory, default_db_path
    from cad.shell import CadShell

    PairingMemory().save(Pairing(CAD_IEEE, None, "passkey", 1_780_000_000.0))
    log = default_db_path()
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("a log someone truncated and scribbled over\n" * 100)
    app = RunningApp(Options(mode="cad", speed=5))
    window = await app.start()
    try:
        shell = window.view
        assert isinstance(shell, CadShell)

        async def said() -> bool:
            return shell.is_paired and not shell.log_notice.isHidden()

        await _eventually(said)
        text = shell.log_notice.text()
        assert "set aside as history.db.corrupt-" in text
        assert list(log.parent.glob("history.db.corrupt-*"))
    finally:
        await app.stop()
