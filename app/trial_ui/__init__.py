"""Usability trials, the Qt side: the operator console, the participant display's recorder and
the report's plots and command (the logic is in ``app/trial/``)."""
