"""``python -m home_emulator``: the emulated home's own tools."""

from home_emulator.commands.cli import main

raise SystemExit(main())
