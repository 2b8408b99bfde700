"""Which packages the wheel holds. Everything else about the project is in pyproject.toml.

The data files live in the checkout's top-level ``resources/`` folder but are installed as the
package ``smets_resources``, so that every kind of install – a wheel, pipx, the Debian package, an
editable checkout – finds them the same way (``han/resources.py``). pyproject.toml cannot say "the
packages found, plus this one mapped from another folder", hence this file.
"""

from setuptools import find_packages, setup

RESOURCES = "smets_resources"
DATA = {
    "scenarios": ["*.toml", "README.md"],
    "studies": ["*.toml", "README.md"],
    "translations": ["*.qm"],
    "kiosk": ["*.service", "*.rules"],
    "cad": ["*.service"],
    "desktop": ["*.desktop", "*.svg"],
    "ui": ["*.svg"],
}
"""Each folder of resources/ and the files of it the suite reads at run time (the translations'
.ts sources are for translators and stay in the checkout)."""

setup(
    packages=[
        *find_packages(
            include=["app*", "ihd*", "ppmid*", "cad*", "han*", "home_emulator*", "benchmarks*"]
        ),
        RESOURCES,
        # The folders are packages too, so setuptools installs them as such rather than warning
        # that a folder of data looks like an undeclared package.
        *(f"{RESOURCES}.{folder}" for folder in DATA),
    ],
    package_dir={RESOURCES: "resources"},
    package_data={f"{RESOURCES}.{folder}": patterns for folder, patterns in DATA.items()},
)
