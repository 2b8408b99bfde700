"""The suite finds its data files as an installed package, never through the checkout's layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from han.resources import MissingResources, resource_dir

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "han", "home_emulator", "ihd", "ppmid", "cad")


@pytest.mark.parametrize(
    ("folder", "example"),
    [
        ("scenarios", "family-dual-fuel.toml"),
        ("studies", "prepay-basics.toml"),
        ("translations", "smets_cy.qm"),
        ("kiosk", "smets-ihd.service"),
        ("cad", "smets-cad.service"),
        ("kiosk", "90-smets-backlight.rules"),
        ("desktop", "smets-ihd.desktop"),
        ("desktop", "smets-ihd.svg"),
        ("ui", "tick-dark.svg"),
    ],
)
def test_each_resource_folder_is_found_as_a_package(folder: str, example: str) -> None:
    assert (resource_dir(folder) / example).is_file()


def test_the_resources_package_is_the_checkouts_resources_folder_here() -> None:
    # An editable install maps the package onto the folder: what a developer edits is what runs.
    assert resource_dir("scenarios") == ROOT / "resources" / "scenarios"


def test_a_missing_resources_package_says_to_reinstall(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("han.resources.PACKAGE", "smets_resources_not_installed")
    with pytest.raises(MissingResources, match="reinstall smets-consumer-suite"):
        resource_dir("scenarios")


def test_no_module_walks_up_to_the_checkouts_resources_folder() -> None:
    walking_up = re.compile(r"__file__.*(parent|\.\.)[^\n]*\n?[^\n]*[\"']resources[\"']")
    offenders = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if walking_up.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
