"""The HAN side of a running display, with or without its window: the source the options name,
the connection that keeps it up, and the pairing port of a device that pairs itself. Qt-free, so
the windowed host (``running``) and the headless one (``headless``) wire it the same way.

A Glow feed (``glow://``) is a source without a radio: its address goes straight to a
``GlowConnection``, which has the same surface as a ``HanConnection``."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from app.connection.base import HanSource
from app.connection.glow_address import GlowAddress, is_glow, parse_glow
from app.connection.han_access import CAD_IEEE, HanAccess, session_access
from app.connection.han_connection import HanConnection
from app.connection.sources import EmulatorDemo, EmulatorSource, open_source
from app.host.experiences import Experience
from app.settings.options import Options
from han.model import HomeModel
from han.session import HanSession

if TYPE_CHECKING:  # its MQTT client is imported only for a display on a feed
    from app.connection.glow_connection import GlowConnection

Source = HanSource | GlowAddress
Connection: TypeAlias = "HanConnection | GlowConnection"
"""What a display's host holds: either kind of connection, one surface."""


def source_for(options: Options, experience: Experience) -> Source:
    if is_glow(options.source):
        return parse_glow(options.source)
    return open_source(
        options.source,
        speed=options.speed,
        seed=options.seed,
        display_ieee=options.display_ieee,
        install_code=options.install_code,
        pairs_itself=experience.pairs_itself,
        baudrate=options.baudrate,
        flow_control=options.flow_control,
        scenario=options.scenario,
    )


def connection_for(source: Source, model: HomeModel, experience: Experience) -> Connection:
    if isinstance(source, GlowAddress):
        from app.connection.glow_connection import GlowConnection

        return GlowConnection(source, model)
    image_type = experience.firmware_image_type
    return HanConnection(
        source,
        model,
        # A device that takes firmware over the air runs an OTA client in every session.
        session_factory=lambda radio, model: HanSession(
            radio, model, firmware_image_type=image_type
        ),
    )


def han_access_for(
    experience: Experience, source: Source, connection: Connection
) -> HanAccess | None:
    """Pairing and meter links for a device that pairs itself (None for the others, and on a
    feed, where there is no HAN to pair with)."""
    if not experience.pairs_itself or isinstance(source, GlowAddress):
        return None
    demo = EmulatorDemo(source.home) if isinstance(source, EmulatorSource) else None
    display_ieee = getattr(source, "display_ieee", None) or CAD_IEEE
    install_code = getattr(source, "install_code", None)  # given on the command line
    return session_access(lambda: connection.session, display_ieee, demo, install_code)
