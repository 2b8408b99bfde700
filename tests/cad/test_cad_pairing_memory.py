"""The CAD remembers its pairing in a file written atomically; a damaged file means "not paired"."""

from __future__ import annotations

from pathlib import Path

from cad.pairing_memory import Pairing, PairingMemory, config_dir


def test_the_pairing_is_saved_read_back_and_forgotten(tmp_path: Path) -> None:
    memory = PairingMemory(tmp_path / "cad" / "pairing.json")
    assert memory.load() is None
    pairing = Pairing("00:0d:6f:ff:fe:00:0c:ad", None, "passkey", 1_780_000_000.0)
    memory.save(pairing)
    assert memory.load() == pairing
    assert [p.name for p in memory.path.parent.iterdir()] == ["pairing.json"]  # no temporaries
    memory.forget()
    assert memory.load() is None


def test_a_damaged_or_foreign_file_is_not_a_pairing(tmp_path: Path) -> None:
    memory = PairingMemory(tmp_path / "pairing.json")
    memory.path.write_text("{not json", encoding="utf-8")
    assert memory.load() is None
    memory.path.write_text('{"schema_version": 99, "display_ieee": "x"}', encoding="utf-8")
    assert memory.load() is None


def test_the_default_file_is_in_the_users_config_folder(tmp_path: Path) -> None:
    assert PairingMemory().path == config_dir() / "pairing.json"
    assert "smets-consumer-suite" in str(config_dir())
