"""The command line: parse and validate everything before any window or radio is touched.

A bad option or value exits with status 2 and one line saying what is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.connection.source_names import check_source
from app.kiosk.kiosk_settings import MODES as KIOSK_MODES
from app.kiosk.kiosk_settings import KioskSettings
from app.settings import store as settings_store
from app.settings.display_settings import SoundMode, SpeechSettings
from app.settings.options import (
    DEFAULT_SCENARIOS,
    LANGUAGES,
    MODES,
    OPERATOR_MODE,
    THEMES,
    Options,
)
from app.settings.store import StoredSettings
from han.clock_speed import MAX_SPEED, MIN_SPEED
from han.formats.install_codes import parse_install_code
from han.program_name import program_name
from han.radio import ota_providers
from han.version import VersionAction


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _seed(text: str) -> int:
    """A household's seed is a count of households tried, so it is never negative."""
    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"seed must be a whole number, not {text!r}") from None
    if seed < 0:
        raise argparse.ArgumentTypeError(f"seed must be 0 or more (got {text})")
    return seed


def _speed(text: str) -> float:
    try:
        speed = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"speed must be a number, not {text!r}") from None
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise argparse.ArgumentTypeError(
            f"speed must be between {MIN_SPEED:g} and {MAX_SPEED:,.0f} (got {text})"
        )
    return speed


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"seconds must be a number, not {text!r}") from None
    if not 0 < seconds <= 24 * 3600:
        raise argparse.ArgumentTypeError(
            f"seconds must be more than 0 and at most 86400 (got {text})"
        )
    return seconds


def _source(text: str) -> str:
    try:
        return check_source(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _scenario(text: str) -> str:
    from home_emulator.api.scenarios import ScenarioError, open_scenario

    try:
        open_scenario(text)
    except (ScenarioError, OSError) as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _eui64(text: str) -> str:
    parts = text.split(":")
    if len(parts) != 8 or not all(len(part) == 2 for part in parts):
        raise argparse.ArgumentTypeError(
            f"expected an EUI-64 such as 00:0d:6f:ff:fe:00:00:02, not {text!r}"
        )
    try:
        bytes.fromhex("".join(parts))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an EUI-64 such as 00:0d:6f:ff:fe:00:00:02, not {text!r}"
        ) from None
    return text.lower()


def _install_code(text: str) -> bytes:
    try:
        code, _key = parse_install_code(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return code


def _png_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".png":
        raise argparse.ArgumentTypeError(f"screenshot must be a .png file (got {text!r})")
    if not path.parent.exists():
        raise argparse.ArgumentTypeError(f"folder {str(path.parent)!r} does not exist")
    return path


def _study(text: str) -> str:
    from app.trial.study import StudyError, load_study

    try:
        load_study(text)
    except StudyError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _trial_db(text: str) -> Path:
    path = Path(text)
    if not path.parent.exists():
        raise argparse.ArgumentTypeError(f"folder {str(path.parent)!r} does not exist")
    if path.exists():
        from app.trial.store import TrialStore, TrialStoreError

        try:
            TrialStore(path).close()
        except TrialStoreError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return path


def _participant(text: str) -> str:
    from app.trial.study import PARTICIPANT_ID

    if not PARTICIPANT_ID.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"a participant id is letters, digits, '-', '_' or '.' (e.g. P01), not {text!r}"
        )
    return text


def _add_trial_arguments(parser: argparse.ArgumentParser) -> None:
    """Usability trials: the operator console's study, and a participant display's record."""
    parser.add_argument(
        "--study",
        type=_study,
        metavar="FILE",
        help="--mode operator: the study to run (resources/studies/*.toml or a name there)",
    )
    parser.add_argument(
        "--trial",
        type=_trial_db,
        metavar="FILE",
        help="the trial record (SQLite) this display writes the participant's actions to, with "
        "--participant; for --mode operator, where the console records (default: the user's data folder)",
    )
    parser.add_argument(
        "--participant",
        type=_participant,
        metavar="ID",
        help="the participant using this display in a trial (with --trial), e.g. P01",
    )


def _check_trial(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.mode == OPERATOR_MODE:
        if args.study is None:
            parser.error("--mode operator needs --study FILE")
        if args.participant is not None:
            parser.error("--participant is for a participant display, not the operator console")
        return
    if args.study is not None:
        parser.error("--study is for --mode operator")
    if (args.trial is None) != (args.participant is None):
        parser.error("--trial FILE and --participant ID go together")


def _pairing_order(text: str) -> str:
    kind, _, digits = text.partition(":")
    if text == "supplier" or (kind == "passkey" and len(digits) == 10 and digits.isdigit()):
        return text
    raise argparse.ArgumentTypeError(
        f"expected passkey:DIGITS (the hub's ten-digit passkey) or supplier, not {text!r}"
    )


def _add_headless_arguments(parser: argparse.ArgumentParser) -> None:
    """A device run with no window (the CAD on a home server: python -m cad run)."""
    parser.add_argument(
        "--headless",
        action="store_true",
        help="no window: run the device's service until SIGTERM (--mode cad: log the meters, "
        "publish the feed); python -m cad run starts it this way",
    )
    parser.add_argument(
        "--pair",
        type=_pairing_order,
        metavar="passkey:DIGITS|supplier",
        help="--headless: pair if not paired yet, with the hub's passkey (press the hub's pairing "
        "button first) or the supplier's way (quote the EUI-64 and install code it prints)",
    )
    parser.add_argument(
        "--status-file",
        type=Path,
        metavar="FILE",
        help="--headless: where the service writes its status (default: the device's own place)",
    )


def _check_headless(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if not args.headless:
        if args.pair is not None or args.status_file is not None:
            parser.error("--pair and --status-file are for --headless")
        return
    for given, name in (
        (args.kiosk, "--kiosk"),
        (args.screenshot, "--screenshot"),
        (args.trial or args.study, "a usability trial"),
    ):
        if given:
            parser.error(f"--headless has no window: it does not go with {name}")
    from app.host.experiences import UnknownExperience, load

    mode = args.mode or "ihd"
    try:
        experience = load(mode)
    except UnknownExperience as error:
        parser.error(str(error))
    if experience.create_service is None:
        parser.error(f"--mode {mode} is nothing without its screen: only --mode cad runs headless")
    if args.pair is not None and not experience.pairs_itself:
        parser.error(f"--mode {mode} does not pair itself")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=program_name("app"),
        description=(
            "GB smart-meter consumer devices (In-Home Display, PPMID, CAD) on a ZigBee Smart Energy "
            "HAN. By default it opens the In-Home Display on a bundled emulated home."
        ),
        epilog="Example: python -m app --speed 60   (an hour of the emulated home every minute). "
        "Kiosk: python -m app kiosk-pin sets the PIN that leaves it, then python -m app --kiosk",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--mode",
        choices=(*MODES, OPERATOR_MODE),
        help="which device to show: ihd (In-Home Display, default), ppmid, cad; or operator, the "
        "usability-trial console (with --study)",
    )
    parser.add_argument(
        "--source",
        type=_source,
        metavar="emulator|tcp://HOST:PORT|RADIO:PATH|auto|glow://HOST/DEVICE_ID",
        help="where the HAN traffic comes from: emulator (default) – the in-process emulated home; "
        "tcp://HOST:PORT – a home kept running by python -m home_emulator serve; RADIO:PATH – a "
        "USB coordinator (RADIO ezsp, znp, deconz, xbee or zigate; PATH a serial device or "
        "socket://host:port), e.g. znp:/dev/ttyUSB0; auto – probe the USB serial ports; "
        "glow://[USER:PASS@]HOST[:PORT]/DEVICE_ID – a Glow display's or CAD's local MQTT feed "
        "(port 1883; glows:// for TLS on 8883, ?ca=FILE for a broker's own CA, ?prefix=TOPIC if "
        "not under glow/): readings only, no top-up, supplier messages or pairing",
    )
    parser.add_argument(
        "--scenario",
        type=_scenario,
        metavar="NAME|FILE",
        help="the emulated home's scenario (see resources/scenarios/README.md); default: a family "
        "home in credit mode, or for --mode ppmid the prepayment home pensioner-prepay",
    )
    parser.add_argument(
        "--baudrate",
        type=int,
        metavar="N",
        help="serial speed for a USB coordinator (default: the radio's usual one)",
    )
    parser.add_argument(
        "--flow-control",
        choices=("hardware", "software"),
        help="serial flow control for a USB coordinator (default none)",
    )
    parser.add_argument(
        "--display-ieee",
        type=_eui64,
        metavar="EUI64",
        help="this display's EUI-64 on a served home, so several displays can attach; it must be "
        "in the hub's device log (serve --admit EUI64). Default: the home's own display",
    )
    parser.add_argument(
        "--install-code",
        type=_install_code,
        metavar="HEX",
        help="the install code this display proves its identity with to a served home, as serve "
        "--admit printed it. Default: the code printed on the display's label",
    )
    parser.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        metavar="N",
        help=f"the emulated clock runs N times real time ({MIN_SPEED:g} to {MAX_SPEED:,.0f}; default 1)",
    )
    parser.add_argument(
        "--seed",
        type=_seed,
        default=1,
        metavar="N",
        help="seed of the emulated household, for repeatable demos (default 1)",
    )
    parser.add_argument(
        "--screenshot",
        type=_png_path,
        metavar="PATH",
        help="render the window offscreen, save it as a PNG and exit 0 "
        "(when the first reading is on screen, or after --quit-after)",
    )
    parser.add_argument(
        "--quit-after",
        type=_seconds,
        metavar="SECONDS",
        help="exit after this many seconds of real time",
    )
    parser.add_argument(
        "--size",
        default="800x480",
        metavar="WxH",
        help="window size in pixels (default 800x480, the common IHD touchscreen)",
    )
    parser.add_argument(
        "--theme",
        choices=THEMES,
        help="standard (default), large (large text) or contrast (high contrast); "
        "changeable on the display's settings screen",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the display: en (English, default) or cy (Cymraeg / Welsh)",
    )
    _add_trial_arguments(parser)
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="run as an appliance on a touchscreen: fullscreen, no way out but a long press on "
        "the top-left corner and the PIN (set it first: python -m app kiosk-pin). Mode, source, "
        "theme and language come from the kiosk's settings unless given here",
    )
    _add_headless_arguments(parser)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log HAN traffic and decisions"
    )
    return parser


def parse(argv: Sequence[str] | None = None) -> Options:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"argument --size: expected WIDTHxHEIGHT such as 800x480, not {args.size!r}")
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        parser.error(f"argument --size: {width}x{height} is outside 320x240 … 7680x4320")
    stored = _stored_settings() if args.kiosk else None
    kiosk = _kiosk_settings(parser, args, stored) if stored is not None else None
    mode = args.mode or (kiosk.mode if kiosk else "ihd")
    _check_trial(parser, args)
    _check_headless(parser, args)
    return Options(
        mode=mode,
        source=args.source or (kiosk.source if kiosk else "emulator"),
        baudrate=args.baudrate,
        flow_control=args.flow_control,
        scenario=args.scenario or DEFAULT_SCENARIOS.get(mode),
        speed=args.speed,
        seed=args.seed,
        screenshot=args.screenshot,
        quit_after_s=args.quit_after,
        size=(width, height),
        verbose=args.verbose,
        theme=args.theme or (stored.theme if stored else "standard"),
        language=args.lang or (stored.language if stored else "en"),
        sound=SoundMode(stored.sound) if stored else SoundMode.OFF,
        speech=_starting_speech(args, stored),
        display_ieee=args.display_ieee,
        install_code=args.install_code,
        kiosk=kiosk,
        trial_db=args.trial,
        participant=args.participant,
        study=args.study,
        headless=args.headless,
        pair=args.pair,
        status_file=args.status_file,
    )


def _stored_settings() -> StoredSettings:
    """The settings kept on disk (all of them for a kiosk; a desktop run, how it speaks)."""
    loaded = settings_store.load()
    if loaded.problem:
        print(f"{program_name('app')}: {loaded.problem}", file=sys.stderr)
    return loaded.settings


def _starting_speech(args: argparse.Namespace, stored: StoredSettings | None) -> SpeechSettings:
    """A kiosk's speech settings; a desktop run's kept ones (``app/settings/kept_speech.py``);
    a usability trial's, the defaults: one participant's choice must not carry to the next."""
    if stored is not None:
        return stored.speech
    if args.trial is not None:
        return SpeechSettings()
    return _stored_settings().speech


def _kiosk_settings(
    parser: argparse.ArgumentParser, args: argparse.Namespace, stored: StoredSettings
) -> KioskSettings:
    if not stored.kiosk.has_pin:
        parser.exit(
            2,
            f"{parser.prog}: kiosk mode needs a PIN to leave it by; set one first with "
            "python -m app kiosk-pin\n",
        )
    if (args.mode or stored.kiosk.mode) not in KIOSK_MODES:
        parser.error(f"argument --mode: a kiosk shows {' or '.join(KIOSK_MODES)}, not cad")
    return stored.kiosk


def main(argv: Sequence[str] | None = None) -> int:
    ota_providers.defer()  # before zigpy is imported: no radio here uses them (see the module)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["kiosk-pin"]:
        from app.kiosk.pin_command import main as set_pin

        return set_pin(arguments[1:])
    if arguments[:1] == ["trial"]:
        from app.trial_ui.report_command import main as trial_main

        return trial_main(arguments[1:])
    options = parse(arguments)
    if options.mode == OPERATOR_MODE:
        from app.trial_ui.console_host import run as run_console

        return run_console(options)
    if options.headless:
        from app.host.headless import run_headless

        return run_headless(options)
    if options.source == "emulator" and options.scenario is None:
        from app.connection import (
            past_prerender,
        )  # light: the rendering starts before Qt is imported

        past_prerender.start(
            seed=options.seed,
            profile=past_prerender.EMBEDDED_PROFILE,
            days=past_prerender.EMBEDDED_DAYS,
        )
    from app.host.start_collection import collection_paused

    with collection_paused():
        from app.host.running import (
            run,
        )  # Qt is imported only once the command line is known to be good

    return run(options)


if __name__ == "__main__":
    sys.exit(main())
