"""What the Junos handlers share: the facts of the whole file, read before any statement is mapped.

Junos names things once and refers to them everywhere else (a VLAN by name, an SVI as
``irb.100`` bound to a VLAN elsewhere, an address owned by ``lo0.0``), and `display set` output
may list a reference before its definition. The `Index` collects those facts from every active
statement first, so each handler can resolve a reference whatever the order of the file.

Interface naming (the model holds names a target's port map can read):

* ``ge-0/0/1 unit 0`` on a port without ``vlan-tagging`` is the port itself, ``ge-0/0/1``;
  any other unit is the sub-interface ``ge-0/0/1.<unit>`` (its ``vlan-id`` is the dot1q tag);
* ``irb.<unit>`` / ``vlan.<unit>`` become the SVI ``irb<vlan-id>`` / ``vlan<vlan-id>``, the VLAN
  id found through ``vlans <name> l3-interface`` (MX: ``bridge-domains <name>
  routing-interface``); a unit no VLAN binds carries no traffic and is not translated;
* ``lo0.0`` is the loopback ``lo0``; ``lo0.<n>`` becomes ``lo<n>`` (one loopback per unit);
* ``st0.<n>`` (an SRX secure tunnel bound to a route-based IPsec VPN) becomes the tunnel
  interface ``st<n>``;
* management ports (``fxp0``, ``em0``, ``me0``) unit 0 are the port itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from ipaddress import ip_interface
from typing import Any

from orchestrator import ports
from orchestrator.model import Interface, Node, SecretKind
from orchestrator.syntax.juniper_junos_text import Stmt, unquote, values
from orchestrator.syntax.rules import Ctx, Rule, dispatch
from orchestrator.syntax.text import Line

#: Interface types whose units cannot be carried, with the reason (matched on the name).
IFD_UNSUPPORTED: tuple[tuple[str, str], ...] = (
    (r"st[1-9]\d*", "secure-tunnel interfaces other than st0 are not translated"),
    (r"gr-.*", "GRE tunnel interfaces (gr-) are not translated"),
    (r"(ip|lt|vt|ud|mt|pd|pe|ps|si|sp|ms|rlsq|rms)-.*", "service/tunnel PIC interfaces"),
    (r"(fab|swfab)\d+", "SRX chassis-cluster fabric links have no meaning on the targets"),
    (r"reth\d+", "SRX chassis-cluster redundant Ethernet is not translated"),
    (r"(vtep|esi|dsc|pip\d*|cbp\d*|lsi|tap|gre|ipip|pime|pimd|mtun)", "internal interface"),
)
SVI_IFDS = frozenset({"irb", "vlan"})
#: Hierarchies that define VLANs: EX/QFX `vlans`, MX `bridge-domains`.
L2_DOMAINS = frozenset({"vlans", "bridge-domains"})


@dataclass
class Index:
    """Facts read from every active statement before mapping."""

    vlan_ids: dict[str, int] = field(default_factory=dict)  # vlan name -> id
    l3_vlan: dict[str, int] = field(default_factory=dict)  # "irb.100" -> vlan id
    tagged: set[str] = field(default_factory=set)  # ports with vlan-tagging
    #: VLAN tag bytes a tagged port's `mtu` counts on top of the 14-byte Ethernet header:
    #: 4 with vlan-tagging, 8 with flexible- or stacked-vlan-tagging (two tags)
    tag_bytes: dict[str, int] = field(default_factory=dict)
    unit_vlan: dict[tuple[str, str], int] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)  # "10.0.0.1" -> "lo0.0"
    communities: dict[str, list[str]] = field(default_factory=dict)
    prefix_lists: dict[str, list[str]] = field(default_factory=dict)
    policies: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # name -> paths
    asn: str | None = None
    asn_lines: list[int] = field(default_factory=list)
    switching: set[str] = field(default_factory=set)  # ports with family ethernet-switching
    storm_profiles_used: set[str] = field(default_factory=set)
    fib_policies: set[str] = field(default_factory=set)  # forwarding-table export policies
    instance_types: dict[str, str] = field(default_factory=dict)  # routing instance -> type
    #: policy name -> where it is used: "bgp-import", "bgp-export", "ospf-export", "vrf", ...
    policy_uses: dict[str, set[str]] = field(default_factory=dict)

    def unit_name(self, ifd: str, unit: str) -> str:
        """The model's name for unit ``unit`` of ``ifd`` (see the module docstring)."""
        if ifd in SVI_IFDS:
            vid = self.l3_vlan.get(f"{ifd}.{unit}")
            return f"{ifd}{vid if vid is not None else unit}"
        if ifd == "lo0":
            return "lo0" if unit == "0" else f"lo{unit}"
        if ifd == "st0":
            return f"st{unit}"  # one tunnel interface per secure-tunnel unit
        if ifd in self.tagged or (ifd, unit) in self.unit_vlan or unit != "0":
            return f"{ifd}.{unit}"
        return ifd

    def ifname(self, ref: str) -> str:
        """A reference such as ``ge-0/0/3.0``, ``irb.100``, ``lo0.0`` or ``ge-0/0/3``."""
        ifd, dot, unit = ref.partition(".")
        return self.unit_name(ifd, unit) if dot else ifd

    def address_owner(self, address: str) -> str | None:
        """The interface (model name) that owns ``address``, if the file says."""
        ref = self.owners.get(address)
        return self.ifname(ref) if ref else None


def ifd_unsupported(ifd: str) -> str | None:
    for pattern, reason in IFD_UNSUPPORTED:
        if re.fullmatch(pattern, ifd):
            return reason
    if ifd not in SVI_IFDS and ports.parse_name("juniper_junos", ifd) is None:
        return f"interface type of {ifd} is not known to cutover"
    return None


def build_index(statements: list[Stmt]) -> Index:
    idx = Index()
    for stmt in statements:
        if stmt.inactive is not None or stmt.deleted is not None:
            continue
        w = stmt.words
        n = len(w)
        if w[0] in L2_DOMAINS and n >= 4 and w[2] == "vlan-id" and w[3].isdigit():
            idx.vlan_ids[unquote(w[1])] = int(w[3])
        elif w[0] == "interfaces" and n >= 3:
            if w[2] in ("vlan-tagging", "flexible-vlan-tagging", "stacked-vlan-tagging"):
                idx.tagged.add(w[1])
                idx.tag_bytes[w[1]] = 4 if w[2] == "vlan-tagging" else 8
            if n >= 6 and w[2] == "unit" and w[4] == "vlan-id" and w[5].isdigit():
                idx.unit_vlan[(w[1], w[3])] = int(w[5])
            if n >= 8 and w[2] == "unit" and w[4:7] == ("family", "inet", "address"):
                address = w[7].split("/")[0]
                idx.owners.setdefault(address, f"{w[1]}.{w[3]}")
            if "storm-control" in w and w[-2] == "storm-control":
                idx.storm_profiles_used.add(w[-1])
            if (
                n >= 6
                and w[2] == "unit"
                and w[4:6]
                in (
                    ("family", "ethernet-switching"),
                    ("family", "bridge"),
                )
            ):
                idx.switching.add(w[1])
        elif w[0] == "policy-options" and n >= 3:
            if w[1] == "community" and n >= 4 and w[3] == "members":
                idx.communities.setdefault(unquote(w[2]), []).extend(values(w[4:]))
            elif w[1] == "prefix-list" and n >= 4:
                idx.prefix_lists.setdefault(unquote(w[2]), []).append(w[3])
            elif w[1] == "prefix-list":
                idx.prefix_lists.setdefault(unquote(w[2]), [])
            elif w[1] == "policy-statement":
                idx.policies.setdefault(unquote(w[2]), []).append(w[3:])
        elif w[:2] == ("routing-options", "autonomous-system") and n >= 3:
            idx.asn = w[2]
            idx.asn_lines.append(stmt.line.n)
        elif w[0] == "routing-instances" and n >= 4 and w[2] == "instance-type":
            idx.instance_types[unquote(w[1])] = w[3]
        elif w[:3] == ("routing-options", "forwarding-table", "export"):
            idx.fib_policies.update(values(w[3:]))
    for stmt in statements:
        if stmt.inactive is None and stmt.deleted is None:
            _policy_use(idx, stmt.words)
        w = stmt.words
        if (
            stmt.inactive is None
            and w[0] in L2_DOMAINS
            and len(w) >= 4
            and w[2] in ("l3-interface", "routing-interface")
        ):
            vid = idx.vlan_ids.get(unquote(w[1]))
            if vid is not None:
                idx.l3_vlan[w[3]] = vid
    if idx.asn is None:
        for stmt in statements:
            w = stmt.words
            if stmt.inactive is None and w[:3] == ("protocols", "bgp", "local-as") and len(w) > 3:
                idx.asn = w[3]
                idx.asn_lines.append(stmt.line.n)
    return idx


_USE_WORDS = ("import", "export", "vrf-import", "vrf-export")


def _policy_use(idx: Index, w: tuple[str, ...]) -> None:
    if w[0] in ("policy-options", "firewall", "groups"):
        return
    for i, word in enumerate(w[1:], start=1):
        if word not in _USE_WORDS:
            continue
        before = w[:i]
        if "bgp" in before and word in ("import", "export"):
            use = f"bgp-{word}"
        elif ("ospf" in before or "ospf3" in before) and word == "export":
            use = "ospf-export"
        elif before[-2:] == ("routing-options", "forwarding-table"):
            use = "fib"
        elif word.startswith("vrf-"):
            use = word
        else:
            use = "other"
        for name in values(w[i + 1 :]):
            idx.policy_uses.setdefault(name, set()).add(use)
        return


# --- per-file state and helpers for the handlers -------------------------------------------


@dataclass
class Junos:
    """Scratch state of one parse, kept in ``ctx.state["junos"]``."""

    index: Index
    claimed: set[int] = field(default_factory=set)
    #: per-kind collections that only make sense once the whole file is read
    later: dict[str, Any] = field(default_factory=dict)

    def bucket(self, name: str) -> Any:
        return self.later.setdefault(name, {})


def junos(ctx: Ctx) -> Junos:
    state = ctx.state["junos"]
    assert isinstance(state, Junos)
    return state


def claim(ctx: Ctx, stmt: Stmt, depth: int, node: Node, *fields: str) -> None:
    """The brace line that opened ``depth`` words of ``stmt`` is the header of ``node``."""
    line = stmt.opener(depth)
    if line is None:
        return
    node.at(line.n, *fields)
    ctx.report.parsed(line)
    junos(ctx).claimed.add(line.n)


def as_line(stmt: Stmt, text: str) -> Line:
    """A line object for rule tables: the statement's line number with ``text`` to match."""
    return Line(n=stmt.line.n, raw=stmt.line.raw, text=text, indent=0)


def sub(ctx: Ctx, stmt: Stmt, text: str, table: list[Rule], scope: Any, where: str) -> None:
    """Dispatch the rest of a statement in a nested table; unknown rest is unsupported."""
    line = as_line(stmt, text)
    if not dispatch(ctx, line, table, scope):
        ctx.report.unsupported(line, f"`{text}` under {where} is not translated")


def interface(ctx: Ctx, name: str) -> Interface:
    """The model interface ``name`` (a model name from `Index.unit_name`), kind set."""
    ifc = ctx.config.interface(name)
    ifc.kind = ports.interface_kind("juniper_junos", name)
    return ifc


def secret_kind(value: str) -> SecretKind:
    """How a Junos secret is held: `$9$` obfuscation, a crypt hash, or clear text.

    >>> secret_kind("$9$abc"), secret_kind("$6$salt$hash"), secret_kind("hunter2")
    ('junos9', 'unix_hash', 'plain')
    """
    if value.startswith("$9$"):
        return "junos9"
    return "unix_hash" if re.match(r"\$\d\$", value) else "plain"


def prefix(text: str) -> Any:
    """An address with its length as an interface object (``10.0.0.1/24``)."""
    return ip_interface(unquote(text))


def source_interface(ctx: Ctx, line: Line, address: str) -> str | None:
    """The interface owning a source address the file names; unsupported when none does."""
    owner = junos(ctx).index.address_owner(address)
    if owner is None:
        ctx.report.unsupported(line, f"no interface of this file owns source address {address}")
    return owner


def claim_line(ctx: Ctx, n: int, node: Node, *fields: str) -> None:
    """Like `claim`, for an opener line remembered earlier (settled once the file is read)."""
    node.at(n, *fields)
    ctx.report.parsed(n)
    junos(ctx).claimed.add(n)
