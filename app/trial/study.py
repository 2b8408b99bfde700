"""A study: who takes part, which tasks they do, in what order, on which emulated home.

Studies are TOML files written by usability researchers (``resources/studies/README.md``). As with
scenarios, every mistake is reported as one line naming the file, the line and the key, and unknown
keys are errors (a misspelt ``time_limit`` would otherwise give every task the default).

A task's ``[[tasks.setup]]`` entries are the scenario event kinds the home already understands
(``low_credit``, ``message``, ``rearm``, ``kettle``, ``price_change``, ``outage`` …) without an
``at``: they happen when the researcher starts the task.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from app.trial.coding import CodingScheme, read_coding_scheme
from app.trial.questionnaires import Instrument, Item, ItemKind, QuestionnairePlan
from app.trial.variants import VARIANT_SETTINGS, Design, Variant
from han.resources import resource_dir
from home_emulator.api.scenarios import (
    EventContext,
    Scenario,
    ScenarioError,
    ScriptedEvent,
    TomlSource,
    TomlTable,
    open_scenario,
    read_events,
    read_prepayment,
    syntax_error,
)
from home_emulator.api.scenarios import read_tariff as read_scenario_tariff

STUDY_DIR: Final = resource_dir("studies")
DISPLAYS: Final = ("ppmid", "ihd")
DEFAULT_TIME_LIMIT_S: Final = 180
MAX_TIME_LIMIT_S: Final = 3600
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
PARTICIPANT_ID: Final = _ID


class StudyError(ValueError):
    """A study file that cannot be used: one line with the file, the line, the key and why."""


class Order(StrEnum):
    FIXED = "fixed"
    """Every participant does the tasks in the file's order."""
    RANDOM = "random"
    """A seeded shuffle per participant: the same study and seed give the same orders."""
    LATIN_SQUARE = "latin-square"
    """Counterbalanced: a balanced Latin square, one row per participant in turn."""


class SuccessKind(StrEnum):
    CREDIT_ADDED = "credit_added"
    """Top-up codes worth at least ``pounds`` were accepted by the meter since the task started."""
    EMERGENCY_CREDIT_ACTIVE = "emergency_credit_active"
    SUPPLY_ON = "supply_on"
    """The electricity supply is on (after a re-arm, someone has turned it back on)."""
    MESSAGE_CONFIRMED = "message_confirmed"
    """A supplier message was confirmed on a display since the task started."""
    SCREEN_SHOWN = "screen_shown"
    """The participant's display showed ``screen`` (a screen's name, e.g. ihd-history)."""
    RESEARCHER = "researcher"
    """Not observable in the home (an answer given aloud): the researcher marks it."""


@dataclass(frozen=True)
class Success:
    kind: SuccessKind
    pounds: Decimal | None = None
    screen: str | None = None
    expected: str = ""
    """For the researcher: what a right answer is (shown on the console)."""


@dataclass(frozen=True)
class Task:
    id: str
    instruction: str
    success: Success
    time_limit_s: int = DEFAULT_TIME_LIMIT_S
    display: str = "ppmid"
    """Which participant display the task is done on."""
    setup: tuple[ScriptedEvent, ...] = ()
    """Put the home in the situation the task needs, when the task starts."""
    vend_pounds: Decimal | None = None
    """Vend a top-up code of this value when the task starts, for the participant's card."""
    line: int | None = None


@dataclass(frozen=True)
class Study:
    id: str
    title: str
    scenario: Scenario
    participants: tuple[str, ...]
    tasks: tuple[Task, ...]
    order: Order = Order.FIXED
    seed: int = 1
    source: Path = Path("study.toml")
    questionnaires: QuestionnairePlan = field(default_factory=QuestionnairePlan)
    variants: tuple[Variant, ...] = ()
    """Design variants compared (none: the displays as designed)."""
    design: Design = Design.WITHIN
    coding: CodingScheme = field(default_factory=CodingScheme)
    """The observers' codes (``[observation]``); none when the study defines none."""

    @property
    def displays(self) -> tuple[str, ...]:
        """The participant displays the tasks need, in the order they are first used."""
        return tuple(dict.fromkeys(task.display for task in self.tasks))

    def task(self, task_id: str) -> Task:
        return next(task for task in self.tasks if task.id == task_id)

    def variant(self, variant_id: str) -> Variant | None:
        return next((v for v in self.variants if v.id == variant_id), None)


def load_study(path: str | Path, *, scenario: str | None = None) -> Study:
    """A study from its file (or its name in resources/studies/); ``scenario`` runs it on another
    home than the one the file names (a scenario name or .toml file)."""
    path = Path(path)
    if not path.exists() and path.suffix != ".toml" and (STUDY_DIR / f"{path}.toml").exists():
        path = STUDY_DIR / f"{path}.toml"
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise StudyError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise StudyError(f"{path}: is not UTF-8 text") from None
    return parse_study(text, path, scenario=scenario)


def parse_study(
    text: str, source: str | Path = "study.toml", *, scenario: str | None = None
) -> Study:
    path = Path(source)
    origin = TomlSource(path.name, text)
    try:
        try:
            data = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as error:
            raise syntax_error(error, origin) from None
        _setup_happens_at_the_start(data, origin)
        return _read_study(TomlTable(data, (), origin), path, scenario)
    except ScenarioError as error:
        raise StudyError(str(error)) from None


def _setup_happens_at_the_start(data: dict[str, Any], origin: TomlSource) -> None:
    """A setup entry is a scenario event without ``at``: it happens when the task starts."""
    tasks = data.get("tasks")
    if not isinstance(tasks, list):
        return
    for i, task in enumerate(tasks):
        setup = task.get("setup") if isinstance(task, dict) else None
        if not isinstance(setup, list):
            continue
        for j, entry in enumerate(setup):
            if isinstance(entry, dict):
                if "at" in entry:
                    origin.fail(
                        ("tasks", i, "setup", j, "at"),
                        "setup happens when the task starts: remove at",
                    )
                entry["at"] = "+0s"


def _read_study(root: TomlTable, path: Path, scenario_override: str | None) -> Study:
    study_id = root.text("id", path.stem)
    if not _ID.fullmatch(study_id):
        root.fail("id", "letters, digits, '-', '_' or '.', at most 40, e.g. \"prepay-basics\"")
    title = root.text("title")
    if not title.strip():
        root.fail("title", "must not be empty: it heads the report")
    scenario = _scenario(root, path)
    if scenario_override is not None:
        try:
            scenario = open_scenario(scenario_override)
        except (ScenarioError, OSError) as error:
            raise StudyError(f"--scenario {scenario_override}: {error}") from None
    participants = _participants(root)
    order = root.choice("order", Order, Order.FIXED, what="order")
    seed = root.integer("seed", 1, minimum=0, maximum=2**63 - 1)
    tables = root.tables("tasks")
    if not tables:
        root.missing("tasks", "a study needs at least one [[tasks]] entry")
    tasks = tuple(_task(table, scenario) for table in tables)
    seen: dict[str, int] = {}
    for index, task in enumerate(tasks):
        if task.id in seen:
            tables[index].fail("id", f'"{task.id}" is already the id of task {seen[task.id] + 1}')
        seen[task.id] = index
    plan = _questionnaires(root.table("questionnaires")) if root.has("questionnaires") else None
    design = root.choice("design", Design, Design.WITHIN, what="design")
    variants = _variants(root)
    coding = read_coding_scheme(root.table("observation"))
    root.finish("a study")
    return Study(
        study_id,
        title,
        scenario,
        participants,
        tasks,
        order,
        seed,
        path,
        plan or QuestionnairePlan(),
        variants,
        design,
        coding,
    )


SCALE_POINTS: Final = (5, 7)


def _questionnaires(table: TomlTable) -> QuestionnairePlan:
    after_task = table.choices("after_each_task", Instrument, (), what="questionnaire")
    after_session = table.choices("after_session", Instrument, (), what="questionnaire")
    for key, chosen in (("after_each_task", after_task), ("after_session", after_session)):
        if Instrument.OWN in chosen:
            table.fail(key, 'the study\'s own items are [[questionnaires.items]], not "study"')
    shown_on = table.one_of("shown_on", ("display", "console"), "place", "display")
    own_after = table.one_of("items_after", ("session", "task"), "time", "session")
    items: list[Item] = []
    for entry in table.tables("items"):
        item = _item(entry)
        if any(known.id == item.id for known in items):
            entry.fail("id", f'"{item.id}" is already an item\'s id')
        items.append(item)
    table.finish("[questionnaires]")
    return QuestionnairePlan(after_task, after_session, tuple(items), own_after, shown_on)


def _item(table: TomlTable) -> Item:
    item_id = table.text("id")
    if not _ID.fullmatch(item_id):
        table.fail("id", 'letters, digits, "-" or "_", e.g. "trust"')
    text = table.text("text")
    if not text.strip():
        table.fail("text", "must not be empty: it is what the participant is asked")
    text_cy = table.text("text_cy", "")
    kind = table.choice("kind", ItemKind, ItemKind.SCALE, what="item kind")
    if kind is ItemKind.TEXT:
        table.finish("a text item")
        return Item(item_id, text, ItemKind.TEXT, low=0, high=0, text_cy=text_cy)
    points = table.integer("points", 5)
    if points not in SCALE_POINTS:
        table.fail("points", "a Likert item has 5 or 7 points")
    low = table.text("low", "Strongly disagree")
    high = table.text("high", "Strongly agree")
    labels_cy = (table.text("low_cy", ""), table.text("high_cy", ""))
    table.finish("a scale item")
    return Item(item_id, text, kind, 1, points, 1, low, high, text_cy, labels_cy)


def _variants(root: TomlTable) -> tuple[Variant, ...]:
    variants: list[Variant] = []
    for table in root.tables("variants"):
        variant_id = table.text("id")
        if not _ID.fullmatch(variant_id):
            table.fail("id", 'letters, digits, "-" or "_", e.g. "pounds-first"')
        if any(known.id == variant_id for known in variants):
            table.fail("id", f'"{variant_id}" is already a variant\'s id')
        title = table.text("title", variant_id)
        settings_table = table.table("settings")
        settings: dict[str, str | bool] = {}
        for name, allowed in VARIANT_SETTINGS.items():
            if not settings_table.has(name):
                continue
            value = settings_table.raw(name)
            if value not in allowed or isinstance(value, bool) != isinstance(allowed[0], bool):
                shown = ", ".join(
                    f'"{a}"' if isinstance(a, str) else str(a).lower() for a in allowed
                )
                settings_table.fail(name, f"should be one of {shown}")
            assert isinstance(value, str | bool)
            settings[name] = value
        settings_table.finish("a variant's settings")
        table.finish("a variant")
        variants.append(Variant(variant_id, title, settings))
    if len(variants) == 1:
        root.fail("variants", "a comparison needs at least two [[variants]]")
    return tuple(variants)


def _scenario(root: TomlTable, path: Path) -> Scenario:
    name = root.text("scenario")
    candidate = path.parent / name
    try:
        return open_scenario(str(candidate) if candidate.suffix == ".toml" else name)
    except ScenarioError as error:
        root.fail("scenario", f"{name}: {error}")
    except OSError as error:
        root.fail("scenario", f"{name} cannot be read ({error.strerror})")


def _participants(root: TomlTable) -> tuple[str, ...]:
    values = root.raw("participants")
    if values is None:
        root.missing("participants", 'who takes part, e.g. participants = ["P01", "P02"]')
    if not isinstance(values, list) or not values:
        root.fail("participants", 'should be a list of ids, e.g. ["P01", "P02"]')
    participants: list[str] = []
    for i, value in enumerate(values):
        if not isinstance(value, str) or not _ID.fullmatch(value):
            root.fail(("participants", i), 'an id is letters and digits, e.g. "P01"')
        if value in participants:
            root.fail(("participants", i), f'"{value}" is listed twice')
        participants.append(value)
    return tuple(participants)


def _task(table: TomlTable, scenario: Scenario) -> Task:
    task_id = table.text("id")
    if not _ID.fullmatch(task_id):
        table.fail("id", 'letters, digits, "-" or "_", e.g. "top-up"')
    instruction = table.text("instruction")
    if not instruction.strip():
        table.fail("instruction", "must not be empty: it is read to the participant")
    time_limit_s = table.duration("time_limit", DEFAULT_TIME_LIMIT_S)
    if time_limit_s > MAX_TIME_LIMIT_S:
        table.fail("time_limit", "is more than an hour; split the task")
    display = table.one_of("display", DISPLAYS, "display", "ppmid")
    vend = table.optional_decimal(
        "vend_pounds", minimum=Decimal(1), maximum=Decimal(8191), places=0
    )
    if not table.has("success"):
        table.missing("success", 'how the task is judged, e.g. success = { kind = "supply_on" }')
    success = _success(table.table("success"))
    setup = _setup(table, scenario)
    table.finish("a task")
    return Task(task_id, instruction, success, time_limit_s, display, setup, vend, table.line())


def _success(table: TomlTable) -> Success:
    kind = table.choice("kind", SuccessKind, what="success kind")
    success = Success(kind)
    if kind is SuccessKind.CREDIT_ADDED:
        pounds = table.decimal("pounds", minimum=Decimal("0.01"), places=2)
        success = Success(kind, pounds=pounds)
    elif kind is SuccessKind.SCREEN_SHOWN:
        screen = table.text("screen")
        if not screen.strip():
            table.fail("screen", 'a screen\'s name, e.g. "ihd-history"')
        success = Success(kind, screen=screen)
    elif kind is SuccessKind.RESEARCHER:
        success = Success(kind, expected=table.text("expected", ""))
    table.finish(f"a {kind} success")
    return success


def _setup(table: TomlTable, scenario: Scenario) -> tuple[ScriptedEvent, ...]:
    entries = table.tables("setup")
    if not entries:
        return ()
    home = scenario.home
    context = EventContext(
        start_s=home.start_epoch_s,
        tz=home.timezone,
        fuels=home.fuels,
        modes={
            fuel: settings.payment_mode
            for fuel in home.fuels
            if (settings := scenario.fuel(fuel)) is not None
        },
        tariffs={
            fuel: settings.tariff
            for fuel in home.fuels
            if (settings := scenario.fuel(fuel)) is not None
        },
        read_tariff=lambda tariff, fuel: read_scenario_tariff(tariff, fuel, home.seed),
        read_prepayment=read_prepayment,
    )
    return read_events(entries, context)
