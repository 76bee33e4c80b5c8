"""Shape ACLs for VRP: VRP numbers for numbered ACLs (references follow), protocol and ICMP
names VRP knows, one description per rule, and Cisco's implicit deny written out on packet
filters (VRP forwards what no rule of a filter matches)."""

from __future__ import annotations

import re

from orchestrator.model import AclEntry, DeviceConfig
from orchestrator.syntax import vrp_family as family
from orchestrator.syntax.huawei_common import Shaper

#: VRP also takes IP-in-IP by name (protocol 4)
ACL_PROTOCOLS = family.ACL_PROTOCOLS | {"ipinip"}
PROTOCOL_NUMBERS = {**family.PROTOCOL_NUMBERS, "4": "ipinip"}


_ACL_NAME = re.compile(r"[A-Za-z0-9][\w.-]{0,31}")


def acl_names(config: DeviceConfig, shape: Shaper) -> None:
    """Numbered ACLs of other vendors get VRP numbers; names must not be digits only."""

    def name_ok(name: str) -> bool:
        return not name.isdigit() and bool(_ACL_NAME.fullmatch(name))

    renames = family.rename_acls(config, shape.notes, "VRP", name_ok)
    # references to ACLs that are not defined are renumbered the same way
    kinds = {n: a.kind for n, a in config.acls.items()}

    def rename(name: str, kind: str = "extended") -> str:
        if name in renames:
            return renames[name]
        if name in kinds:
            return name
        number = family.acl_number(name, _cisco_kind(name) or kind)
        return str(number) if number is not None else name

    family.rename_acl_references(config, rename)
    _nat_acl_numbers(config, shape)


def _nat_acl_numbers(config: DeviceConfig, shape: Shaper) -> None:
    """`nat outbound` and interzone `packet-filter` take ACL numbers: named ACLs they use
    get one. So do ACLs on VRP5 user interfaces: an S/AR `acl NAME inbound` works only for a
    named ACL numbered 2000-3999, and a named ACL is numbered outside that range."""
    renames: dict[str, str] = {}
    used = [r.acl for r in config.services.nat_rules]
    used += [p.acl for p in config.security.zone_policies]
    if not shape.platform.vpn_ipv4_family:
        used += [ln.acl_in for ln in config.system.lines if ln.kind == "vty"]
    for name in used:
        if name is None or name.isdigit() or name not in config.acls or name in renames:
            continue
        acl = config.acls[name]
        low, high = (2000, 2999) if acl.kind == "standard" else (3000, 3999)
        free = next((n for n in range(high, low - 1, -1) if str(n) not in config.acls), None)
        if free is None:
            continue
        renames[name] = str(free)
        config.acls[str(free)] = config.acls.pop(name)
        config.acls[str(free)].name = str(free)
        shape.change(
            acl,
            "",
            note=f"ACL {name} is numbered {free} on VRP: NAT, zone filters and "
            "user interfaces take numbered ACLs",
        )
    if renames:
        family.rename_acl_references(config, lambda n: renames.get(n, n))


def _cisco_kind(name: str) -> str | None:
    if not name.isdigit():
        return None
    number = int(name)
    if 1 <= number <= 99 or 1300 <= number <= 1999:
        return "standard"
    if 100 <= number <= 199 or 2000 <= number <= 2699:
        return "extended"
    return None


def acl_entries(config: DeviceConfig, shape: Shaper) -> None:
    for acl in config.acls.values():
        for entry in acl.entries:
            proto = entry.protocol
            if proto is not None and proto not in ACL_PROTOCOLS and proto in PROTOCOL_NUMBERS:
                entry.protocol = PROTOCOL_NUMBERS[proto]
            icmp = entry.icmp_type
            if icmp is not None and icmp not in family.ICMP_NAMES:
                entry.icmp_type = family.ICMP_FROM_IOS.get(icmp, icmp.replace(" ", "/"))
        _merge_remarks(acl.entries, shape)


def _merge_remarks(entries: list[AclEntry], shape: Shaper) -> None:
    """VRP keeps one description per rule: consecutive remarks become one."""
    i = 0
    while i < len(entries) - 1:
        first, second = entries[i], entries[i + 1]
        if (
            first.remark is not None
            and second.remark is not None
            and first.action is None
            and second.action is None
        ):
            first.remark = f"{first.remark} / {second.remark}"
            for n in second.src.get(""):
                first.at(n)
            shape.change(first, "", note="consecutive remarks are one rule description on VRP")
            del entries[i + 1]
            continue
        i += 1
