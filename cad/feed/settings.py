"""Where the CAD publishes its local MQTT feed, if anywhere: validated, saved atomically.

The feed is off until a broker is set (in the CAD's Feed tab or ``--mqtt`` style tests). A settings
file that cannot be read – corrupt, from a newer version – leaves the feed off and says why, and is
not overwritten until the user saves new settings, so nothing they had is lost by looking.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

from app.settings.atomic_file import write_text_atomically
from cad.pairing_memory import config_dir

SCHEMA_VERSION: Final = 1
DEFAULT_PORT: Final = 1883
DEFAULT_PREFIX: Final = "glow"
"""The topic prefix the Glow CAD uses, so existing automations work unchanged."""


class FeedSettingsError(ValueError):
    """A setting that cannot be used; the message says which and why, for the person, and
    ``field`` names it ("host", "port", "prefix") so a view can say it in the display's language."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class FeedSettings:
    host: str
    port: int = DEFAULT_PORT
    prefix: str = DEFAULT_PREFIX
    username: str = ""
    password: str = ""
    discovery: bool = True
    """Also announce the sensors to Home Assistant (MQTT discovery)."""
    tls: bool = False
    """Encrypt the connection and check the broker's certificate (brokers usually listen on 8883)."""
    ca_file: str = ""
    """The certificate authority that signed the broker's certificate (a home broker's own CA);
    empty: the system's trusted authorities."""

    def validated(self) -> FeedSettings:
        host = self.host.strip()
        if not host or any(ch.isspace() for ch in host) or "/" in host:
            raise FeedSettingsError(
                "host", f"Broker host {self.host!r} is not a host name or address."
            )
        if not 1 <= self.port <= 65535:
            raise FeedSettingsError("port", f"Broker port must be 1 to 65535, not {self.port}.")
        prefix = self.prefix.strip()
        if not prefix or any(ch in prefix for ch in "+#") or prefix.startswith("/"):
            raise FeedSettingsError(
                "prefix",
                f"Topic prefix {self.prefix!r} must be a plain topic such as 'glow' "
                "(no '+', '#' or leading '/').",
            )
        ca_file = self.ca_file.strip()
        if ca_file and not self.tls:
            raise FeedSettingsError("ca_file", "A CA certificate is only used with TLS.")
        if ca_file and not Path(ca_file).is_file():
            raise FeedSettingsError("ca_file", f"There is no CA certificate file at {ca_file}.")
        return FeedSettings(
            host,
            self.port,
            prefix.rstrip("/"),
            self.username,
            self.password,
            self.discovery,
            self.tls,
            ca_file,
        )


class FeedSettingsFile:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "feed.json"
        self.problem: str | None = None
        """Why the last ``load`` found no usable settings in an existing file (None: fine)."""

    def load(self) -> FeedSettings | None:
        """The saved settings; None when the feed is off (no file) or the file is unusable."""
        self.problem = None
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:
            self.problem = f"Cannot read the feed settings ({error.strerror}); the feed is off."
            return None
        try:
            data = json.loads(text)
            if data.get("schema_version") != SCHEMA_VERSION:
                raise ValueError("unknown version")
            return FeedSettings(
                host=str(data["host"]),
                port=int(data["port"]),
                prefix=str(data["prefix"]),
                username=str(data.get("username", "")),
                password=str(data.get("password", "")),
                discovery=bool(data.get("discovery", True)),
                tls=bool(data.get("tls", False)),
                ca_file=str(data.get("ca_file", "")),
            ).validated()
        except (ValueError, KeyError, TypeError, AttributeError):
            self.problem = (
                f"The feed settings in {self.path} are damaged; the feed is off until you save "
                "them again."
            )
            return None

    def save(self, settings: FeedSettings) -> FeedSettings:
        """Validate, then replace the file whole; raises FeedSettingsError or OSError unchanged."""
        checked = settings.validated()
        text = json.dumps({"schema_version": SCHEMA_VERSION, **asdict(checked)}, indent=1)
        write_text_atomically(self.path, text)
        self.problem = None
        return checked

    def turn_off(self) -> None:
        self.path.unlink(missing_ok=True)
        self.problem = None
