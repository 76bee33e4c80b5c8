"""Filters and policies: ACLs, prefix lists, community and AS-path lists, route maps."""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network
from typing import Literal

from orchestrator.model.base import Node

Action = Literal["permit", "deny"]


@dataclass(frozen=True)
class AddrMatch:
    """An address with a wildcard (inverse) mask, as ACLs write them. ``any`` is None elsewhere.

    IPv6 entries carry a prefix length in ``wildcard`` as ``"/64"``.
    """

    address: str
    wildcard: str = "0.0.0.0"


@dataclass(frozen=True)
class PortMatch:
    """A layer-4 port condition: eq/neq/lt/gt one port, or an inclusive range."""

    op: Literal["eq", "neq", "lt", "gt", "range"]
    ports: tuple[int, ...]


@dataclass(kw_only=True)
class AclEntry(Node):
    seq: int | None = None
    action: Action | None = None  # None for a remark
    remark: str | None = None
    protocol: str | None = None  # "ip", "tcp", "udp", "icmp", "ospf", "gre", a number, ...
    source: AddrMatch | None = None  # None: any
    source_port: PortMatch | None = None
    destination: AddrMatch | None = None
    destination_port: PortMatch | None = None
    established: bool = False
    icmp_type: str | None = None  # name or "type[/code]"
    dscp: str | None = None
    precedence: str | None = None
    fragments: bool = False
    log: bool = False
    time_range: str | None = None

    def matches_everything(self) -> bool:
        """A rule every packet of its list's family matches (`permit ip any any`, `deny any`),
        with or without logging: nothing gets past it to the list's default action."""
        return (
            self.action is not None
            and self.protocol in (None, "ip")
            and self.source is None
            and self.destination is None
            and self.source_port is None
            and self.destination_port is None
            and not self.established
            and self.icmp_type is None
            and self.dscp is None
            and self.precedence is None
            and not self.fragments
            and self.time_range is None
        )


#: the fields of an `AclEntry` one rule line writes: what it matches and what it does (a remark
#: is a line of its own)
ACL_RULE_FIELDS: tuple[str, ...] = (
    "seq",
    "action",
    "protocol",
    "source",
    "source_port",
    "destination",
    "destination_port",
    "established",
    "icmp_type",
    "dscp",
    "precedence",
    "fragments",
    "log",
    "time_range",
)


@dataclass(kw_only=True)
class Acl(Node):
    name: str  # the number as text for numbered ACLs
    kind: Literal["standard", "extended", "ipv6", "mac"] = "extended"
    entries: list[AclEntry] = field(default_factory=list)
    description: str | None = None


@dataclass(kw_only=True)
class PrefixListEntry(Node):
    seq: int | None
    action: Action
    prefix: IPv4Network | IPv6Network
    ge: int | None = None
    le: int | None = None


@dataclass(kw_only=True)
class PrefixList(Node):
    name: str
    afi: Literal["ipv4", "ipv6"] = "ipv4"
    entries: list[PrefixListEntry] = field(default_factory=list)
    description: str | None = None


@dataclass(kw_only=True)
class CommunityListEntry(Node):
    action: Action
    communities: list[str] = field(default_factory=list)  # "65000:1", "no-export", ...
    regex: str | None = None  # expanded lists


@dataclass(kw_only=True)
class CommunityList(Node):
    name: str
    kind: Literal["standard", "expanded"] = "standard"
    entries: list[CommunityListEntry] = field(default_factory=list)

    @property
    def holds_route_targets(self) -> bool:
        """Every member is a route target (`target:A:B`): most targets keep such lists apart
        from community lists (extended community lists / filters)."""
        return (
            self.kind == "standard"
            and bool(self.entries)
            and all(c.startswith("target:") for e in self.entries for c in e.communities)
        )


@dataclass(kw_only=True)
class AsPathEntry(Node):
    action: Action
    regex: str


@dataclass(kw_only=True)
class AsPathList(Node):
    name: str
    entries: list[AsPathEntry] = field(default_factory=list)


MatchKind = Literal[
    "ip-address-acl",  # match ip address <acl>
    "ip-address-prefix-list",  # match ip address prefix-list <pl>
    "ipv6-address-prefix-list",
    "next-hop-prefix-list",
    "community",  # community list name(s)
    "as-path",  # as-path list name(s)
    "tag",
    "metric",
    "interface",
    "route-type",  # internal/external/local...
    "protocol",  # Junos `from protocol`: source protocol of the route
    "route-filter",  # Junos inline route-filter, held as prefix list entries below
]

SetKind = Literal[
    "local-preference",
    "metric",
    "metric-type",
    "weight",
    "tag",
    "origin",
    "next-hop",
    "as-path-prepend",
    "community",  # values; "additive" flag in `additive`
    "community-delete",  # community list name
    "extcommunity-rt",
    "ip-precedence",
]


@dataclass(kw_only=True)
class RouteMapMatch(Node):
    kind: MatchKind
    values: list[str] = field(default_factory=list)
    prefixes: list[PrefixListEntry] = field(default_factory=list)  # inline route filters


@dataclass(kw_only=True)
class RouteMapSet(Node):
    kind: SetKind
    values: list[str] = field(default_factory=list)
    additive: bool = False


@dataclass(kw_only=True)
class RouteMapEntry(Node):
    seq: int
    action: Action
    description: str | None = None
    matches: list[RouteMapMatch] = field(default_factory=list)
    sets: list[RouteMapSet] = field(default_factory=list)
    continue_to: int | None = None  # 0: continue to the next entry
    name: str | None = None  # Junos term name


@dataclass(kw_only=True)
class RouteMap(Node):
    name: str
    entries: list[RouteMapEntry] = field(default_factory=list)
