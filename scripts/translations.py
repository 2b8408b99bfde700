"""Keep the translation catalogues in step with the source code.

    python scripts/translations.py           collect strings into resources/translations/*.ts
                                             (pyside6-lupdate) and compile them to .qm (lrelease)
    python scripts/translations.py --check   exit 1 if a .ts misses a string of the sources, has
                                             one they no longer use, a Welsh string is untranslated,
                                             or a .qm is not what its .ts compiles to

Run it with the project's environment (``.venv/bin/python scripts/translations.py``): both tools
come with PySide6-Essentials. After adding a string, run it, translate the new entries in
``smets_cy.ts`` (Qt Linguist, ``pyside6-linguist``, or any editor), and run it again to compile.
The .qm files are committed, so the app runs in Welsh straight from a checkout or an installed copy
without Qt's tools; the check (run by the test suite) keeps them honest.

Source locations are not stored (``-locations none``), so moving code does not touch the catalogues:
they change only when a string does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "smets"
SOURCE_PACKAGES = ("app", "ihd", "ppmid", "cad")
TOOLS = Path(sys.executable).parent

LANGUAGES = {
    # code: (Qt locale, extra lupdate options)
    "cy": ("cy_GB", []),
    # English is the source language: its catalogue only holds plural forms ("1 message").
    "en": ("en_GB", ["-pluralonly"]),
}


def _tool(name: str) -> str:
    path = TOOLS / f"pyside6-{name}"
    found = str(path) if path.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"translations.py: pyside6-{name} not found (is PySide6 installed?)")
    return found


def sources() -> list[str]:
    files = []
    for package in SOURCE_PACKAGES:
        files += sorted(str(path) for path in (ROOT / package).rglob("*.py"))
    return files


def ts_path(code: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{code}.ts"


def qm_path(code: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{code}.qm"


def update(folder: Path = TRANSLATIONS) -> None:
    """Merge the sources' strings into the .ts files in ``folder`` (translations are kept)."""
    for code, (locale, options) in LANGUAGES.items():
        subprocess.run(
            [
                _tool("lupdate"),
                "-silent",
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en_GB",
                "-target-language",
                locale,
                *options,
                *sources(),
                "-ts",
                str(ts_path(code, folder)),
            ],
            check=True,
        )


def release(source: Path = TRANSLATIONS, target: Path = TRANSLATIONS) -> None:
    for code in LANGUAGES:
        subprocess.run(
            [
                _tool("lrelease"),
                "-silent",
                str(ts_path(code, source)),
                "-qm",
                str(qm_path(code, target)),
            ],
            check=True,
        )


def untranslated(code: str) -> list[str]:
    tree = ElementTree.parse(ts_path(code))
    return [
        message.findtext("source", "")
        for message in tree.iter("message")
        if (translation := message.find("translation")) is not None
        and (translation.get("type") == "unfinished" or translation.get("type") == "vanished")
    ]


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for code in LANGUAGES:
            shutil.copy(ts_path(code), ts_path(code, folder))
        update(folder)
        for code in LANGUAGES:
            if ts_path(code, folder).read_text("utf-8") != ts_path(code).read_text("utf-8"):
                problems.append(f"{ts_path(code).name} does not match the strings in the sources")
        release(TRANSLATIONS, folder)
        for code in LANGUAGES:
            committed = qm_path(code)
            if (
                not committed.exists()
                or committed.read_bytes() != qm_path(code, folder).read_bytes()
            ):
                problems.append(f"{committed.name} is not what {ts_path(code).name} compiles to")
    problems += [f"not yet in Welsh: {source!r}" for source in untranslated("cy")]
    return problems


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        problems = check()
        for problem in problems:
            print(f"translations.py: {problem}", file=sys.stderr)
        if problems:
            print(
                "translations.py: run python scripts/translations.py, then translate",
                file=sys.stderr,
            )
        return 1 if problems else 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    update()
    release()
    for source in untranslated("cy"):
        print(f"translations.py: not yet in Welsh: {source!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
