"""The suite's data files, installed as the package ``smets_resources`` (see ``han/resources.py``)."""
