"""The emulator's public surface: all that the host app (``app/``), the benchmarks and the scripts
use of the emulated home, stated here and nowhere else.

It is six modules, split by what importing them costs, so that a light import stays light:

- :mod:`home_emulator.api.names` – standard library only: a served home's address
  (``tcp://HOST:PORT``), and the name of a kept past with the module that renders one. The app
  asks these before its heavy imports.
- :mod:`home_emulator.api.scenarios` – scenario files and their scripted events, read and checked
  without building a home.
- :mod:`home_emulator.api.home` – the emulated home, its devices' public constants, the virtual
  radio and the air server, the supplier's WAN (loads zigpy and numpy).
- :mod:`home_emulator.api.from_scenario` – a home built from a scenario, and scripted events
  played on it (the home and the scenario reader both).
- :mod:`home_emulator.api.coordinator` – the emulated ZNP coordinator a real zigpy radio library
  talks to over TCP.
- :mod:`home_emulator.api.wire` – the served air's wire protocol, for a client of one's own (the
  soak benchmark's hostile peer).

Everything else in ``home_emulator`` is its inside: the tests may reach into it; ``app/``,
``benchmarks/`` and ``scripts/`` may not (the import-linter contract "the app and the benchmarks
use the emulator through its api", and ``tests/test_layering.py`` for all three). A name they need
is added to one of these modules first. This package itself imports nothing.
"""
