"""One module per platform, registered here by its netutils name.

Adding a vendor means adding one module with a `PLATFORM` object and one line in `MODULES`;
the shared tests pick it up from this dict.
"""

from __future__ import annotations

import importlib
from functools import cache

from orchestrator.errors import PlatformError
from orchestrator.syntax.base import Platform

MODULES: dict[str, str] = {
    "cisco_ios": "orchestrator.syntax.cisco_ios",
    "cisco_nxos": "orchestrator.syntax.cisco_nxos",
    "juniper_junos": "orchestrator.syntax.juniper_junos",
    "huawei_vrp": "orchestrator.syntax.huawei_vrp",
    "huawei_vrpv8": "orchestrator.syntax.huawei_vrpv8",
    "hp_comware": "orchestrator.syntax.hp_comware",
    "zte_zxros": "orchestrator.syntax.zte_zxros",
}

#: Platforms a translation can start from / write to.
SOURCES: tuple[str, ...] = tuple(MODULES)
TARGETS: tuple[str, ...] = ("huawei_vrp", "huawei_vrpv8", "hp_comware", "zte_zxros", "cisco_ios")


@cache
def get_platform(name: str) -> Platform:
    """The platform object registered as ``name``; a clear error for an unknown name."""
    module_name = MODULES.get(name)
    if module_name is None:
        raise PlatformError(
            f"unknown platform {name!r}",
            hint=f"use one of: {', '.join(MODULES)}",
        )
    module = importlib.import_module(module_name)
    platform = getattr(module, "PLATFORM", None)
    if not isinstance(platform, Platform):
        raise PlatformError(f"platform module {module_name} defines no PLATFORM")
    return platform


__all__ = ["MODULES", "SOURCES", "TARGETS", "Platform", "get_platform"]
