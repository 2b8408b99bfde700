"""The UTRN codec against the GBCS test vectors, and its meter-side defences."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from han.formats.utrn import (
    COUNTER_STEP,
    PPTD_OFFSET,
    CheckDigitMismatch,
    InvalidUtrn,
    MacMismatch,
    MalformedUtrn,
    TopUpValue,
    authenticate_utrn,
    check_digit,
    encode_utrn,
    load_private_key,
    load_public_key,
    parse_utrn,
    reconstruct_counter,
    verify_utrn,
)

TEST_KEYS = Path(__file__).resolve().parents[1] / "fixtures" / "gbcs-test-keys"

DCC_SUPPLIER = bytes.fromhex("90B3D51F30010000")
DCC_METER = bytes.fromhex("00DB1234567890A0")

# The meter's private key is not public, so round trips use a fresh pair for each side.
SUPPLIER_KEY = ec.generate_private_key(ec.SECP256R1())
METER_KEY = ec.generate_private_key(ec.SECP256R1())
ORIGINATOR = bytes.fromhex("0123456789ABCDEF")
TARGET = bytes.fromhex("FEDCBA9876543210")

counters = st.integers(0, COUNTER_STEP - 1).map(lambda step: step * COUNTER_STEP)
top_up_values = st.builds(
    TopUpValue, amount=st.integers(0, 8191), unit=st.sampled_from(["pennies", "pounds"])
)


def vend(counter: int, value: TopUpValue) -> str:
    return encode_utrn(
        supplier_private_key=SUPPLIER_KEY,
        meter_public_key=METER_KEY.public_key(),
        originator=ORIGINATOR,
        target=TARGET,
        counter=counter,
        **{value.unit: value.amount},
    )


def enter_at_meter(text: str, highest_seen: int = 0) -> TopUpValue:
    return authenticate_utrn(
        text,
        meter_private_key=METER_KEY,
        supplier_public_key=SUPPLIER_KEY.public_key(),
        originator=ORIGINATOR,
        target=TARGET,
        highest_seen=highest_seen,
    ).value


@pytest.mark.parametrize(
    ("counter", "amount", "expected"),
    [
        (0x4_0000_0000, {"pennies": 1234}, "73947252416745201637"),
        (0x1_0000_0000, {"pounds": 100}, "73943333457189043313"),
    ],
)
def test_dcc_test_keys_give_the_published_utrns(
    counter: int, amount: dict[str, int], expected: str
) -> None:
    utrn = encode_utrn(
        supplier_private_key=load_private_key(TEST_KEYS / "90b3d51f30010000-pp-ka.key"),
        meter_public_key=load_public_key(TEST_KEYS / "00db1234567890a0-ka.pem"),
        originator=DCC_SUPPLIER,
        target=DCC_METER,
        counter=counter,
        **amount,
    )

    assert utrn == expected


def test_published_utrn_parses_to_its_amount_and_counter_bits() -> None:
    parsed = parse_utrn("7394 7252 4167 4520 1637")

    assert parsed.utrn == "73947252416745201637"
    assert parsed.value == TopUpValue(1234, "pennies")
    assert parsed.value.pennies == 1234
    assert parsed.truncated_counter == 4
    assert parsed.ptut == 73947252416745201637 // 10 - PPTD_OFFSET
    assert parse_utrn("73943333457189043313").value.pennies == 10_000


def test_supplier_public_key_matches_its_private_key() -> None:
    private = load_private_key(TEST_KEYS / "90b3d51f30010000-pp-ka.key")
    public = load_public_key(TEST_KEYS / "90b3d51f30010000-pp-ka.pem")

    assert private.public_key() == public


def test_check_digit_of_the_published_utrn() -> None:
    assert check_digit("7394725241674520163") == 7


@given(st.text("0123456789", min_size=19, max_size=19), st.integers(0, 18), st.integers(1, 9))
def test_check_digit_catches_any_single_wrong_digit(digits: str, position: int, shift: int) -> None:
    wrong = str((int(digits[position]) + shift) % 10)
    typo = digits[:position] + wrong + digits[position + 1 :]

    assert check_digit(typo) != check_digit(digits)


@given(st.text("0123456789", min_size=19, max_size=19), st.integers(0, 17))
def test_check_digit_catches_swapped_neighbours(digits: str, position: int) -> None:
    swapped = digits[:position] + digits[position + 1] + digits[position] + digits[position + 2 :]

    if swapped != digits:
        assert check_digit(swapped) != check_digit(digits)


@given(counters, top_up_values)
@settings(max_examples=200, deadline=None)
def test_vended_code_is_accepted_with_its_value_and_counter(
    counter: int, value: TopUpValue
) -> None:
    utrn = vend(counter, value)
    parsed = parse_utrn(utrn)

    assert len(utrn) == 20
    assert parsed.value == value
    assert parsed.truncated_counter == (counter >> 32) % 1024
    rebuilt = reconstruct_counter(parsed.truncated_counter, highest_seen=counter)
    assert rebuilt == counter
    assert verify_utrn(
        parsed,
        meter_private_key=METER_KEY,
        supplier_public_key=SUPPLIER_KEY.public_key(),
        originator=ORIGINATOR,
        target=TARGET,
        counter=rebuilt,
    )


def test_code_for_another_meter_or_counter_does_not_verify() -> None:
    parsed = parse_utrn(vend(7 * COUNTER_STEP, TopUpValue(500, "pennies")))
    other_meter = ec.generate_private_key(ec.SECP256R1())

    def verifies(meter_key: ec.EllipticCurvePrivateKey, target: bytes, counter: int) -> bool:
        return verify_utrn(
            parsed,
            meter_private_key=meter_key,
            supplier_public_key=SUPPLIER_KEY.public_key(),
            originator=ORIGINATOR,
            target=target,
            counter=counter,
        )

    assert verifies(METER_KEY, TARGET, 7 << 32)
    assert not verifies(other_meter, TARGET, 7 << 32)
    assert not verifies(METER_KEY, DCC_METER, 7 << 32)
    assert not verifies(METER_KEY, TARGET, (7 + 1024) << 32)
    assert not verifies(METER_KEY, TARGET, 8 << 32)


@given(counters, st.integers(-511, 511))
def test_counter_is_rebuilt_within_half_a_window_of_the_highest_seen(
    counter: int, distance: int
) -> None:
    highest_step = (counter >> 32) + distance
    assume(0 <= highest_step < COUNTER_STEP)

    assert reconstruct_counter((counter >> 32) % 1024, highest_step << 32) == counter


def test_counter_rebuilt_as_in_the_gbcs_worked_example() -> None:
    highest_utrn_counter = 2_458_896_167

    assert reconstruct_counter(812, highest_utrn_counter << 32) == 10_560_878_642_999_590_912


def test_fresh_meter_takes_the_counter_bits_as_they_are() -> None:
    assert reconstruct_counter(1000, highest_seen=0) == 1000 << 32


def test_retyped_code_rebuilds_the_same_counter_so_the_cache_can_call_it_used() -> None:
    utrn = vend(40 * COUNTER_STEP, TopUpValue(10, "pounds"))

    assert enter_at_meter(utrn, highest_seen=40 * COUNTER_STEP) == TopUpValue(10, "pounds")


def test_code_vended_earlier_can_be_entered_after_a_later_one() -> None:
    earlier = vend(41 * COUNTER_STEP, TopUpValue(5, "pounds"))

    assert enter_at_meter(earlier, highest_seen=42 * COUNTER_STEP).pennies == 500


def test_every_single_digit_typo_is_rejected() -> None:
    utrn = vend(3 * COUNTER_STEP, TopUpValue(2000, "pennies"))
    assert enter_at_meter(utrn).pennies == 2000

    for position in range(20):
        for wrong in "0123456789".replace(utrn[position], ""):
            typo = utrn[:position] + wrong + utrn[position + 1 :]
            with pytest.raises(InvalidUtrn):
                enter_at_meter(typo)


def test_random_digit_strings_never_open_a_meter() -> None:
    generator = random.Random(20140710)

    for _ in range(10_000):
        guess = "".join(generator.choice("0123456789") for _ in range(20))
        with pytest.raises(InvalidUtrn):
            enter_at_meter(guess)


def test_forged_codes_with_good_check_digits_never_open_a_meter() -> None:
    generator = random.Random(7394156990786306048)

    for _ in range(10_000):
        header = generator.getrandbits(10) << 15 | generator.getrandbits(1) << 13
        ptut = (header | generator.randrange(8192)) << 32 | generator.getrandbits(32)
        pptd = str(ptut + PPTD_OFFSET)
        with pytest.raises(MacMismatch):
            enter_at_meter(pptd + str(check_digit(pptd)))


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("7394725241674520163", MalformedUtrn),
        ("739472524167452016377", MalformedUtrn),
        ("7394725241674520163x", MalformedUtrn),
        ("7394725241674520163٧", MalformedUtrn),
        ("73947252416745201636", CheckDigitMismatch),
        ("0000000000000000000" + str(check_digit("0000000000000000000")), MalformedUtrn),
        ("9999999999999999999" + str(check_digit("9999999999999999999")), MalformedUtrn),
    ],
)
def test_malformed_codes_are_invalid(text: str, error: type[InvalidUtrn]) -> None:
    with pytest.raises(error) as raised:
        parse_utrn(text)

    assert isinstance(raised.value, ValueError)


def test_value_class_other_than_pennies_or_pounds_is_malformed() -> None:
    value_class_two = 0b10 << 13
    pptd = str((value_class_two << 32) + PPTD_OFFSET)

    with pytest.raises(MalformedUtrn, match="value class"):
        parse_utrn(pptd + str(check_digit(pptd)))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"counter": 0, "pennies": 8192}, "0–8191 pennies"),
        ({"counter": 0, "pounds": -1}, "0–8191 pounds"),
        ({"counter": 0, "pennies": 1, "pounds": 1}, "either in pennies or in pounds"),
        ({"counter": 0}, "either in pennies or in pounds"),
        ({"counter": 5, "pennies": 1}, "multiple of 2\\*\\*32"),
        ({"counter": 1 << 64, "pennies": 1}, "multiple of 2\\*\\*32"),
        ({"counter": 0, "pennies": 1, "originator": b"short"}, "originator must be an 8-byte"),
    ],
)
def test_encode_refuses_what_a_utrn_cannot_carry(
    arguments: dict[str, object], message: str
) -> None:
    keys = {
        "supplier_private_key": SUPPLIER_KEY,
        "meter_public_key": METER_KEY.public_key(),
        "originator": ORIGINATOR,
        "target": TARGET,
    }

    with pytest.raises(ValueError, match=message):
        encode_utrn(**{**keys, **arguments})  # type: ignore[arg-type]


def test_keys_load_from_sec1_pkcs8_der_and_hex(tmp_path: Path) -> None:
    number = METER_KEY.private_numbers().private_value
    files = {
        "sec1.pem": METER_KEY.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        ),
        "pkcs8.der": METER_KEY.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        "raw.hex": f"{number:064x}\n".encode(),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)

        assert load_private_key(tmp_path / name).private_numbers().private_value == number


def test_public_keys_load_from_pem_der_and_hex_point(tmp_path: Path) -> None:
    public = METER_KEY.public_key()
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    point = public.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    files = {
        "key.pem": public.public_bytes(serialization.Encoding.PEM, spki),
        "key.der": public.public_bytes(serialization.Encoding.DER, spki),
        "point.hex": point.hex().encode(),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)

        assert load_public_key(tmp_path / name) == public


def test_key_loaders_reject_other_curves_and_garbage(tmp_path: Path) -> None:
    p384 = ec.generate_private_key(ec.SECP384R1())
    (tmp_path / "p384.pem").write_bytes(
        p384.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (tmp_path / "garbage.pem").write_bytes(b"-----BEGIN PRIVATE KEY-----\nnope\n")

    with pytest.raises(ValueError, match="P-256"):
        load_private_key(tmp_path / "p384.pem")
    with pytest.raises(ValueError, match="not a readable"):
        load_private_key(tmp_path / "garbage.pem")
    with pytest.raises(ValueError, match="not a readable"):
        load_public_key(tmp_path / "garbage.pem")
