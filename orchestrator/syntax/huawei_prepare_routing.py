"""Shape routing for VRP where the source's words would configure something else on the box.

- A route map that matches an extended ACL asks "network and mask" (IOS reads the source
  field as the route's network and the destination field as its mask); a VRP route policy
  matches basic ACLs only (`if-match acl 2000-2999`), on the route's address. Such an ACL
  becomes an ip-prefix (network and mask) or a basic ACL (network only, any mask).
- Per-VLAN bridge priorities of PVST/Rapid-PVST, where VRP runs MSTP, would land on MSTP
  instance numbers equal to the VLAN IDs (instances that hold no VLAN): one priority for all
  the VLANs becomes the bridge priority of the one tree.
- IOS `maximum-paths eibgp` outside a VRF: VRP balances eBGP and iBGP paths separately there.
- A BGP group whose session is iBGP in another AS than the box's (Junos `local-as` on an
  internal group) cannot exist in one VRP BGP process: `fake-as` would make it eBGP.
- A group that is neither `internal` nor `external` is internal on VRP: a group of eBGP peers
  is made external, and eBGP peers of a group that also holds iBGP peers leave it with its
  settings (a VRP group holds one kind).
- A VPN instance takes route targets only after a route distinguisher.
"""

from __future__ import annotations

import copy
from dataclasses import fields
from ipaddress import IPv4Address, IPv4Network

from orchestrator.model import (
    Acl,
    AclEntry,
    Bgp,
    BgpAfPeer,
    BgpNeighbor,
    BgpPeerGroup,
    DeviceConfig,
    PrefixList,
    PrefixListEntry,
)
from orchestrator.syntax.huawei_common import Shaper
from orchestrator.syntax.rules import wildcard_to_prefixlen

# --- route maps that match extended ACLs ----------------------------------------------------


def route_map_acls(config: DeviceConfig, shape: Shaper) -> None:
    """Extended ACLs matched by route maps become ip-prefixes or basic ACLs (see above)."""
    nat_maps = {r.route_map for r in config.services.nat_rules if r.route_map}
    converted: dict[str, tuple[str, str]] = {}  # ACL name -> (match kind, new name)
    for name, route_map in config.route_maps.items():
        if name in nat_maps:
            continue  # NAT matches packets with it, not routes
        for entry in route_map.entries:
            for match in entry.matches:
                if match.kind != "ip-address-acl":
                    continue
                values = []
                for acl_name in match.values:
                    acl = config.acls.get(acl_name)
                    if acl is None or acl.kind != "extended":
                        values.append(acl_name)
                        continue
                    if acl_name not in converted:
                        done = _convert(config, acl, shape)
                        if done is None:
                            shape.unsupported(
                                match,
                                reason=f"ACL {acl_name} matches masks by range: a VRP route "
                                "policy matches basic ACLs or ip-prefixes only",
                            )
                            break
                        converted[acl_name] = done
                    kind, new = converted[acl_name]
                    if kind == "ip-address-prefix-list":
                        if len(match.values) != 1:
                            shape.unsupported(
                                match,
                                reason=f"ACL {acl_name} becomes an ip-prefix, which VRP "
                                "cannot match together with other ACLs in one node",
                            )
                            break
                        match.kind = "ip-address-prefix-list"
                    values.append(new)
                match.values = values
    for acl_name in converted:
        if not _acl_in_use(config, acl_name):
            del config.acls[acl_name]


def _convert(config: DeviceConfig, acl: Acl, shape: Shaper) -> tuple[str, str] | None:
    rules = [e for e in acl.entries if e.action is not None]
    if not rules or any(e.protocol not in (None, "ip") for e in rules):
        return None
    masks = [_mask_length(e) for e in rules]
    base = f"acl-{acl.name}" if acl.name.isdigit() else acl.name
    if all(m is not None for m in masks):
        prefix_list = PrefixList(name=_free(base, config.prefix_lists))
        for seq, (entry, length) in enumerate(zip(rules, masks, strict=True), start=1):
            network = _network(entry)
            if network is None or length is None:
                return None
            if network.prefixlen >= length:  # the network address is fixed up to the mask
                try:
                    network = IPv4Network(f"{network.network_address}/{length}")
                except ValueError:
                    return None  # host bits set: IOS matches no route with it either
            prefix_entry = PrefixListEntry(
                seq=seq * 5, action=entry.action or "permit", prefix=network
            )
            if length != network.prefixlen:
                prefix_entry.ge = prefix_entry.le = length
            for n in sorted(entry.src.every()):
                prefix_entry.at(n)
            prefix_list.entries.append(prefix_entry)
        for n in acl.src.get(""):
            prefix_list.at(n)
        config.prefix_lists[prefix_list.name] = prefix_list
        _notes(acl, shape, f"ip-prefix {prefix_list.name} (network and mask)")
        return "ip-address-prefix-list", prefix_list.name
    if all(e.destination is None for e in rules):
        basic = Acl(name=_free(base if base != acl.name else f"{base}-routes", config.acls))
        basic.kind = "standard"
        for entry in acl.entries:
            if entry.action is None:
                continue
            item = AclEntry(seq=entry.seq, action=entry.action, source=entry.source)
            for n in sorted(entry.src.every()):
                item.at(n)
            basic.entries.append(item)
        for n in acl.src.get(""):
            basic.at(n)
        config.acls[basic.name] = basic
        _notes(acl, shape, f"basic ACL {basic.name} (network, any mask)")
        return "ip-address-acl", basic.name
    return None


def _notes(acl: Acl, shape: Shaper, what: str) -> None:
    note = (
        f"ACL {acl.name} matches routes by network and mask in a route map; a VRP route "
        f"policy matches basic ACLs only: it becomes {what}"
    )
    for entry in acl.entries:
        if entry.action is None:
            shape.ignore(entry, rule="VRP ip-prefix entries carry no remarks")
        else:
            shape.change(entry, note=note)


def _mask_length(entry: AclEntry) -> int | None:
    """The mask an IOS route-map ACL entry asks for (`host 255.255.255.0`), if it is one."""
    dest = entry.destination
    if dest is None or dest.wildcard != "0.0.0.0":
        return None
    try:
        return IPv4Network(f"0.0.0.0/{dest.address}").prefixlen
    except ValueError:
        return None


def _network(entry: AclEntry) -> IPv4Network | None:
    source = entry.source
    if source is None:
        return IPv4Network("0.0.0.0/0")
    length = wildcard_to_prefixlen(source.wildcard)
    if length is None:
        return None
    try:
        return IPv4Network(f"{IPv4Address(source.address)}/{length}", strict=False)
    except ValueError:
        return None


def _free(name: str, taken: object) -> str:
    new = name
    while new in taken:  # type: ignore[operator]
        new += "-1"
    return new


def _acl_in_use(config: DeviceConfig, name: str) -> bool:
    for ifc in config.interfaces.values():
        if name in (ifc.acl_in, ifc.acl_out):
            return True
    system = config.system
    if any(name in (ln.acl_in,) for ln in system.lines) or system.http_access_class == name:
        return True
    if any(c.acl == name for c in system.snmp.communities):
        return True
    if any(r.acl == name for r in config.services.nat_rules):
        return True
    if any(p.acl == name for p in config.security.zone_policies):
        return True
    for route_map in config.route_maps.values():
        for entry in route_map.entries:
            for match in entry.matches:
                if match.kind == "ip-address-acl" and name in match.values:
                    return True
    return any(v == name for cmap in config.services.class_maps.values() for _, v in cmap.matches)


# --- spanning tree --------------------------------------------------------------------------


def shape_stp(config: DeviceConfig, shape: Shaper) -> None:
    """PVST per-VLAN priorities, when VRP runs MSTP instead, go to the one tree."""
    system = config.system
    if system.stp_mode != "mstp" or not system.stp_priority:
        return
    changes = shape.notes.result.changes
    converted = any(
        "pvst does not exist" in note
        for n in system.src.get("stp_mode")
        for note in changes.get(n, [])
    )
    if not converted:
        return  # the keys are MSTP instances already
    vlans = sorted(system.stp_priority)
    priorities = set(system.stp_priority.values())
    if len(priorities) == 1:
        priority = priorities.pop()
        system.stp_priority = {0: priority}
        shape.change(
            system,
            "stp_priority",
            note=f"VRP runs one spanning tree (MSTP instance 0) for every VLAN: bridge "
            f"priority {priority}, set for VLAN(s) {', '.join(map(str, vlans))}, applies to all",
        )
        return
    shape.unsupported(
        system,
        "stp_priority",
        reason="per-VLAN bridge priorities differ; VRP runs one tree for every VLAN unless "
        "MSTP instances are designed (`stp region-configuration`, `stp instance N priority`)",
    )
    system.stp_priority = {}


# --- BGP ------------------------------------------------------------------------------------


def shape_bgp_sessions(config: DeviceConfig, shape: Shaper) -> None:
    bgp = config.bgp
    if bgp is None:
        return
    for af in bgp.address_families:
        if af.vrf is None and af.maximum_paths_eibgp is not None and af.afi in ("ipv4", "ipv6"):
            paths = af.maximum_paths_eibgp
            for field in ("maximum_paths", "maximum_paths_ibgp"):
                if getattr(af, field) is None:
                    setattr(af, field, paths)
                    for n in af.src.get("maximum_paths_eibgp"):
                        af.at(n, field)
            shape.change(
                af,
                "maximum_paths_eibgp",
                note="VRP mixes eBGP and iBGP paths in VPN instances only: here up to "
                f"{paths} eBGP paths or up to {paths} iBGP paths are balanced",
            )
            af.maximum_paths_eibgp = None
    peers: list[BgpPeerGroup | BgpNeighbor] = [*bgp.peer_groups.values(), *bgp.neighbors.values()]
    for peer in peers:
        if peer.local_as is not None and peer.local_as == peer.remote_as != bgp.asn:
            shape.unsupported(
                peer,
                "local_as",
                reason=f"an iBGP session in AS {peer.local_as} inside BGP {bgp.asn}: VRP runs "
                "one AS per BGP process, and `fake-as` would make it eBGP (the far end drops "
                "the routes that carry its own AS); a design with "
                f"`bgp {peer.local_as}` and "
                f"`peer <underlay> fake-as {bgp.asn}` may serve",
            )
            peer.local_as = None
    for group in bgp.peer_groups.values():
        if group.remote_as is None:
            _group_kind(bgp, group, shape)


_SESSION: tuple[str, ...] = (
    "description",
    "update_source",
    "ebgp_multihop",
    "password",
    "keepalive",
    "hold",
    "shutdown",
    "bfd",
    "ttl_security",
    "fall_over_bfd",
    "bfd_interval",
    "path_mtu_discovery",
)


def _group_kind(bgp: Bgp, group: BgpPeerGroup, shape: Shaper) -> None:
    members = [n for n in bgp.neighbors.values() if n.peer_group == group.name]
    external = [n for n in members if n.remote_as not in (None, bgp.asn)]
    if not external:
        return
    if len(external) == len(members):
        group.remote_as = "external"
        for n in group.src.get(""):
            group.at(n, "remote_as")
        return
    blank = BgpNeighbor(address="")
    for neighbor in external:
        for field in _SESSION:
            if getattr(neighbor, field) == getattr(blank, field):
                value = getattr(group, field)
                if value != getattr(blank, field):
                    setattr(neighbor, field, copy.deepcopy(value))
                    for n in group.src.get(field):
                        neighbor.at(n, field)
        for af in bgp.address_families:
            settings = af.peers.get(group.name)
            if settings is not None:
                _merge(settings, af.peers.setdefault(neighbor.address, BgpAfPeer()))
        shape.change(
            neighbor,
            "peer_group",
            note=f"a VRP group holds iBGP or eBGP peers, not both: eBGP peer "
            f"{neighbor.address} leaves group {group.name} and keeps its settings itself",
        )
        neighbor.peer_group = None


def _merge(group: BgpAfPeer, peer: BgpAfPeer) -> None:
    blank = BgpAfPeer()
    for f in fields(BgpAfPeer):
        value = getattr(group, f.name)
        if value != getattr(blank, f.name) and getattr(peer, f.name) == getattr(blank, f.name):
            setattr(peer, f.name, copy.deepcopy(value))
            for n in group.src.get(f.name):
                peer.at(n, f.name)
    for n in group.src.get(""):
        peer.at(n)


# --- VPN instances --------------------------------------------------------------------------


def vrf_route_distinguishers(config: DeviceConfig, shape: Shaper) -> None:
    """A VPN instance with route targets or BGP gets an RD: VRP refuses targets without one."""
    bgp = config.bgp
    in_bgp = set(bgp.vrfs) | {af.vrf for af in bgp.address_families if af.vrf} if bgp else set()
    router_id = _router_id(config)
    if router_id is None:
        return
    used = {vrf.rd for vrf in config.vrfs.values() if vrf.rd}
    number = 0
    for vrf in config.vrfs.values():
        targets = vrf.import_targets or vrf.export_targets
        targets = targets or vrf.evpn_import_targets or vrf.evpn_export_targets
        if vrf.rd is not None or not (targets or vrf.name in in_bgp):
            continue
        number += 1
        while f"{router_id}:{number}" in used:
            number += 1
        vrf.rd = f"{router_id}:{number}"
        for n in vrf.src.get(""):
            vrf.at(n, "rd")
        shape.change(
            vrf,
            "rd",
            note=f"VRP takes route targets only after a route distinguisher: {vrf.rd} is "
            "written (any RD unique on this box will do; the route targets decide imports)",
        )


def _router_id(config: DeviceConfig) -> str | None:
    if config.bgp is not None and config.bgp.router_id:
        return config.bgp.router_id
    for ifc in config.interfaces.values():
        if ifc.kind == "loopback" and ifc.ipv4:
            return str(ifc.ipv4[0].address.ip)
    return None


__all__ = ["route_map_acls", "shape_bgp_sessions", "shape_stp", "vrf_route_distinguishers"]
