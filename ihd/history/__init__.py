"""The History screen (``screen.py``), composed of its controls, its chart page and its totals page."""
