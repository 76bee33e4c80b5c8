"""Shape system-wide settings for Comware 7 whose form differs from the source's.

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
