"""A real Mosquitto broker for the feed's tests, on a free local port, gone when the test ends."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SBIN = Path("/usr/sbin/mosquitto")


def mosquitto_binary() -> str | None:
    found = shutil.which("mosquitto")
    if found is None and SBIN.exists():  # Debian installs it outside a normal user's PATH
        found = str(SBIN)
    return found


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throw-away certificate authority and a certificate it signed for 127.0.0.1:
    (CA certificate, server certificate, server key), as PEM files in ``folder``."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("Test home CA"))
        .issuer_name(name("Test home CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = (folder / "ca.pem", folder / "server.pem", folder / "server.key")
    files[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    files[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


@contextlib.contextmanager
def running_broker(folder: Path, *, tls: bool = False, port: int | None = None) -> Iterator[int]:
    """A broker on a free port (or on ``port``: a broker restarted, with nothing retained); with
    ``tls`` it speaks TLS only, with a certificate signed by the throw-away CA in
    ``folder / "ca.pem"``."""
    binary = mosquitto_binary()
    if binary is None:
        pytest.skip("Mosquitto is not installed (the test command installs it on Debian as root)")
    if port is None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    config = folder / "mosquitto.conf"
    lines = [f"listener {port} 127.0.0.1", "allow_anonymous true", "persistence false"]
    if os.geteuid() == 0:  # started as root, mosquitto would become "mosquitto" and lose the files
        lines.append("user root")
    if tls:
        _, certificate, key = make_certificates(folder)
        lines += [f"cafile {folder / 'ca.pem'}", f"certfile {certificate}", f"keyfile {key}"]
    config.write_text("\n".join(lines) + "\n")
    broker = subprocess.Popen(
        [binary, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if broker.poll() is not None or time.monotonic() > deadline:
                error = broker.stderr.read().decode() if broker.stderr else ""
                raise RuntimeError(f"mosquitto did not start: {error}")
            time.sleep(0.05)
        yield port
    finally:
        broker.terminate()
        try:
            broker.wait(5)
        except subprocess.TimeoutExpired:
            broker.kill()
            broker.wait()
        if broker.stderr is not None:
            broker.stderr.close()
