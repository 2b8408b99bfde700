"""zigpy's OTA providers wait until they are used: a radio configured without OTA never loads them
(nor their HTTP client), and one that does use them finds them whole."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE_HEAD = (
    "import json, sys\n"
    "from han.radio import ota_providers\n"
    "ota_providers.defer()\n"
    "import zigpy.application, zigpy.config\n"
    "from home_emulator.air.virtual_radio import VirtualRadio\n"
)


def _probe(body: str) -> dict[str, object]:
    """Run ``body`` in a fresh interpreter (this one has imported zigpy long ago); it prints JSON."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE_HEAD + body],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    answer: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return answer


def test_a_radio_without_ota_never_loads_the_providers_nor_their_http_client() -> None:
    answer = _probe(
        "VirtualRadio.SCHEMA(VirtualRadio.config_for('air://0'))\n"
        "print(json.dumps({'deferred': ota_providers.deferred(),\n"
        "    'loaded': sorted(m for m in ('aiohttp', 'jsonschema') if m in sys.modules)}))\n"
    )
    assert answer == {"deferred": True, "loaded": []}


def test_the_providers_load_whole_when_first_used() -> None:
    answer = _probe(
        "import zigpy.ota\n"
        "from zigpy.ota.providers import OTA_PROVIDER_TYPES\n"
        "module = sys.modules['zigpy.ota.providers']\n"
        "print(json.dumps({'deferred': ota_providers.deferred(),\n"
        "    'same': zigpy.ota.providers is module,\n"
        "    'file': module.__file__.endswith('providers.py'),\n"
        "    'tradfri': module.Tradfri.__module__, 'ikea': OTA_PROVIDER_TYPES['ikea'].__name__}))\n"
    )
    assert answer == {
        "deferred": False,
        "same": True,
        "file": True,
        "tradfri": "zigpy.ota.providers",
        "ikea": "Tradfri",
    }


def test_a_configuration_that_turns_ota_on_gets_zigpys_default_providers() -> None:
    answer = _probe(
        "config = zigpy.config.CONFIG_SCHEMA({'device': {'path': '/dev/null'}})\n"
        "print(json.dumps({'enabled': config['ota']['enabled'],\n"
        "    'providers': len(config['ota']['providers']), 'deferred': ota_providers.deferred()}))\n"
    )
    assert answer["enabled"] is True
    assert answer["deferred"] is False
    assert isinstance(answer["providers"], int)
    assert answer["providers"] > 0
