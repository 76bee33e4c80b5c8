"""Shape a parsed model for a target platform: port names, secrets, and semantics that differ.

Each conversion here is driven by data on the platform objects (`features`, `stp_modes`,
`ospf_reference_bandwidth`, `mtu_overhead`, `proxy_arp_default`, `dns_lookup_default`), never
by a platform's name, and each leaves a change
note on the source lines it touched: a translation never changes meaning silently.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass

from orchestrator import ports
from orchestrator.model import (
    AclEntry,
    DeviceConfig,
    Node,
    PortMatch,
    PrefixList,
    Redistribution,
    Secret,
    StpMode,
)
from orchestrator.model.walk import rename_interfaces, rename_item_keys, walk_secrets
from orchestrator.secrets import SecretRef, env_name, needs_rekey
from orchestrator.syntax import get_platform
from orchestrator.syntax.base import Emitter, Platform


@dataclass
class Adapted:
    config: DeviceConfig
    notes: Notes
    secrets: list[SecretRef] = field(default_factory=list)


class Notes(Emitter):
    """Change, ignore and unsupported notes keyed by source line: an Emitter that never emits."""


Conversion = Callable[[DeviceConfig, Platform, Platform, Notes], None]


def adapt(config: DeviceConfig, source: str, target: str, names: dict[str, str]) -> Adapted:
    """Turn ``config`` (a private copy) into what ``target`` will be given."""
    src, dst = get_platform(source), get_platform(target)
    notes = Notes(target)
    _map_ports(config, source, target, names, notes)
    shape_for_target(config, src, dst, notes)
    secrets = _secrets_to_references(config, notes)
    return Adapted(config=config, notes=notes, secrets=secrets)


def shape_for_target(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """The semantic conversions and the target's own shaping, without port names or secrets."""
    for conversion in CONVERSIONS:
        conversion(config, src, dst, notes)
    dst.prepare(config, notes)


def _map_ports(
    config: DeviceConfig, source: str, target: str, names: dict[str, str], notes: Notes
) -> None:
    renamed = {}
    for name, ifc in config.interfaces.items():
        new = names.get(name)
        if new is None:
            # its lines and those of every part it holds (OSPF, FHRP groups, ...)
            notes.unsupported(
                ifc,
                *ifc.src.lines,
                reason=f"{target} has no interface like {name} ({ifc.kind})",
            )
            continue
        ifc.name = new
        ifc.kind = ports.interface_kind(target, new)
        renamed[new] = ifc
    config.interfaces = renamed

    def rename(name: str) -> str:
        if name in names:
            return names[name]
        return ports.map_name(source, name, target) or name

    rename_interfaces(config, rename)
    for ifc in config.interfaces.values():
        for group in ifc.fhrp:
            old = [i for i, _ in group.track]
            group.track = [(rename(i), d) for i, d in group.track]
            rename_item_keys(group, "track", old, [i for i, _ in group.track])


def _child_nodes(node: object) -> list[Node]:
    out: list[Node] = []
    if is_dataclass(node) and not isinstance(node, type):
        for f in fields(node):
            value = getattr(node, f.name)
            if isinstance(value, dict):
                items = list(value.values())
            elif isinstance(value, list):
                items = value
            else:
                items = [value]
            for item in items:
                if isinstance(item, Node):
                    out.append(item)
                    out.extend(_child_nodes(item))
    return out


def _secrets_to_references(config: DeviceConfig, notes: Notes) -> list[SecretRef]:
    refs: list[SecretRef] = []
    for path, secret, owner, attr in list(walk_secrets(config)):
        if secret.kind == "ref":
            continue
        key = path
        lines: tuple[int, ...] = ()
        if isinstance(owner, Node):
            lines = owner.src.get(attr) or owner.src.get("")
        rekey = needs_rekey(secret)
        refs.append(SecretRef(key, secret.kind, lines, rekey))
        ref = Secret("ref", key)
        if isinstance(owner, dict):
            owner[_dict_key(owner, attr)] = ref
        elif isinstance(owner, list):
            owner[int(attr)] = ref
        else:
            setattr(owner, attr, ref)
        if rekey and isinstance(owner, Node):
            notes.change(
                owner,
                attr,
                note=f"{secret.kind} hash cannot be carried over: re-key needed "
                f"(set {env_name(key)} or put {key} in the secrets file)",
            )
    return refs


def _dict_key(owner: dict[object, object], attr: str) -> object:
    for k in owner:
        if str(k) == attr:
            return k
    return attr


# --- conversions: each takes what the target lacks and makes it what the target has ----------


def _hsrp_to_vrrp(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    if "hsrp" in dst.features:
        return
    for ifc in config.interfaces.values():
        for group in ifc.fhrp:
            if group.protocol != "hsrp":
                continue
            group.protocol = "vrrp"
            notes.change(
                group,
                *group.src.lines,
                note=f"HSRP group {group.group} becomes VRRP vrid {group.group}: both routers of "
                "the pair must move to VRRP together; HSRP and VRRP do not interwork",
            )
            if group.hold is not None:
                notes.change(group, "hold", note="VRRP derives its hold time (3 x advertisement)")
                group.hold = None
            if group.version is not None:
                group.version = None
            if group.name is not None:
                notes.change(group, "name", note="VRRP groups have no name")
                group.name = None
            if group.preempt is None:
                # HSRP does not preempt unless told; VRRP preempts by default
                group.preempt = False
                notes.change(group, "", note="HSRP default is no preemption: made explicit")


def _cdp_to_lldp(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    if "cdp" in dst.features:
        return
    system = config.system
    if system.cdp is not None:
        if system.lldp is None:
            system.lldp = system.cdp
        notes.change(system, "cdp", note="CDP is Cisco-only: neighbour discovery uses LLDP")
        system.cdp = None
    for ifc in config.interfaces.values():
        if ifc.cdp is not None:
            if ifc.lldp is None:
                ifc.lldp = ifc.cdp
            notes.change(ifc, "cdp", note="CDP is Cisco-only: per-port LLDP state set instead")
            ifc.cdp = None


_STP_FALLBACK: dict[str, StpMode] = {
    "pvst": "mstp",
    "rapid-pvst": "mstp",
    "mstp": "rstp",
    "rstp": "stp",
}


def _stp_mode(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    mode = config.system.stp_mode
    if mode is None or mode in dst.stp_modes:
        return
    new: StpMode = mode
    while new not in dst.stp_modes and new in _STP_FALLBACK:
        new = _STP_FALLBACK[new]
    config.system.stp_mode = new
    notes.change(
        config.system,
        "stp_mode",
        note=f"spanning-tree mode {mode} does not exist on {dst.name}: {new} instead; all VLANs "
        "share one tree unless instances are added",
    )


def _ospf_reference_bandwidth(
    config: DeviceConfig, src: Platform, dst: Platform, notes: Notes
) -> None:
    if src.ospf_reference_bandwidth == dst.ospf_reference_bandwidth:
        return
    for process in config.ospf.values():
        if process.reference_bandwidth is None:
            process.reference_bandwidth = src.ospf_reference_bandwidth
            notes.change(
                process,
                "",
                note=f"OSPF reference bandwidth differs by default ({src.name} "
                f"{src.ospf_reference_bandwidth} Mbit/s, {dst.name} "
                f"{dst.ospf_reference_bandwidth} Mbit/s): set explicitly to keep the costs",
            )


def _mtu(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    delta = dst.mtu_overhead - src.mtu_overhead
    if not delta:
        return
    for ifc in config.interfaces.values():
        if ifc.mtu is not None:
            old = ifc.mtu
            ifc.mtu = old + delta
            notes.change(
                ifc,
                "mtu",
                note=f"MTU {old} on {src.name} counts {src.mtu_overhead} header bytes; "
                f"{dst.name} counts {dst.mtu_overhead}: {ifc.mtu}",
            )


def _ospf_process_numbers(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """NX-OS names OSPF processes (`router ospf UNDERLAY`); the targets number them.

    Process ids are only locally significant, so a renumbering changes nothing on the wire.
    """
    if dst.ospf_process_names:
        return
    named = [key for key in config.ospf if not key.isdigit()]
    if not named:
        return
    used = {int(key) for key in config.ospf if key.isdigit()}
    renumber: dict[str, str] = {}
    for key in named:
        number = next(n for n in range(1, 65536) if n not in used)
        used.add(number)
        renumber[key] = str(number)
    processes = {}
    for key, process in config.ospf.items():
        if key in renumber:
            notes.change(
                process,
                "",
                note=f"OSPF process {key!r} is numbered {renumber[key]} on {dst.name} "
                "(process ids are local to the box)",
            )
            process.process = renumber[key]
        processes[process.process] = process
    config.ospf = processes
    for ifc in config.interfaces.values():
        for settings in (ifc.ospf, getattr(ifc, "ospfv3", None)):
            if settings is not None and settings.process in renumber:
                settings.process = renumber[settings.process]
    for item in _child_nodes(config):
        if isinstance(item, Redistribution) and item.protocol == "ospf" and item.process:
            item.process = renumber.get(item.process, item.process)


def _route_filters(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """Junos inline route filters become a prefix list of their own, matched by name.

    The filters of one term all carry the term's action, so the list is permit-only and its
    first-match order cannot change the result (Junos picks the longest filter).
    """
    if "route-filter" in dst.features:
        return
    for policy in config.route_maps.values():
        for entry in policy.entries:
            for match in entry.matches:
                if match.kind != "route-filter" or not match.prefixes:
                    continue
                versions = {item.prefix.version for item in match.prefixes}
                if len(versions) != 1:
                    notes.unsupported(
                        match, "", reason="a term that filters IPv4 and IPv6 prefixes at once"
                    )
                    continue
                v6 = versions == {6}
                name = f"{policy.name}-{entry.name or entry.seq}"
                while name in config.prefix_lists:
                    name += "-1"
                plist = PrefixList(name=name, afi="ipv6" if v6 else "ipv4")
                for i, item in enumerate(match.prefixes, start=1):
                    item.seq = i * 5
                    item.action = "permit"
                    plist.entries.append(item)
                plist.src = match.src
                config.prefix_lists[name] = plist
                match.kind = "ipv6-address-prefix-list" if v6 else "ip-address-prefix-list"
                match.values, match.prefixes = [name], []


#: interface kinds where proxy ARP means something: broadcast media that route IPv4
_PROXY_ARP_KINDS = frozenset({"ethernet", "lag", "svi", "subinterface"})


def _proxy_arp(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """Proxy ARP that the source answers (or not) by default is made explicit where the
    target's default differs, on every routed interface that does not configure it."""
    before, after = src.proxy_arp_default, dst.proxy_arp_default
    if before is None or after is None or before == after:
        return
    for ifc in config.interfaces.values():
        if ifc.proxy_arp is not None or ifc.kind not in _PROXY_ARP_KINDS:
            continue
        if not (ifc.ipv4 or ifc.ipv4_unnumbered):
            continue
        ifc.proxy_arp = before
        for n in ifc.src.get("ipv4") or ifc.src.get("ipv4_unnumbered"):
            ifc.at(n, "proxy_arp")
        notes.change(
            ifc,
            "proxy_arp",
            note=f"proxy ARP is {'on' if before else 'off'} by default on {src.name} and "
            f"{'on' if after else 'off'} on {dst.name}: made explicit to keep the behaviour",
        )


def _dns_lookup(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """A box with DNS servers resolves names by default on some platforms only: the source's
    behaviour is made explicit where the target's default differs."""
    before, after = src.dns_lookup_default, dst.dns_lookup_default
    system = config.system
    if before is None or after is None or before == after:
        return
    if system.domain_lookup is not None or not system.dns_servers:
        return
    system.domain_lookup = before
    for server in system.dns_servers:
        for n in server.src.get(""):
            system.at(n, "domain_lookup")
    notes.change(
        system,
        "domain_lookup",
        note=f"{src.name} {'resolves' if before else 'does not resolve'} names through its DNS "
        f"servers by default, {dst.name} {'does' if after else 'does not'}: made explicit",
    )


def _ssh_server(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """A source that serves SSH by default (NX-OS) keeps serving it on the target."""
    system = config.system
    if system.ssh_server is not None or not src.ssh_server_default:
        return
    system.ssh_server = True
    notes.change(
        system,
        "",
        note=f"{src.name} serves SSH by default; the SSH server is enabled explicitly",
    )


def _vrrp_ids(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """VRRP groups are numbered 1-255 (RFC 5798); HSRP numbers from 0 and up to 4095.

    A group out of range takes the lowest VRID its interface does not use: the choice depends
    only on the interface's own groups, so the other router of the pair, translated the same
    way, gets the same VRID.
    """
    if "hsrp" in dst.features:
        return
    for ifc in config.interfaces.values():
        used = {g.group for g in ifc.fhrp if 1 <= g.group <= 255}
        for group in ifc.fhrp:
            if 1 <= group.group <= 255:
                continue
            free = next((n for n in range(1, 256) if n not in used), None)
            if free is None:
                continue  # the renderer reports the group it cannot number
            notes.change(
                group,
                "",
                note=f"VRRP VRIDs are 1-255: group {group.group} becomes VRID {free}; the "
                "other router of the pair must use the same",
            )
            used.add(free)
            group.group = free


def _bgp_communities(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """Junos sends communities to every BGP peer; the targets only when told to."""
    if not src.bgp_sends_communities or dst.bgp_sends_communities or config.bgp is None:
        return
    for family in config.bgp.address_families:
        for name, peer in family.peers.items():
            if peer.activate and peer.send_community is None:
                peer.send_community = "both"
                notes.change(
                    peer,
                    "",
                    note=f"{src.name} sends communities to BGP peers by default: sending to "
                    f"{name} is made explicit",
                )


def _ospf_external_metrics(
    config: DeviceConfig, src: Platform, dst: Platform, notes: Notes
) -> None:
    """Redistributed routes get a platform's own default metric (IOS 20, VRP and Comware 1):
    the source's is written out so the external routes keep their cost."""
    if not src.ospf_external_metrics or not dst.ospf_external_metrics:
        return
    for process in config.ospf.values():
        if process.default_metric is not None:
            continue
        for item in process.redistribute:
            if item.metric is not None:
                continue
            before = src.ospf_external_metrics.get(
                item.protocol, src.ospf_external_metrics.get("default")
            )
            after = dst.ospf_external_metrics.get(
                item.protocol, dst.ospf_external_metrics.get("default")
            )
            if before is None or before == after:
                continue
            item.metric = before
            notes.change(
                item,
                "",
                note=f"redistributed routes get metric {before} on {src.name} and {after} on "
                f"{dst.name} by default: {before} made explicit",
            )


def _acl_implicit_deny(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """The source drops what no rule of an interface ACL matches; where the target forwards it
    (VRP, Comware packet filters) or its default is not known, the deny is written out.

    An ACL with a rule that matches everything already decides for the rest, and an empty or
    missing ACL filters nothing on the source either: both are left alone. IPv6 lists get the
    neighbour-discovery permits the source puts before its implicit deny.
    """
    if src.acl_filter_default != "deny" or dst.acl_filter_default == "deny":
        return
    forwards = "forwards" if dst.acl_filter_default == "permit" else "may forward"
    for name, where in config.interface_filters().items():
        acl = config.acls.get(name)
        if acl is None or acl.kind == "mac":
            continue
        rules = [e for e in acl.entries if e.action is not None]
        if not rules or any(rule.matches_everything() for rule in rules):
            continue  # nothing gets past a rule that matches everything
        added = [AclEntry(action="deny", protocol=None if acl.kind == "standard" else "ip")]
        if acl.kind == "ipv6":
            had = {
                e.icmp_type
                for e in rules
                if e.protocol == "icmp" and e.source is None and e.destination is None
            }
            added[:0] = [
                AclEntry(action="permit", protocol="icmp", icmp_type=kind)
                for kind in src.acl_ipv6_implicit_permits
                if kind not in had
            ]
        last = max((e.seq for e in rules if e.seq is not None), default=None)
        for i, entry in enumerate(added, 1):
            if last is not None:
                entry.seq = last + 10 * i
            for ifc, field_name in where:
                for n in ifc.src.get(field_name):
                    entry.at(n)
        for ifc, field_name in where:
            notes.change(
                ifc,
                field_name,
                note=f"{dst.name} {forwards} packets no rule of ACL {name} matches: the "
                "source's implicit deny is written as its last rule",
            )
        acl.entries.extend(added)


def _acl_port_lists(config: DeviceConfig, src: Platform, dst: Platform, notes: Notes) -> None:
    """`eq www 443` (IOS: either port) becomes one entry per port where a rule takes one port.

    The entries sit together in the original's place, so the ACL matches exactly the same
    packets; each keeps the source line, and sequence numbers are left for the renderer.
    """
    if "acl-port-list" in dst.features:
        return
    for acl in config.acls.values():
        entries: list[AclEntry] = []
        for entry in acl.entries:
            sources = _port_choices(entry.source_port)
            destinations = _port_choices(entry.destination_port)
            if len(sources) == 1 and len(destinations) == 1:
                entries.append(entry)
                continue
            for i, (sport, dport) in enumerate((s, d) for s in sources for d in destinations):
                split = copy.copy(entry)
                split.src = entry.src
                split.source_port, split.destination_port = sport, dport
                split.seq = entry.seq if i == 0 else None
                entries.append(split)
        acl.entries = entries


def _port_choices(match: PortMatch | None) -> list[PortMatch | None]:
    if match is None or match.op != "eq" or len(match.ports) < 2:
        return [match]
    return [PortMatch("eq", (port,)) for port in match.ports]


#: the conversions, in order: each may rely on the ones before it (VRIDs after HSRP→VRRP)
CONVERSIONS: tuple[Conversion, ...] = (
    _ospf_process_numbers,
    _route_filters,
    _acl_port_lists,
    _acl_implicit_deny,
    _hsrp_to_vrrp,
    _vrrp_ids,
    _cdp_to_lldp,
    _stp_mode,
    _ospf_reference_bandwidth,
    _ospf_external_metrics,
    _mtu,
    _proxy_arp,
    _dns_lookup,
    _ssh_server,
    _bgp_communities,
)
