"""Comware packet filters: what differs from the source's ACLs beyond the implicit deny.

A Comware packet filter forwards what no rule of its ACL matches; `adapt` writes the source's
implicit deny (see `acl_filter_default`). What stays Comware's own: MSR routers match only
public-network packets with rules that name no VPN instance, and an IPv6 ACL with a protocol
rule is an advanced one.
"""

from __future__ import annotations

from orchestrator.model import DeviceConfig
from orchestrator.syntax.base import Emitter

#: IOS ICMPv6 message names Comware spells differently
ICMP6_FROM_IOS = {"nd-na": "neighbor-advertisement", "nd-ns": "neighbor-solicitation"}


def filter_vrf_notes(config: DeviceConfig, out: Emitter) -> None:
    """On MSR routers an ACL rule without `vpn-instance` matches only public-network packets."""
    for ifc in config.interfaces.values():
        if ifc.vrf is None:
            continue
        for field in ("acl_in", "acl_out", "ipv6_acl_in", "ipv6_acl_out"):
            name = getattr(ifc, field)
            if name is not None:
                out.change(
                    ifc,
                    field,
                    note=f"on an MSR router an ACL rule without `vpn-instance` matches only "
                    f"public-network packets: give the rules of ACL {name} `vpn-instance "
                    f"{ifc.vrf}` there (switches filter every packet of the interface)",
                )


def ipv6_rules_advanced(config: DeviceConfig, out: Emitter) -> None:
    """An IPv6 ACL with a protocol rule (the neighbour-discovery permits) is advanced on
    Comware: its rules without a protocol match `ipv6`."""
    for acl in config.acls.values():
        if acl.kind != "ipv6":
            continue
        rules = [e for e in acl.entries if e.action is not None]
        if any(e.protocol not in (None, "ip") for e in rules):
            for entry in rules:
                entry.protocol = entry.protocol or "ip"
