"""The Feed tab as a person uses it: a bad setting is named and nothing is saved; good settings
are saved whole and the feed connects (to a real Mosquitto); a damaged file turns the feed off
and says so; a disk that refuses the file leaves the old settings in force."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cad.feed.control import FeedControl
from cad.feed.mqtt import FeedStatus
from cad.feed.settings import FeedSettings, FeedSettingsFile
from cad.screens.feed import FeedView
from han.model import HomeModel
from tests.cad.mosquitto import running_broker

DEVICE = "70B3D54F00001234"


def _view(qtbot: QtBot, path: Path, model: HomeModel | None = None) -> FeedView:
    control = FeedControl(
        model or HomeModel(), lambda: DEVICE, settings_file=FeedSettingsFile(path), now=lambda: 0.0
    )
    view = FeedView(control)
    qtbot.addWidget(view)
    return view


def test_a_bad_host_is_named_and_nothing_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    view = _view(qtbot, path)
    view.host.setText("my broker")
    view.save.click()
    assert "host" in view.message.text()
    assert "Nothing was changed" in view.message.text()
    assert not path.exists()
    assert view.status.text().startswith("○")


def test_a_bad_prefix_leaves_the_saved_settings_alone(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    FeedSettingsFile(path).save(FeedSettings("broker.local", prefix="glow"))
    before = path.read_bytes()
    view = _view(qtbot, path)
    assert view.host.text() == "broker.local"
    view.prefix.setText("glow/#")
    view.save.click()
    assert "prefix" in view.message.text()
    assert path.read_bytes() == before


def test_settings_are_saved_privately_and_in_one_piece(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    FeedSettingsFile(path).save(FeedSettings(" 192.168.1.20 ", 1884, "home/", "me", "secret"))
    assert json.loads(path.read_text())["host"] == "192.168.1.20"
    assert FeedSettingsFile(path).load() == FeedSettings(
        "192.168.1.20", 1884, "home", "me", "secret"
    )
    assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0  # the password is not for others
    assert [p.name for p in tmp_path.iterdir()] == ["feed.json"]


def test_a_damaged_file_turns_the_feed_off_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text('{"schema_version": 1, "host": ')
    view = _view(qtbot, path)
    assert view.control.settings is None
    assert "damaged" in view.status.text()
    assert path.read_text() == '{"schema_version": 1, "host": '  # kept for the person to see


def test_a_full_disk_keeps_the_old_settings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "feed.json"
    FeedSettingsFile(path).save(FeedSettings("old.local"))
    view = _view(qtbot, path)

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.settings.atomic_file.os.replace", full)
    view.host.setText("new.local")
    view.save.click()
    assert "No space left on device" in view.message.text()
    assert view.control.settings == FeedSettings("old.local")
    assert FeedSettingsFile(path).load() == FeedSettings("old.local")
    assert [p.name for p in tmp_path.iterdir()] == ["feed.json"]


async def test_saving_connects_to_the_broker(qtbot: QtBot, tmp_path: Path) -> None:
    with running_broker(tmp_path) as port:
        view = _view(qtbot, tmp_path / "feed.json")
        view.control.start()
        try:
            assert view.status.text().startswith("○")
            view.host.setText("127.0.0.1")
            view.port.setValue(port)
            view.save.click()
            assert view.message.text() == "Saved."
            async with asyncio.timeout(10):
                while view.control.status is not FeedStatus.CONNECTED:  # noqa: ASYNC110
                    await asyncio.sleep(0.01)
            assert view.status.text().startswith("●")
            assert f"127.0.0.1:{port}" in view.status.text()
            view.off.click()
            assert view.control.feed is None
            assert view.status.text().startswith("○")
        finally:
            view.control.stop()


def test_a_ca_file_is_asked_for_only_with_tls_and_must_exist(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    view = _view(qtbot, path)
    view.show()
    assert not view.ca_file.isVisible()
    view.tls.setChecked(True)
    assert view.ca_file.isVisible()
    view.host.setText("broker.local")
    view.port.setValue(8883)
    view.ca_file.setText(str(tmp_path / "missing-ca.pem"))
    view.save.click()
    assert "no CA certificate file" in view.message.text()
    assert not path.exists()
    (tmp_path / "ca.pem").write_text("-----BEGIN CERTIFICATE-----\n")
    view.ca_file.setText(str(tmp_path / "ca.pem"))
    view.save.click()
    saved = FeedSettingsFile(path).load()
    assert saved == FeedSettings("broker.local", 8883, tls=True, ca_file=str(tmp_path / "ca.pem"))
