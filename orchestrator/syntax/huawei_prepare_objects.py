"""Firewall address and service objects written out for ACL rules: address objects and sets
as prefixes, service objects and sets as protocol/port terms (`huawei_prepare_zones`)."""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network

from orchestrator.model import AclEntry, AddrMatch, ApplicationTerm, PortMatch, Security

Network = IPv4Network | IPv6Network


def acl_entry(
    action: str, source: Network | None, destination: Network | None, term: ApplicationTerm | None
) -> AclEntry:
    entry = AclEntry(action=action)  # type: ignore[arg-type]
    entry.protocol = (term.protocol if term else None) or "ip"
    entry.source = _match(source)
    entry.destination = _match(destination)
    if term is not None:
        entry.destination_port = _ports(term.destination_ports)
        entry.source_port = _ports(term.source_ports)
        if term.icmp_type is not None:
            code = f"/{term.icmp_code}" if term.icmp_code is not None else ""
            entry.icmp_type = f"{term.icmp_type}{code}"
    return entry


def _match(net: Network | None) -> AddrMatch | None:
    if net is None:
        return None
    if isinstance(net, IPv6Network):
        return AddrMatch(str(net.network_address), f"/{net.prefixlen}")
    return AddrMatch(str(net.network_address), str(net.hostmask))


def _ports(ports: tuple[int, int] | None) -> PortMatch | None:
    if ports is None:
        return None
    first, last = ports
    return PortMatch("eq", (first,)) if first == last else PortMatch("range", (first, last))


def resolve_addresses(security: Security, names: list[str]) -> list[Network | None] | None:
    """Address objects and sets as prefixes; [None] is any; None: not expressible."""
    if not names or any(n in ("any", "any-ipv4", "any-ipv6") for n in names):
        return [None]
    out: list[Network | None] = []
    for name in names:
        found = _resolve_address(security, name, 0)
        if found is None:
            return None
        out += [n for n in found if n not in out]
    return out


def _resolve_address(security: Security, name: str, depth: int) -> list[Network] | None:
    if depth > 8:
        return None
    address = security.addresses.get(name)
    if address is not None:
        return [address.prefix] if address.prefix is not None else None
    group = security.address_sets.get(name)
    if group is None:
        return None
    out: list[Network] = []
    for member in [*group.addresses, *group.address_sets]:
        found = _resolve_address(security, member, depth + 1)
        if found is None:
            return None
        out += found
    return out


def resolve_terms(security: Security, names: list[str]) -> list[ApplicationTerm | None] | None:
    """Service objects and sets as protocol/port terms; [None] is any service."""
    if not names or "any" in names:
        return [None]
    out: list[ApplicationTerm | None] = []
    for name in names:
        if name.startswith("="):  # a host-inbound term built above: =protocol[:first-last]
            protocol, _, span = name[1:].partition(":")
            ports = tuple(int(p) for p in span.split("-")) if span else None
            out.append(ApplicationTerm(protocol=protocol, destination_ports=ports))  # type: ignore[arg-type]
            continue
        found = _resolve_service(security, name, 0)
        if found is None:
            return None
        out += found
    return out


def _resolve_service(security: Security, name: str, depth: int) -> list[ApplicationTerm] | None:
    if depth > 8:
        return None
    app = security.applications.get(name)
    if app is not None:
        return list(app.terms) if app.terms else None
    group = security.application_sets.get(name)
    if group is None:
        return None
    out: list[ApplicationTerm] = []
    for member in [*group.applications, *group.application_sets]:
        found = _resolve_service(security, member, depth + 1)
        if found is None:
            return None
        out += found
    return out


__all__ = ["acl_entry", "resolve_addresses", "resolve_terms"]
