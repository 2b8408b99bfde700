"""Usability trials, Qt-free: studies (TOML), task order, success conditions judged on the emulated
home, the SQLite record of a trial, and the report's statistics.

The operator console (``app/trial_ui/``) and the participant displays' recorder are the Qt side;
everything a trial decides or counts is here, so it is tested without a window.
"""
