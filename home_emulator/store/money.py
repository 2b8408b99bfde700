"""Money is durable: what a meter accepted is in the home store before the meter says so.

An accepted top-up, an emergency-credit activation and a supply enable change what the household
has paid for, and the top-up gate's counter cache decides whether a code may be used again. With a
store, the home is saved after each of these commands and before the meter answers, so a crash at
any moment (kill -9 included) loses no accepted credit and never lets a used code count twice. The
periodic autosave keeps the rest (registers, history) as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from home_emulator.home import EmulatedHome
from home_emulator.store.home_store import HomeStore, HomeStoreError
from home_emulator.zigbee.zcl_server import ServerCluster

LOGGER = logging.getLogger(__name__)

_PREPAYMENT_COMMANDS = ("consumer_top_up", "select_available_emergency_credit")
_SUPPLY_COMMANDS = ("local_change_supply",)


def commit_money_before_answering(home: EmulatedHome, store: HomeStore, name: str) -> None:
    """Save ``home`` as ``name`` after every money command on its meters, before the answer."""

    def commit() -> None:
        try:
            store.save(home, name)
        except HomeStoreError as error:
            # The answer still goes: the credit is on the meter. Said loudly: it is not yet safe.
            LOGGER.error("a meter's credit could not be committed: %s", error)

    for cluster, names in _money_clusters(home):
        _commit_after(cluster, names, commit)


def _money_clusters(home: EmulatedHome) -> list[tuple[ServerCluster, tuple[str, ...]]]:
    clusters = [
        (home.esme.prepayment, _PREPAYMENT_COMMANDS),
        (home.esme.metering, _SUPPLY_COMMANDS),
    ]
    if home.gas is not None:  # the consumer's commands reach the gas meter through its mirror
        clusters += [
            (home.gas.prepayment, _PREPAYMENT_COMMANDS),
            (home.gas.metering, _SUPPLY_COMMANDS),
        ]
    return clusters


def _commit_after(
    cluster: ServerCluster, names: tuple[str, ...], commit: Callable[[], None]
) -> None:
    commands = cluster.definition.commands_by_name
    command_ids = frozenset(int(commands[name].id) for name in names if name in commands)

    def after(command_id: int) -> None:
        if command_id in command_ids:
            commit()

    cluster.after_command = after
