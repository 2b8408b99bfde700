"""``python -m app``: the suite's command line."""

from app.host.start_collection import collection_paused

with collection_paused():  # the command line's own imports (app.host.start_collection says why)
    from app.cli import main

raise SystemExit(main())
