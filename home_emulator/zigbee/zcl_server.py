"""The server side of ZCL, as an emulated meter or hub serves it.

Emulated devices reuse the production protocol classes: attribute types and command schemas come from
the same zigpy cluster definitions (``han.clusters``) that the displays decode with, so a frame one
side writes is a frame the other side reads. This module answers Read Attributes, Write Attributes and
Configure Reporting, runs the reporting rules a client configured, and dispatches cluster commands to
the device's own handlers.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import zigpy.types as t
from zigpy.zcl import Cluster
from zigpy.zcl import foundation as f

import han.clusters  # noqa: F401 - registers the GB cluster definitions this module serves

Command = tuple[str, dict[str, Any]]
CommandReply = Command | list[Command] | f.Status | None
"""A handler's answer: a client command (name, fields) or several (sent in order with the request's
transaction number), a status for a Default Response, or None for the default SUCCESS."""
CommandHandler = Callable[[Any], CommandReply]

_NO_MAX_INTERVAL = 0xFFFF
_MANUFACTURER_CLUSTERS = 0xFC00
"""Cluster ids from here on are a manufacturer's own, spoken in manufacturer-specific frames."""
Display = str
"""A bound display as reporting rules are kept for it: its EUI-64 as text (hashed once per frame,
not once per report)."""


@dataclass(slots=True)
class ReportingRule:
    """One attribute's reporting as the client configured it (ZCL 2.5.7)."""

    min_interval_s: int
    max_interval_s: int
    reportable_change: Any
    last_value: Any = None
    last_report_s: float | None = None

    def due(self, value: Any, now: float) -> bool:
        if self.last_report_s is None:
            return True
        elapsed = now - self.last_report_s
        if elapsed < self.min_interval_s:
            return False
        if self.max_interval_s != _NO_MAX_INTERVAL and elapsed >= self.max_interval_s > 0:
            return True
        if value == self.last_value:
            return False
        change = self.reportable_change
        if change and isinstance(value, int | float) and isinstance(self.last_value, int | float):
            return bool(abs(value - self.last_value) >= change)  # checked finite when configured
        return True


class ServerCluster:
    """Attribute values and reporting rules of one server cluster on an emulated endpoint."""

    def __init__(self, cluster_id: int, values: dict[str, Any] | None = None) -> None:
        self.definition: type[Cluster] = Cluster._registry[cluster_id]
        self.cluster_id = cluster_id
        self._values: dict[int, Any] = {}
        self.reporting: dict[int, ReportingRule] = {}
        """Rules for every bound display that configured none of its own (set by tools and tests)."""
        self.reporting_by_display: dict[Display, dict[int, ReportingRule]] = {}
        """Each display's own rules: what one display asks for never changes what another gets."""
        self._last_frame_s: dict[Display | None, float] = {}
        """When each display's frame (or the shared one) last went: for ``min_interval_floor_s``."""
        self.commands: dict[int, CommandHandler] = {}
        self.before_read: Callable[[], None] | None = None
        """Told before every read is answered (the hub sets its clock to the moment of asking)."""
        self.after_command: Callable[[int], None] | None = None
        """Told of every command a handler ran, before the answer is sent (the home store commits
        money there, so nothing the meter accepted is lost in a crash)."""
        self._heads: dict[int, bytes] = {}
        for name, value in (values or {}).items():
            self.set(name, value)

    def set(self, name: str, value: Any) -> None:
        attribute = self.definition.attributes_by_name[name]
        self._values[attribute.id] = value

    @property
    def values(self) -> dict[int, Any]:
        """Attribute values by id (read-only use: reports and reads go through the methods)."""
        return self._values

    def copy_from(self, other: ServerCluster) -> None:
        """Take every value ``other`` holds (a proxy showing what the device behind it said)."""
        self._values.update(other.values)

    def unset(self, name: str) -> None:
        self._values.pop(self.definition.attributes_by_name[name].id, None)

    def get(self, name: str) -> Any:
        return self._values[self.definition.attributes_by_name[name].id]

    def on_command(self, name: str, handler: CommandHandler) -> None:
        self.commands[self.definition.commands_by_name[name].id] = handler

    # Foundation commands ------------------------------------------------------------------

    def read(
        self, attribute_ids: list[int], may_read: Callable[[str], bool] | None = None
    ) -> list[f.ReadAttributeRecord]:
        if self.before_read is not None:
            self.before_read()
        records = []
        for attrid in attribute_ids:
            record = f.ReadAttributeRecord(attrid=t.uint16_t(attrid))
            attribute = self.definition.attributes.get(attrid)
            if attribute is None or attrid not in self._values:
                record.status = f.Status.UNSUPPORTED_ATTRIBUTE
            elif may_read is not None and not may_read(attribute.name):
                record.status = f.Status.NOT_AUTHORIZED
            else:
                record.status = f.Status.SUCCESS
                record.value = self._type_value(attrid)
            records.append(record)
        return records

    def write(self, records: list[f.Attribute]) -> list[f.WriteAttributesStatusRecord]:
        # Everything a GB meter serves on the HAN is read-only to consumer devices.
        statuses = []
        for record in records:
            known = record.attrid in self.definition.attributes and record.attrid in self._values
            status = f.Status.READ_ONLY if known else f.Status.UNSUPPORTED_ATTRIBUTE
            statuses.append(f.WriteAttributesStatusRecord(status=status, attrid=record.attrid))
        return statuses

    def reporting_for(self, display: Display | None) -> dict[int, ReportingRule]:
        """The rules reports to ``display`` follow: its own if it configured any, else the shared."""
        if display is None:
            return self.reporting
        return self.reporting_by_display.get(display, self.reporting)

    def configure_reporting(
        self, configs: list[f.AttributeReportingConfig], display: Display | None = None
    ) -> list[f.ConfigureReportingResponseRecord]:
        """Configure what is reported to ``display`` (None: the shared rules, for tools)."""
        failures = []
        if display is None:
            rules = self.reporting
        else:
            rules = self.reporting_by_display.setdefault(display, {})
        for config in configs:
            if config.direction != f.ReportingDirection.SendReports:
                continue
            status = self._reporting_refusal(config)
            if status is not None:
                failures.append(
                    f.ConfigureReportingResponseRecord(
                        status=status,
                        direction=f.ReportingDirection.SendReports,
                        attrid=config.attrid,
                    )
                )
                continue
            if int(config.max_interval) == _NO_MAX_INTERVAL and int(config.min_interval) == 0:
                rules.pop(config.attrid, None)  # the ZCL way to stop reporting
                continue
            rules[config.attrid] = ReportingRule(
                int(config.min_interval),
                int(config.max_interval),
                getattr(config, "reportable_change", None),  # absent for discrete types
            )
        return failures or [f.ConfigureReportingResponseRecord(status=f.Status.SUCCESS)]

    def _reporting_refusal(self, config: f.AttributeReportingConfig) -> f.Status | None:
        """Why a reporting configuration is refused (ZCL 2.5.8.1.2), or None if it is sound: a
        change that is not a finite, non-negative value of the attribute's own type would break
        every later report decision."""
        attribute = self.definition.attributes.get(config.attrid)
        if attribute is None or config.attrid not in self._values:
            return f.Status.UNSUPPORTED_ATTRIBUTE
        if int(config.datatype) != int(attribute.zcl_type):
            return f.Status.INVALID_DATA_TYPE
        minimum, maximum = int(config.min_interval), int(config.max_interval)
        if maximum not in (0, _NO_MAX_INTERVAL) and minimum > maximum:
            return f.Status.INVALID_VALUE
        change = getattr(config, "reportable_change", None)
        if change is not None:
            if isinstance(change, float) and not math.isfinite(change):
                return f.Status.INVALID_VALUE
            if not isinstance(change, int | float) or change < 0:
                return f.Status.INVALID_VALUE
        return None

    def due_reports(
        self, now: float, display: Display | None = None, min_interval_floor_s: float = 0.0
    ) -> bytes:
        """The attribute records of a Report Attributes frame for everything due now to
        ``display`` (may be empty); marks them as reported. ``min_interval_floor_s``: no frame
        sooner than that after the last one to that display (a fast-running home keeps its
        wall-clock report rate bounded); what changed meanwhile goes out together, so related
        values always share one frame."""
        last_frame_s = self._last_frame_s.get(display, float("-inf"))
        if min_interval_floor_s and now - last_frame_s < min_interval_floor_s:
            return b""
        records = bytearray()
        for attrid, rule in self.reporting_for(display).items():
            value = self._values.get(attrid)
            if value is None or not rule.due(value, now):
                continue
            rule.last_value = value
            rule.last_report_s = now
            records += self._record_head(attrid) + self._record_type(attrid)(value).serialize()
        if records:
            self._last_frame_s[display] = now
        return bytes(records)

    def _record_head(self, attrid: int) -> bytes:
        """Attribute id and data type id of a report record: fixed per attribute, so kept."""
        head = self._heads.get(attrid)
        if head is None:
            attribute = self.definition.attributes[attrid]
            head = self._heads[attrid] = t.uint16_t(attrid).serialize() + bytes(
                [attribute.zcl_type]
            )
        return head

    def _record_type(self, attrid: int) -> type:
        record_type: type = self.definition.attributes[attrid].type
        return record_type

    def _type_value(self, attrid: int) -> f.TypeValue:
        attribute = self.definition.attributes[attrid]
        return f.TypeValue(type=attribute.zcl_type, value=attribute.type(self._values[attrid]))


REPORT_ATTRIBUTES_HEADER = bytes(
    [
        # Frame control: general command, server to client, default response disabled.
        0b0001_1000,
    ]
)


def encode_report(tsn: int, records: bytes) -> bytes:
    """A Report Attributes frame from ready-serialised records (the meters' hottest path: reports
    are built straight into bytes with zigpy's attribute types, not through zigpy's command objects,
    which cost more than the decoding they feed)."""
    return REPORT_ATTRIBUTES_HEADER + bytes([tsn, f.GeneralCommand.Report_Attributes]) + records


@functools.cache
def _frame_control(general: bool, direction: f.Direction) -> int:
    """The frame control byte zigpy writes for a general or a cluster command in ``direction``
    (no manufacturer code), asked of zigpy once. An answer's header is then three bytes joined:
    building zigpy's header object for each one cost more than the rest of the answer."""
    make = f.ZCLHeader.general if general else f.ZCLHeader.cluster
    return int(make(0, 0, direction=direction).serialize()[0])


def encode_general(
    tsn: int, command: f.GeneralCommand, direction: f.Direction, **fields: Any
) -> bytes:
    header = bytes((_frame_control(True, direction), tsn, command))
    return header + f.GENERAL_COMMANDS[command].schema(**fields).serialize()


def encode_cluster_command(
    definition: type[Cluster], tsn: int, name: str, direction: f.Direction, **fields: Any
) -> bytes:
    command = definition.commands_by_name[name]
    header = bytes((_frame_control(False, direction), tsn, command.id))
    return header + command.schema(**fields).serialize()


class MalformedFrame(ValueError):
    """A ZCL frame too short to have a header: there is no transaction to answer."""


def handle_frame(
    cluster: ServerCluster,
    data: bytes,
    *,
    may_read: Callable[[str], bool] | None = None,
    display: Display | None = None,
) -> list[bytes]:
    """Answer one client→server ZCL frame with the frames that go back (possibly none);
    ``may_read`` limits which attributes the sender may read, ``display`` is who sent it (its
    reporting rules are its own).

    Whatever the bytes, the answer is a status, never an exception – except ``MalformedFrame``
    for a frame with no header to answer, and whatever a device's own command handler raises."""
    answer = _answer(cluster, data, may_read, display)
    if isinstance(answer, list):
        return answer
    return [] if answer is None else [answer]


class RequestControl(NamedTuple):
    """The bits of a request's frame control its answer depends on (ZCL 2.4.1.1)."""

    is_general: bool
    is_manufacturer_specific: bool
    disable_default_response: bool


class RequestHeader(NamedTuple):
    """A request's ZCL header as the server reads it (ZCL 2.4.1)."""

    frame_control: RequestControl
    tsn: int
    command_id: int


_FRAME_TYPE = 0b0000_0011  # 0: a general command; 1: a cluster's own (2 and 3: read as its own)
_MANUFACTURER_SPECIFIC = 0b0000_0100
_DISABLE_DEFAULT_RESPONSE = 0b0001_0000


def parse_header(data: bytes) -> tuple[RequestHeader, bytes]:
    """A request's header and what follows it. The usual header – three bytes, no manufacturer
    code – is read here, as zigpy reads it (a test holds the two readings to each other for every
    frame control); any other is read by zigpy. Building zigpy's header object for every request
    cost more than answering it."""
    if len(data) >= 3 and not data[0] & _MANUFACTURER_SPECIFIC:
        control = data[0]
        return RequestHeader(
            RequestControl(
                is_general=control & _FRAME_TYPE == 0,
                is_manufacturer_specific=False,
                disable_default_response=bool(control & _DISABLE_DEFAULT_RESPONSE),
            ),
            tsn=data[1],
            command_id=data[2],
        ), data[3:]
    try:
        header, rest = f.ZCLHeader.deserialize(data)
    except (ValueError, KeyError, IndexError) as error:
        raise MalformedFrame(f"no ZCL header in {len(data)} bytes ({error})") from error
    control_bits = header.frame_control
    return RequestHeader(
        RequestControl(
            is_general=bool(control_bits.is_general),
            is_manufacturer_specific=bool(control_bits.is_manufacturer_specific),
            disable_default_response=bool(control_bits.disable_default_response),
        ),
        tsn=int(header.tsn),
        command_id=int(header.command_id),
    ), rest


def _answer(  # noqa: C901 - one branch per ZCL general command, each answered with its own status
    cluster: ServerCluster,
    data: bytes,
    may_read: Callable[[str], bool] | None,
    display: Display | None,
) -> bytes | list[bytes] | None:
    header, payload = parse_header(data)
    reply_direction = f.Direction.Server_to_Client
    tsn = header.tsn
    general = header.frame_control.is_general

    if (
        header.frame_control.is_manufacturer_specific
        and cluster.cluster_id < _MANUFACTURER_CLUSTERS
    ):
        # The emulated meters extend no standard cluster with a manufacturer's commands.
        return _default_response(
            header,
            f.Status.UNSUP_MANUF_GENERAL_COMMAND
            if general
            else f.Status.UNSUP_MANUF_CLUSTER_COMMAND,
        )
    if general:
        if header.command_id == f.GeneralCommand.Default_Response:
            return None  # never answered (ZCL 2.5.12.2), or two devices could ping-pong forever
        try:
            command = f.GeneralCommand(header.command_id)
        except ValueError:
            return _default_response(header, f.Status.UNSUP_GENERAL_COMMAND)
        if command not in f.GENERAL_COMMANDS:
            return _default_response(header, f.Status.UNSUP_GENERAL_COMMAND)
        args: Any
        try:
            args, _ = f.GENERAL_COMMANDS[command].schema.deserialize(payload)
        except (ValueError, KeyError, IndexError, TypeError):
            return _default_response(header, f.Status.MALFORMED_COMMAND)
        if command == f.GeneralCommand.Read_Attributes:
            return encode_general(
                tsn,
                f.GeneralCommand.Read_Attributes_rsp,
                reply_direction,
                status_records=cluster.read(list(args.attribute_ids), may_read),
            )
        if command in (
            f.GeneralCommand.Write_Attributes,
            f.GeneralCommand.Write_Attributes_Undivided,
        ):
            return encode_general(
                tsn,
                f.GeneralCommand.Write_Attributes_rsp,
                reply_direction,
                status_records=cluster.write(list(args.attributes)),
            )
        if command == f.GeneralCommand.Configure_Reporting:
            return encode_general(
                tsn,
                f.GeneralCommand.Configure_Reporting_rsp,
                reply_direction,
                status_records=cluster.configure_reporting(list(args.config_records), display),
            )
        return _default_response(header, f.Status.UNSUP_GENERAL_COMMAND)

    handler = cluster.commands.get(header.command_id)
    if handler is None:
        return _default_response(header, f.Status.UNSUP_CLUSTER_COMMAND)
    command_def = cluster.definition.server_commands[header.command_id]
    try:
        args, _ = command_def.schema.deserialize(payload)
    except (ValueError, KeyError, IndexError, TypeError):
        return _default_response(header, f.Status.MALFORMED_COMMAND)
    reply = handler(args)
    if cluster.after_command is not None:
        cluster.after_command(int(header.command_id))
    if isinstance(reply, tuple):
        reply = [reply]
    if isinstance(reply, list):
        return [
            encode_cluster_command(cluster.definition, tsn, name, reply_direction, **fields)
            for name, fields in reply
        ]
    return _default_response(header, reply if reply is not None else f.Status.SUCCESS)


def failure_response(data: bytes, status: f.Status) -> bytes | None:
    """A Default Response with ``status`` to a frame, or None if it has no header to answer."""
    try:
        header, _ = parse_header(data)
    except MalformedFrame:
        return None
    return _default_response(header, status)


def _default_response(header: RequestHeader, status: f.Status) -> bytes | None:
    if header.frame_control.disable_default_response and status == f.Status.SUCCESS:
        return None
    return encode_general(
        header.tsn,
        f.GeneralCommand.Default_Response,
        f.Direction.Server_to_Client,
        command_id=header.command_id,
        status=status,
    )


__all__ = [
    "Command",
    "CommandHandler",
    "CommandReply",
    "Display",
    "MalformedFrame",
    "ReportingRule",
    "RequestControl",
    "RequestHeader",
    "ServerCluster",
    "encode_cluster_command",
    "encode_general",
    "encode_report",
    "failure_response",
    "handle_frame",
    "parse_header",
]
