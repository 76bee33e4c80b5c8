"""One persona per emulated operating system, registered here by platform name."""

from __future__ import annotations

from orchestrator.errors import PlatformError
from orchestrator.lab.platforms.cisco_ios import CiscoIos
from orchestrator.lab.platforms.cisco_nxos import CiscoNxos
from orchestrator.lab.platforms.hp_comware import HpComware
from orchestrator.lab.platforms.huawei_vrp import HuaweiVrp
from orchestrator.lab.platforms.huawei_vrpv8 import HuaweiVrpV8
from orchestrator.lab.platforms.juniper_junos import JuniperJunos
from orchestrator.lab.platforms.zte_zxros import ZteZxros
from orchestrator.lab.session import Persona

PERSONAS: dict[str, type[Persona]] = {
    "cisco_ios": CiscoIos,
    "cisco_nxos": CiscoNxos,
    "hp_comware": HpComware,
    "huawei_vrp": HuaweiVrp,
    "huawei_vrpv8": HuaweiVrpV8,
    "juniper_junos": JuniperJunos,
    "zte_zxros": ZteZxros,
}

_MADE: dict[str, Persona] = {}


def get_persona(platform: str) -> Persona:
    """The (shared, stateless) persona of ``platform``."""
    found = _MADE.get(platform)
    if found is None:
        cls = PERSONAS.get(platform)
        if cls is None:
            known = ", ".join(sorted(PERSONAS))
            raise PlatformError(f"the lab cannot emulate platform {platform!r} (it has: {known})")
        found = _MADE[platform] = cls()
    return found
