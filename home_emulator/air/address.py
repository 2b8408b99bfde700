"""``tcp://HOST:PORT``: the addresses of the emulator's TCP services (the air link for remote
displays, the emulated coordinator's serial port). Standard library only, and light: the app checks
an address on its command line before its heavy imports."""

from __future__ import annotations

from urllib.parse import urlsplit

SCHEME = "tcp"


def parse_tcp_address(url: str, *, expected: str, any_port: bool = False) -> tuple[str, int]:
    """``tcp://HOST:PORT`` → (host, port); ValueError with a readable reason otherwise.
    ``expected`` starts the reason ("expected", "--znp expects"); ``any_port`` admits port 0
    (a listener picking a free one)."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or not parts.netloc or parts.path not in ("", "/"):
        raise ValueError(f"{expected} tcp://HOST:PORT, not {url!r}")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"bad port in {url!r}") from None
    if not parts.hostname or port is None or (port == 0 and not any_port):
        lowest = 0 if any_port else 1
        raise ValueError(
            f"{expected} tcp://HOST:PORT with a port from {lowest} to 65535, not {url!r}"
        )
    return parts.hostname, port


def parse_address(url: str) -> tuple[str, int]:
    """``tcp://HOST:PORT`` of a served home → (host, port)."""
    return parse_tcp_address(url, expected="expected")
