"""Install codes are written with the check a label prints and zigpy verifies."""

from __future__ import annotations

import pytest

from han.formats.install_codes import LabelError, install_code_with_check, parse_install_code


def test_the_check_is_the_crc_of_the_published_example() -> None:
    # The install code example of the ZigBee specification, with its CRC-16/X-25 C3B5.
    code = bytes.fromhex("83FED3407A939723A5C639B26916D505")

    assert install_code_with_check(code).hex().upper() == "83FED3407A939723A5C639B26916D505C3B5"


@pytest.mark.parametrize("length", [6, 8, 12, 16])
def test_a_code_with_its_check_reads_back_from_a_label(length: int) -> None:
    written = install_code_with_check(bytes(range(1, length + 1)))

    code, _link_key = parse_install_code(written.hex(" ", 2))

    assert code == written


def test_a_wrong_check_is_refused() -> None:
    written = bytearray(install_code_with_check(bytes(16)))
    written[-1] ^= 0x01

    with pytest.raises(LabelError) as refused:
        parse_install_code(written.hex())

    assert refused.value.problem == "check"
