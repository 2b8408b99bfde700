"""Kiosk mode: the suite as an appliance on a touchscreen (``python -m app --kiosk``)."""
