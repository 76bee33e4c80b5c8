"""Network services a router or switch provides: NAT, DHCP server, QoS classes and policies."""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network
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
    route_map: str | None = None  # dynamic NAT selecting traffic by route map instead of ACL


@dataclass(kw_only=True)
class DhcpPool(Node):
    name: str
    network: IPv4Network | None = None
    default_routers: list[str] = field(default_factory=list)
    dns_servers: list[str] = field(default_factory=list)
    domain_name: str | None = None
    lease: tuple[int, int, int] | None = None  # days, hours, minutes


@dataclass(kw_only=True)
class Dhcp6Pool(Node):
    """A stateful DHCPv6 server pool (`ipv6 dhcp pool`)."""

    name: str
    #: address prefixes handed out: (prefix, valid lifetime, preferred lifetime); a lifetime
    #: of None is infinite
    address_prefixes: list[tuple[IPv6Network, int | None, int | None]] = field(default_factory=list)
    dns_servers: list[str] = field(default_factory=list)
    domain_name: str | None = None


@dataclass(kw_only=True)
class IpSla(Node):
    """An active probe (`ip sla` / `ip sla monitor`), typically tracked by a route or FHRP."""

    id: int
    kind: str = "icmp-echo"  # icmp-echo, udp-echo, tcp-connect, udp-jitter, http, dns
    target: str = ""  # address (or name) probed
    target_port: int | None = None
    source_address: str | None = None
    source_interface: str | None = field(default=None, metadata=IFREF)
    vrf: str | None = None
    timeout_ms: int | None = None  # wait this long for an answer
    threshold_ms: int | None = None  # slower answers count as over threshold
    frequency_s: int | None = None  # probe interval
    tos: int | None = None
    #: `schedule ... life <life> start-time <start>`: life "forever" or seconds; start "now",
    #: "pending", or a time of day "hh:mm[:ss]"; None when the probe is not scheduled
    schedule_life: str | None = None
    schedule_start: str | None = None


@dataclass(kw_only=True)
class WccpService(Node):
    """A WCCP service group redirecting traffic to caches (`ip wccp web-cache ...`)."""

    name: str  # "web-cache" or a dynamic service number
    redirect_list: str | None = None  # ACL of traffic that may be redirected
    group_list: str | None = None  # ACL of caches allowed to join


@dataclass(kw_only=True)
class ClassMap(Node):
    """A traffic class: `class-map` / `traffic classifier`.

    ``matches`` kinds and values: ``any`` ""; ``access-group`` "<ACL name or number>";
    ``ip-precedence`` / ``precedence`` "<values, space separated>" (IPv4 only / any IP);
    ``ip-dscp`` / ``dscp`` "<values>"; ``cos`` "<values>"; ``protocol`` "<NBAR name>";
    ``class-map`` "<other class>"; ``vlan`` "<ids>"; a kind prefixed ``not-`` negates it.
    """

    name: str
    match: Literal["all", "any"] = "all"
    matches: list[tuple[str, str]] = field(default_factory=list)  # (kind, value)


@dataclass(kw_only=True)
class Police(Node):
    """A token-bucket policer of a policy class; rates in bit/s, bursts in bytes."""

    cir: int | None = None  # committed rate, bit/s
    cir_percent: int | None = None  # or: committed rate as a percent of the interface
    bc: int | None = None  # committed burst, bytes
    be: int | None = None  # excess burst, bytes
    pir: int | None = None  # peak rate, bit/s (two-rate policer)
    conform: str | None = None  # "transmit", "drop", "set-dscp-transmit af11", ...
    exceed: str | None = None
    violate: str | None = None


@dataclass(kw_only=True)
class PolicyClass(Node):
    """One class of a QoS policy and what happens to its traffic.

    ``actions`` kinds and values (IOS units):
    ``priority`` "" | "<kbit/s>" | "percent <n>" (strict-priority queue);
    ``bandwidth`` "<kbit/s>" | "percent <n>" | "remaining percent <n>" (guaranteed share);
    ``shape-average`` "<bit/s>" | "percent <n>"; ``queue-limit`` "<packets>";
    ``fair-queue`` ""; ``random-detect`` "" | "dscp-based" | "precedence-based";
    ``set-dscp`` / ``set-precedence`` / ``set-cos`` "<value>";
    ``service-policy`` "<child policy name>" (hierarchical policy).
    """

    class_name: str
    actions: list[tuple[str, str]] = field(default_factory=list)  # (kind, value)
    police: Police | None = None


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
    #: NAT session aging, seconds: "timeout" (any), "tcp-timeout", "udp-timeout",
    #: "dns-timeout", "icmp-timeout", "finrst-timeout", "syn-timeout"
    nat_timeouts: dict[str, int] = field(default_factory=dict)
    #: the DHCP server picks pools by the receiving interface's VRF (IOS default True)
    dhcp_use_vrf_connected: bool | None = None
    dhcp6_pools: dict[str, Dhcp6Pool] = field(default_factory=dict)
    ip_slas: dict[int, IpSla] = field(default_factory=dict)
    wccp_version: int | None = None
    wccp_services: dict[str, WccpService] = field(default_factory=dict)
    #: dial-on-demand "interesting traffic" lists: number -> [(protocol, "permit"|"deny")]
    dialer_lists: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
