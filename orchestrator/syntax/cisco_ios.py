"""Cisco IOS and IOS-XE: `show running-config` text ↔ the model.

Statements are rule tables (regex → handler, or an ignore rule with its reason), one table per
configuration mode. Handlers fill the model and record which source line set which field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from ipaddress import ip_network
from typing import Any, ClassVar

from orchestrator import ports
from orchestrator.errors import ParseError
from orchestrator.model import (
    DeviceConfig,
    LocalUser,
    Secret,
    SecretKind,
    StaticRoute,
    Vlan,
    Vrf,
)
from orchestrator.syntax.base import SECRET_TOKEN, Platform, Rendered
from orchestrator.syntax.cisco_acl import ACL_TOP
from orchestrator.syntax.cisco_housekeeping import HOUSEKEEPING_TOP
from orchestrator.syntax.cisco_interface import (
    INTERFACE_RULES,
    p_interface,
)
from orchestrator.syntax.cisco_ipv6 import IPV6_TOP
from orchestrator.syntax.cisco_mgmt import MGMT_TOP
from orchestrator.syntax.cisco_policy import POLICY_TOP
from orchestrator.syntax.cisco_qos import QOS_TOP
from orchestrator.syntax.cisco_routing import BGP_RULES, OSPF_RULES, ROUTING_TOP
from orchestrator.syntax.cisco_security import SECURITY_TOP
from orchestrator.syntax.cisco_services import SERVICES_TOP
from orchestrator.syntax.cisco_system import SYSTEM_TOP, banner_body_numbers, collect_banners
from orchestrator.syntax.linereport import LineReport
from orchestrator.syntax.rules import (
    Ctx,
    Rule,
    add_route_targets,
    dispatch,
    flag_field,
    mask_to_prefixlen,
    network,
    rule,
    vlan_list,
)
from orchestrator.syntax.text import Line, split_lines

#: the banner lines of the text being parsed (one parse may run per thread)


class IosCtx(Ctx):
    """The parse context of IOS: a `{{secret:KEY}}` token (what renderers write) reads back as
    a reference, so a rendered config parses to the model it came from."""

    def secret(self, line: Line, kind: SecretKind, value: str) -> Secret:
        token = SECRET_TOKEN.fullmatch(value)
        if token is not None:
            return Secret("ref", token.group(1))
        return super().secret(line, kind, value)


# --- VLANs, VRFs, static routes -------------------------------------------------------------


def p_vlan(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ids = vlan_list(m.group(1))
    for vid in ids:
        vlan = ctx.config.vlans.get(vid) or Vlan(id=vid)
        ctx.config.vlans[vid] = vlan
        vlan.at(line.n)
        for child in line.children:
            if dispatch(ctx, child, VLAN_RULES, vlan):
                continue


def v_name(ctx: Ctx, line: Line, m: re.Match[str], vlan: Vlan) -> None:
    vlan.name = m.group(1)
    vlan.at(line.n, "name")


VLAN_RULES: list[Rule] = [
    rule(r"name (\S+)", v_name),
    rule(r"(no )?shutdown", flag_field("shutdown")),
    rule(r"state active", ignore="VLANs are active by default"),
]


def p_vrf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    vrf = ctx.config.vrfs.get(m.group(1)) or Vrf(name=m.group(1))
    ctx.config.vrfs[vrf.name] = vrf
    vrf.at(line.n)
    families = [c.words[1] for c in line.children if c.text.startswith("address-family ")]
    if families:
        # `vrf definition` with address families: IPv4 is on only where its family is
        vrf.ipv4 = "ipv4" in families
    for child in line.children:
        if child.text.startswith("address-family"):
            family = child.words[1]
            if family == "ipv6":
                vrf.ipv6 = True
                vrf.at(child.n, "ipv6")
            else:
                vrf.at(child.n, "ipv4")
            ctx.report.parsed(child)
            for grandchild in child.children:
                dispatch(ctx, grandchild, VRF_RULES, vrf)
            continue
        dispatch(ctx, child, VRF_RULES, vrf)


def f_rd(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    vrf.rd = m.group(1)
    vrf.at(line.n, "rd")


def f_rt(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    add_route_targets(vrf, line, m.group(1), m.group(2))


def f_description(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    vrf.description = m.group(1)
    vrf.at(line.n, "description")


def f_map(ctx: Ctx, line: Line, m: re.Match[str], vrf: Vrf) -> None:
    field = f"{m.group(1)}_map"
    setattr(vrf, field, m.group(2))
    vrf.at(line.n, field)


VRF_RULES: list[Rule] = [
    rule(r"rd (\S+)", f_rd),
    rule(r"(import|export) map (\S+)", f_map),
    rule(r"route-target (import|export|both) (\S+)", f_rt),
    rule(r"description (.*)", f_description),
    rule(r"exit-address-family", ignore="end of an address-family block"),
]


_ROUTE = re.compile(
    r"ip route (?:vrf (?P<vrf>\S+) )?(?P<net>\S+) (?P<mask>\S+)"
    r"(?: (?P<ifc>[A-Za-z][\w/.:-]*?))?(?: (?P<nh>\d+\.\d+\.\d+\.\d+))?(?: (?P<glob>global))?"
    r"(?: (?P<dist>\d+))?(?: tag (?P<tag>\d+))?(?: name (?P<name>\S+))?"
    r"(?: (?P<perm>permanent))?(?: track (?P<track>\d+))?"
)


def p_route(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    r = _ROUTE.fullmatch(line.text)
    if r is None or (r.group("ifc") is None and r.group("nh") is None):
        ctx.report.unsupported(line, "static route form not understood")
        return
    route = StaticRoute(
        prefix=network(f"{r.group('net')}/{mask_to_prefixlen(r.group('mask'))}"),
        next_hop=r.group("nh"),
        interface=ports.canonical_name(ctx.platform, r.group("ifc")) if r.group("ifc") else None,
        vrf=r.group("vrf"),
        distance=int(r.group("dist")) if r.group("dist") else None,
        tag=int(r.group("tag")) if r.group("tag") else None,
        name=r.group("name"),
        permanent=r.group("perm") is not None,
        track=int(r.group("track")) if r.group("track") else None,
        next_hop_vrf="global" if r.group("glob") else None,
    )
    route.at(line.n)
    ctx.config.static_routes.append(route)


def p_ipv6_route(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    """`ipv6 route [vrf V] P/L [interface] [next-hop] [distance] [tag T] [name N] ...`."""
    route = StaticRoute(prefix=ip_network(m.group(2), strict=False), vrf=m.group(1))
    words = m.group(3).split()
    while words:
        word = words.pop(0)
        if word in ("tag", "name", "track") and words:
            value = words.pop(0)
            setattr(route, word, value if word == "name" else int(value))
        elif word == "permanent":
            route.permanent = True
        elif ":" in word:
            route.next_hop = word
        elif word.isdigit():
            route.distance = int(word)
        elif route.interface is None and route.next_hop is None:
            route.interface = ports.canonical_name(ctx.platform, word)
        else:
            ctx.report.unsupported(line, f"IPv6 static route option {word!r} not translated")
            return
    route.at(line.n)
    ctx.config.static_routes.append(route)


def p_user(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    name, rest = m.group(1), m.group(2).split()
    user = ctx.config.system.users.get(name) or LocalUser(name=name)
    ctx.config.system.users[name] = user
    user.at(line.n)
    i = 0
    while i < len(rest):
        word = rest[i]
        if word == "privilege" and i + 1 < len(rest):
            user.privilege = int(rest[i + 1])
            user.at(line.n, "privilege")
            i += 2
        elif word in ("secret", "password"):
            tail = rest[i + 1 :]
            if len(tail) >= 2 and tail[0].isdigit():
                kind = _IOS_SECRET_KIND.get(tail[0], "plain")
                user.secret = ctx.secret(line, kind, tail[1])  # type: ignore[arg-type]
            elif tail:
                default = "cisco5" if word == "secret" else "plain"
                user.secret = ctx.secret(line, default, tail[0])  # type: ignore[arg-type]
            user.at(line.n, "secret")
            break
        elif word == "nopassword":
            i += 1
        elif word in ("view", "role") and i + 1 < len(rest):
            user.role = rest[i + 1]
            user.at(line.n, "role")
            i += 2
        else:
            ctx.report.unsupported(line, f"username option {word!r} is not translated")
            return


_IOS_SECRET_KIND = {
    "0": "plain",
    "5": "cisco5",
    "7": "cisco7",
    "8": "cisco8",
    "9": "cisco9",
    "4": "cisco5",
}


class CiscoIos(Platform):
    """Cisco IOS and IOS-XE."""

    name: ClassVar[str] = "cisco_ios"
    family: ClassVar[str] = "cisco"
    comment_prefixes: ClassVar[tuple[str, ...]] = ("!",)
    features: ClassVar[frozenset[str]] = frozenset({"hsrp", "cdp", "acl-port-list"})
    stp_modes: ClassVar[frozenset[str]] = frozenset({"pvst", "rapid-pvst", "mstp"})
    proxy_arp_default: ClassVar[bool | None] = True
    acl_filter_default: ClassVar[str | None] = "deny"
    acl_ipv6_implicit_permits: ClassVar[tuple[str, ...]] = ("nd-na", "nd-ns")
    #: IOS gives redistributed routes metric 20, except BGP routes (1)
    ospf_external_metrics: ClassVar[Mapping[str, int]] = {"default": 20, "bgp": 1}
    dns_lookup_default: ClassVar[bool | None] = True
    fingerprints: ClassVar[tuple[str, ...]] = (
        r"^interface (?:GigabitEthernet|FastEthernet|TenGigabitEthernet|Loopback|Vlan)\d",
        r"^ ip address \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+",
        r"^version 1[0-7]\.\d+$",
        r"^service (?:timestamps|password-encryption)",
        r"^line (?:vty|con) \d",
        r"^ip route \d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+",
        r"^router (?:ospf|bgp|eigrp) \d+$",
        r"^boot-start-marker$",
        r"^ no ip (?:redirects|unreachables|proxy-arp)$",
        r"^enable secret",
    )

    #: top-level statements; later entries of the same regex never win over earlier ones
    TOP: ClassVar[list[Rule]] = []
    renders: ClassVar[bool] = True

    def render(self, config: DeviceConfig) -> Rendered:
        """IOS text for ``config`` (see `cisco_ios_render`)."""
        from orchestrator.syntax.cisco_ios_render import render_config

        return render_config(config)

    def counted_lines(self, text: str) -> list[Line]:
        """As every platform counts, but the text of banners counts, `!` lines included."""
        every = split_lines(text)
        inside = banner_body_numbers(every)
        return [line for line in every if (line.text and line.n in inside) or self.is_counted(line)]

    def check_complete(self, lines: list[Line], *, path: str) -> None:
        texts = [line.text for line in lines]
        declared = next((t for t in texts[:5] if t.startswith("Current configuration :")), None)
        if declared and "end" not in texts[-3:]:
            raise ParseError(
                "the configuration is cut short: it starts with a `Current configuration` "
                f"header but never reaches `end` (last line {lines[-1].n}: {lines[-1].text!r})",
                path=path,
                line=lines[-1].n,
                hint="capture the whole `show running-config` again",
            )

    def parse_lines(self, lines: list[Line], config: DeviceConfig, report: LineReport) -> None:
        ctx = IosCtx(config, report, self.name)
        rest = collect_banners(ctx, lines)
        for line in rest:
            # an `interface` statement is always top level, even where a capture indents it
            if line.indent and line.text.startswith("interface "):
                line.indent = 0
        for line in self.tree(rest):
            if not dispatch(ctx, line, self.TOP):
                for child in line.descendants():
                    report.unsupported(child, f"inside an unsupported block (line {line.n})")
        self.finish(ctx)

    def finish(self, ctx: Ctx) -> None:
        """Fill what follows from the whole file (e.g. LAG interfaces named by members)."""
        aaa = ctx.config.system.aaa
        for group, members in aaa.groups.items():
            # the protocol is kept only where the members do not tell it (see the model)
            told = {s.protocol for s in aaa.servers if s.address in members or s.name in members}
            if aaa.group_protocols.get(group) in (told or {"tacacs"}):
                del aaa.group_protocols[group]
        servers = {(s.address, s.port, s.acct_port) for s in ctx.config.system.aaa.servers}
        for n, address, auth, acct in ctx.state.get("group_ports", []):
            if (address, auth, acct) not in servers and (address, None, None) not in servers:
                ctx.report.unsupported(
                    n,
                    f"no RADIUS server {address} with auth-port {auth} "
                    f"and acct-port {acct} is defined",
                )
        default_keys = ctx.state.get("default_keys", {})
        for server in ctx.config.system.aaa.servers:
            if server.key is None and server.protocol in default_keys:
                server.key, n = default_keys[server.protocol]
                server.at(n, "key")
        for ifc in list(ctx.config.interfaces.values()):
            if ifc.lag_group is not None:
                name = ports.canonical_name(ctx.platform, f"Port-channel{ifc.lag_group}")
                if name not in ctx.config.interfaces:
                    ctx.config.interface(name).kind = "lag"


CiscoIos.TOP = [
    rule(r"interface (\S+(?: \d\S*)?)(?: (point-to-point|multipoint))?", p_interface),
    rule(r"vlan (\d[\d,\-]*)", p_vlan),
    rule(r"(?:ip )?vrf(?: definition)? (\S+)", p_vrf),
    rule(r"ip route .+", p_route),
    rule(r"ipv6 route (?:vrf (\S+) )?(\S+) (.+)", p_ipv6_route),
    rule(r"username (\S+) (.+)", p_user),
    *ACL_TOP,
    *POLICY_TOP,
    *ROUTING_TOP,
    *IPV6_TOP,
    *SECURITY_TOP,
    *SERVICES_TOP,
    *QOS_TOP,
    *MGMT_TOP,
    *HOUSEKEEPING_TOP,
    *SYSTEM_TOP,
]

PLATFORM = CiscoIos()

__all__ = ["BGP_RULES", "INTERFACE_RULES", "OSPF_RULES", "PLATFORM", "CiscoIos"]
