"""Shape system-wide settings for Comware 7 whose form differs from the source's.

IGMP snooping: Comware switches it on globally (`igmp-snooping`) and then per VLAN
(`igmp-snooping enable`); the model's switch-wide flag stands for "every VLAN", so a mixed
setting is held per VLAN.

Port recovery: Cisco brings err-disabled ports back only for the causes it is told, after an
interval (300 s unless set); Comware's port status detection timer (`shutdown-interval`)
brings back a port that any protocol shut down.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig
from orchestrator.syntax.base import Emitter

#: Cisco's err-disable recovery interval when only causes are given
CISCO_RECOVERY_INTERVAL = 300


def errdisable(config: DeviceConfig, out: Emitter) -> None:
    system = config.system
    causes, interval = system.errdisable_recovery_causes, system.errdisable_recovery_interval
    if not causes:
        if interval is not None:
            out.ignore(
                system,
                "errdisable_recovery_interval",
                rule="no recovery cause is enabled: no port comes back by this interval",
            )
            system.errdisable_recovery_interval = None
        return
    if causes != ["all"]:
        out.change(
            system,
            "errdisable_recovery_causes",
            note=f"Comware brings back ports shut down by any protocol, not only "
            f"{' '.join(causes)}",
        )
        system.errdisable_recovery_causes = ["all"]
    if interval is None:
        system.errdisable_recovery_interval = CISCO_RECOVERY_INTERVAL
        for n in system.src.get("errdisable_recovery_causes"):
            system.at(n, "errdisable_recovery_interval")
        out.change(
            system,
            "errdisable_recovery_causes",
            note=f"the source's default recovery interval ({CISCO_RECOVERY_INTERVAL} s) is "
            "written out: Comware's is 30 s",
        )


def igmp_snooping(config: DeviceConfig, out: Emitter) -> None:
    system, vlans = config.system, list(config.vlans.values())
    if system.igmp_snooping is False:
        out.ignore(system, "igmp_snooping", rule="Comware snoops IGMP only where it is enabled")
        system.igmp_snooping = None
    for vlan in vlans:
        if vlan.igmp_snooping is False and not system.igmp_snooping:
            out.ignore(vlan, "igmp_snooping", rule="Comware snoops IGMP only where it is enabled")
            vlan.igmp_snooping = None
    if not system.igmp_snooping:
        return
    if vlans and all(v.igmp_snooping is not False for v in vlans):
        for vlan in vlans:
            vlan.igmp_snooping = None  # every VLAN: the switch-wide flag says it
        return
    # some VLANs opt out: each VLAN that snoops says so
    for vlan in vlans:
        if vlan.igmp_snooping is None:
            vlan.igmp_snooping = True
            for n in system.src.get("igmp_snooping"):
                vlan.at(n, "igmp_snooping")
        elif vlan.igmp_snooping is False:
            vlan.igmp_snooping = None
    if not vlans:
        out.ignore(system, "igmp_snooping", rule="no VLAN to snoop IGMP in")
    system.igmp_snooping = None
