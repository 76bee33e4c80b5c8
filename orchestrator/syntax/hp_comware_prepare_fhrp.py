"""VRRP group numbers Comware accepts.

A Comware VRRP group is `vrrp vrid 1-255`. HSRP numbers its groups from 0 (and up to 4095 in
version 2), so a converted HSRP group 0 would be refused when the line is pasted. Such a group
takes the lowest VRID its interface does not use; the choice depends only on the interface's
own groups, so the other router of the pair, translated the same way, gets the same VRID.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig
from orchestrator.syntax.base import Emitter

#: the VRIDs a Comware VRRP group may have
VRIDS = range(1, 256)


def vrrp_ids(config: DeviceConfig, out: Emitter) -> None:
    for ifc in config.interfaces.values():
        groups = [g for g in ifc.fhrp if g.protocol == "vrrp"]
        used = {g.group for g in groups if g.group in VRIDS}
        for group in groups:
            if group.group in VRIDS:
                continue
            free = next((n for n in VRIDS if n not in used), None)
            if free is None:
                continue  # the renderer reports the group it cannot number
            out.change(
                group,
                "",
                note=f"VRRP VRIDs are 1-255: group {group.group} becomes VRID {free}; the "
                "other router of the pair must use the same",
            )
            used.add(free)
            group.group = free
