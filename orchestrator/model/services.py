"""Network services a router or switch provides: NAT, DHCP server, QoS classes and policies."""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Network
from typing import Literal

from orchestrator.model.base import IFREF, Node


@dataclass(kw_only=True)
class NatPool(Node):
    name: str
    start: str
    end: str
    prefix_length: int | None = None


@dataclass(kw_only=True)
class NatRule(Node):
    """Source NAT of an ACL's traffic to a pool or an interface address, or a static mapping."""

    kind: Literal["dynamic", "static"]
    acl: str | None = None
    pool: str | None = None
    interface: str | None = field(default=None, metadata=IFREF)  # overload onto its address
    overload: bool = False
    protocol: Literal["tcp", "udp"] | None = None  # static port mapping
    inside_address: str | None = None
    inside_port: int | None = None
    outside_address: str | None = None
    outside_port: int | None = None
    vrf: str | None = None


@dataclass(kw_only=True)
class DhcpPool(Node):
    name: str
    network: IPv4Network | None = None
    default_routers: list[str] = field(default_factory=list)
    dns_servers: list[str] = field(default_factory=list)
    domain_name: str | None = None
    lease: tuple[int, int, int] | None = None  # days, hours, minutes


@dataclass(kw_only=True)
class ClassMap(Node):
    """A traffic class: `class-map` / `traffic classifier`."""

    name: str
    match: Literal["all", "any"] = "all"
    matches: list[tuple[str, str]] = field(default_factory=list)  # (kind, value)


@dataclass(kw_only=True)
class PolicyClass(Node):
    class_name: str
    actions: list[tuple[str, str]] = field(default_factory=list)  # (kind, value)


@dataclass(kw_only=True)
class PolicyMap(Node):
    """A QoS policy: `policy-map` / `traffic policy` with its behaviours."""

    name: str
    classes: list[PolicyClass] = field(default_factory=list)


@dataclass(kw_only=True)
class Services(Node):
    nat_pools: dict[str, NatPool] = field(default_factory=dict)
    nat_rules: list[NatRule] = field(default_factory=list)
    dhcp_enabled: bool | None = None
    dhcp_excluded: list[tuple[str, str]] = field(default_factory=list)  # (first, last)
    dhcp_pools: dict[str, DhcpPool] = field(default_factory=dict)
    class_maps: dict[str, ClassMap] = field(default_factory=dict)
    policy_maps: dict[str, PolicyMap] = field(default_factory=dict)
