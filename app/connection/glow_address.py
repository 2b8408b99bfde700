"""Where a Glow feed is: ``glow://[USER:PASS@]HOST[:PORT]/DEVICE_ID`` names the MQTT broker a
Hildebrand Glow display or CAD (or our own CAD) publishes to, and the device whose feed to read.

- ``glow://`` is plain MQTT, port 1883 unless given;
- ``glows://`` is MQTT over TLS, port 8883 unless given, the broker's certificate checked against
  the system's certificate authorities – or against one given as ``?ca=FILE`` (a home broker's
  own CA). ``glow://…?tls=1`` is the same as ``glows://``;
- ``?prefix=TOPIC`` when the feed is not under ``glow/`` (a CAD told to publish elsewhere).

A user name or password with ``@``, ``:`` or ``/`` in it is written percent-encoded (``%40``).
Standard library only: the command line checks an address before anything is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qs, unquote, urlsplit

SCHEME: Final = "glow"
TLS_SCHEME: Final = "glows"
PLAIN_PORT: Final = 1883
TLS_PORT: Final = 8883
DEFAULT_PREFIX: Final = "glow"
FORM: Final = "glow://[USER:PASS@]HOST[:PORT]/DEVICE_ID"

_DEVICE_ID = re.compile(r"[A-Za-z0-9_-]+")
_PREFIX = re.compile(r"[A-Za-z0-9_/-]+")
_YES = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class GlowAddress:
    host: str
    port: int
    device_id: str
    username: str | None = None
    password: str | None = None
    tls: bool = False
    ca_file: str | None = None
    prefix: str = DEFAULT_PREFIX

    def __str__(self) -> str:
        """The address as the log may show it: never the password."""
        user = f"{self.username}@" if self.username else ""
        scheme = TLS_SCHEME if self.tls else SCHEME
        return f"{scheme}://{user}{self.host}:{self.port}/{self.device_id}"


def is_glow(name: str) -> bool:
    return name.startswith((f"{SCHEME}://", f"{TLS_SCHEME}://"))


def parse_glow(text: str) -> GlowAddress:
    """The address in ``text``; ValueError with a one-line reason if it is not one."""
    if not is_glow(text):
        raise ValueError(f"a Glow feed is written {FORM}")
    parts = urlsplit(text)
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise ValueError(f"{text!r}: the port is not a number from 1 to 65535") from None
    if not host:
        raise ValueError(f"{text!r} names no broker: write {FORM}")
    device_id = parts.path.strip("/")
    if not _DEVICE_ID.fullmatch(device_id):
        raise ValueError(
            f"{text!r} names no device: write {FORM} (DEVICE_ID as in glow/DEVICE_ID/…)"
        )
    options = parse_qs(parts.query)
    unknown = set(options) - {"tls", "ca", "prefix"}
    if unknown:
        raise ValueError(f"{text!r}: unknown option {sorted(unknown)[0]!r} (tls, ca, prefix)")
    ca_file = options.get("ca", [None])[-1]
    tls = (
        parts.scheme == TLS_SCHEME
        or options.get("tls", ["0"])[-1].lower() in _YES
        or ca_file is not None
    )
    prefix = options.get("prefix", [DEFAULT_PREFIX])[-1].strip("/")
    if not _PREFIX.fullmatch(prefix) or "+" in prefix or "#" in prefix:
        raise ValueError(f"{text!r}: the prefix may hold letters, digits, - _ and /")
    return GlowAddress(
        host=host,
        port=port or (TLS_PORT if tls else PLAIN_PORT),
        device_id=device_id,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        tls=tls,
        ca_file=ca_file,
        prefix=prefix,
    )
