"""The device layer: NAPALM-style drivers, one per platform, found by platform name."""

from __future__ import annotations

import importlib

from napalm.base import NetworkDriver

from orchestrator.errors import PlatformError

#: platform -> "module:Class", imported on first use
DRIVERS: dict[str, str] = {
    "cisco_ios": "orchestrator.devices.cisco_ios:CiscoIosDriver",
    "cisco_nxos": "orchestrator.devices.cisco_nxos:CiscoNxosDriver",
    "hp_comware": "orchestrator.devices.hp_comware:HpComwareDriver",
    "huawei_vrp": "orchestrator.devices.huawei_vrp:HuaweiVrpDriver",
    "huawei_vrpv8": "orchestrator.devices.huawei_vrpv8:HuaweiVrpv8Driver",
    "juniper_junos": "orchestrator.devices.juniper_junos:JuniperJunosDriver",
    "zte_zxros": "orchestrator.devices.zte_zxros:ZteZxrosDriver",
}


def get_driver(platform: str) -> type[NetworkDriver]:
    """The driver class of ``platform``."""
    target = DRIVERS.get(platform)
    if target is None:
        known = ", ".join(sorted(DRIVERS)) or "none yet"
        raise PlatformError(f"no device driver for platform {platform!r} (drivers: {known})")
    module, _, name = target.partition(":")
    cls: type[NetworkDriver] = getattr(importlib.import_module(module), name)
    return cls
