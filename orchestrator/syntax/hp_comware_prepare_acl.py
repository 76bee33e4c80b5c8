"""Cisco's and Juniper's implicit deny on Comware packet filters.

A Comware packet filter forwards what no rule of its ACL matches (`packet-filter default
deny` changes that, but for every interface and every packet the box routes, also where no
ACL was applied); IOS, NX-OS and Junos drop it. An ACL an interface filters with therefore
gets the source's implicit deny written as its last rule.
"""

from __future__ import annotations

from orchestrator.model import AclEntry, DeviceConfig, Interface
from orchestrator.syntax.base import Emitter

#: IOS ICMPv6 message names Comware spells differently
ICMP6_FROM_IOS = {"nd-na": "neighbor-advertisement", "nd-ns": "neighbor-solicitation"}
#: what IOS lets through an IPv6 ACL before its implicit deny: neighbour discovery
_ND_PERMITS = ("neighbor-advertisement", "neighbor-solicitation")


def _matches_all(entry: AclEntry) -> bool:
    """A rule every packet of the ACL's family matches (`permit ip any any`, `deny any`)."""
    return (
        entry.action is not None
        and entry.protocol in (None, "ip")
        and entry.source is None
        and entry.destination is None
        and entry.source_port is None
        and entry.destination_port is None
        and not entry.established
        and entry.icmp_type is None
        and entry.dscp is None
        and entry.precedence is None
        and not entry.fragments
        and entry.time_range is None
    )


def implicit_deny(config: DeviceConfig, out: Emitter) -> None:
    """A Comware packet filter forwards what no rule matches; IOS, NX-OS and Junos drop it.

    An ACL an interface filters with gets the source's implicit deny as its last rule (after
    IOS's implicit neighbour discovery permits for IPv6), unless a rule already matches
    everything. An empty or missing ACL filters nothing on IOS either, so it is left alone.
    `packet-filter default deny` would do it too, but for every interface and every packet
    the box routes, also where no ACL was applied.
    """
    users: dict[str, list[tuple[Interface, str]]] = {}
    for ifc in config.interfaces.values():
        for field in ("acl_in", "acl_out", "ipv6_acl_in", "ipv6_acl_out"):
            name = getattr(ifc, field)
            if name is not None:
                users.setdefault(name, []).append((ifc, field))
    for name, where in users.items():
        for ifc, field in where:
            if ifc.vrf is not None:
                out.change(
                    ifc,
                    field,
                    note=f"on an MSR router an ACL rule without `vpn-instance` matches only "
                    f"public-network packets: give the rules of ACL {name} `vpn-instance "
                    f"{ifc.vrf}` there (switches filter every packet of the interface)",
                )
        acl = config.acls.get(name)
        if acl is None or acl.kind == "mac":
            continue
        rules = [e for e in acl.entries if e.action is not None]
        if not rules or any(_matches_all(e) for e in rules):
            continue  # nothing gets past a rule that matches everything
        added = [AclEntry(action="deny", protocol=None if acl.kind == "standard" else "ip")]
        if acl.kind == "ipv6":
            for entry in rules:
                entry.protocol = entry.protocol or "ip"  # rules with ICMP make it advanced
            had = {
                e.icmp_type
                for e in rules
                if e.protocol == "icmp" and e.source is None and e.destination is None
            }
            permits = [
                AclEntry(action="permit", protocol="icmp", icmp_type=t)
                for t in _ND_PERMITS
                if t not in had  # Comware refuses a rule that repeats another
            ]
            added = [*permits, *added]
        last = max((e.seq for e in rules if e.seq is not None), default=None)
        for i, entry in enumerate(added, 1):
            if last is not None and last + 10 * i <= 65534:
                entry.seq = last + 10 * i
            for ifc, field in where:
                for n in ifc.src.get(field):
                    entry.at(n)
        for ifc, field in where:
            out.change(
                ifc,
                field,
                note=f"a Comware packet filter forwards what no rule of ACL {name} matches: "
                "the source's implicit deny is written as its last rule",
            )
        acl.entries.extend(added)
