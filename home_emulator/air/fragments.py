"""APS fragmentation: how a payload larger than one frame crosses a GB HAN.

An 802.15.4 frame is at most 127 bytes. A GB HAN secures every NWK frame, so what is left for the
APS payload of one frame is

    127 − MAC header 9 − FCS 2 − NWK header 8 − NWK auxiliary security header 14 − MIC 4
        − APS header 8 = 82 bytes

(the "maximum buffer size" of 82 a ZigBee PRO node descriptor declares). A longer payload – a
supplier message of up to 254 characters in a DisplayMessage, some 270 bytes of ZCL – goes as APS
fragments (ZigBee 05-3474 §2.2.8.4.5): the APS header gains an extended header (fragmentation
field, block number), each block carries at most 80 bytes (82 less those two), the first block's
number field holds how many blocks there are, and the receiver acknowledges every window of blocks
with an APS ack whose bitfield says which blocks of the window arrived. The window is one block
here: the default of the common stacks, and what every stack accepts.

The emulated air carries zigpy packets whole and hands each radio the reassembled payload, as a
stick's firmware hands its host a reassembled message; the capture (``pcap.py``) writes the
fragments and acks a sniffer would see.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

ONE_FRAME_BYTES = 82
"""The largest APS payload one secured frame carries."""
BLOCK_BYTES = ONE_FRAME_BYTES - 2
"""A fragment's payload: one frame less the extended header (fragmentation field, block number)."""
WINDOW_BLOCKS = 1
"""Blocks sent before the receiver acknowledges them."""
MAX_BLOCKS = 255
"""The block number is one byte."""


class Fragmentation(enum.IntEnum):
    """The extended frame control's fragmentation field (bits 0–1)."""

    NONE = 0b00
    FIRST = 0b01
    PART = 0b10


@dataclass(frozen=True)
class Block:
    number: int
    """0 for the first block."""
    count: int
    data: bytes

    @property
    def fragmentation(self) -> Fragmentation:
        return Fragmentation.FIRST if self.number == 0 else Fragmentation.PART

    @property
    def block_field(self) -> int:
        """The header's block number: the number of blocks in the first, the block's own after."""
        return self.count if self.number == 0 else self.number


def needs_fragments(payload: bytes) -> bool:
    return len(payload) > ONE_FRAME_BYTES


def split(payload: bytes) -> list[Block]:
    """``payload`` as the blocks that carry it (one block when it fits one frame)."""
    if not needs_fragments(payload):
        return [Block(0, 1, payload)]
    count = -(-len(payload) // BLOCK_BYTES)
    if count > MAX_BLOCKS:
        raise ValueError(f"{len(payload)} bytes need {count} blocks; APS carries {MAX_BLOCKS}")
    return [
        Block(number, count, payload[number * BLOCK_BYTES : (number + 1) * BLOCK_BYTES])
        for number in range(count)
    ]


def windows(blocks: list[Block], size: int = WINDOW_BLOCKS) -> list[list[Block]]:
    """The blocks in the windows they are sent and acknowledged in."""
    return [blocks[start : start + size] for start in range(0, len(blocks), size)]


def ack_bitfield(window: list[Block]) -> int:
    """The ack's bitfield for a window received whole: bit i for the window's i-th block."""
    return (1 << len(window)) - 1


class Reassembly:
    """The receiving side: blocks in any order until all have come, then the whole payload."""

    def __init__(self) -> None:
        self._blocks: dict[int, bytes] = {}
        self._count: int | None = None

    def add(self, block: Block) -> bytes | None:
        self._count = block.count
        self._blocks[block.number] = block.data
        if len(self._blocks) < self._count:
            return None
        return b"".join(self._blocks[number] for number in range(self._count))
