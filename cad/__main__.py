"""``python -m cad``: the CAD's command line.

    python -m cad export --from DATE --to DATE --format csv|json [--fuel electricity|gas] [--db PATH]

``export`` writes the log's half hours to standard output (the logger itself runs in the CAD:
``python -m app --mode cad``). A bad argument, a bad date or an empty range is one line on standard
error and exit status 2.
"""

from __future__ import annotations

import sys

from cad.cli import main

if __name__ == "__main__":
    sys.exit(main())
