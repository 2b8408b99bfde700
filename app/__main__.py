"""``python -m app``: the suite's command line."""

from app.cli import main

raise SystemExit(main())
