"""ZTE ZXROS (ZXROS NG: ZXR10 59xx switches, M6000 routers, ZXCTN): config text ↔ the model.

ZXROS prints its running config in sections marked by comments (`!<if-intf>` … `!</if-intf>`)
and closes every configuration view with a `$` line. Statements are IOS-like with their own
spellings; this module holds the platform object and the file structure, the domain modules
hold the statements, each parsing and rendering its statements side by side so that the
spelling a renderer writes is the spelling its parser reads: `zte_zxros_system` (identity,
banners, SSH, spanning tree), `zte_zxros_lines` (management lines), `zte_zxros_mgmt` (NTP,
daylight saving time, syslog, SNMP), `zte_zxros_aaa` (TACACS+/RADIUS, AAA templates, users),
`zte_zxros_ifaces` (interfaces, sub-interfaces, ACL bindings), `zte_zxros_ifextra` (MAC, ICMP
errors, proxy ARP, LLDP), `zte_zxros_fhrp` (VRRP, DHCP relay), `zte_zxros_switching` (VLANs,
switch ports, smartgroups), `zte_zxros_routing` (VRFs, static routes), `zte_zxros_ospf`,
`zte_zxros_bgp`, `zte_zxros_acl`, `zte_zxros_policy` (prefix/community/AS-path lists, route
maps, DHCP pools), `zte_zxros_qos` (class maps, policy maps, service policies),
`zte_zxros_ipsec` / `zte_zxros_ipsec_parse` (IKE, IPsec, route-based tunnels), `zte_zxros_gre`.
`zte_zxros_prepare` (with `_prepare_login`, `_prepare_ipsec`) shapes the adapted model for ZXROS
before rendering (`render` writes exactly the model it is given); the shared `sweep` then reports
model fields no rule writes as unsupported, with a precise reason where one is known (`REASONS`:
inspection, VXLAN/EVPN, M-LAG, ...).

`$` is a separator: it carries no configuration, only ends a view, so it is not a source line
(like IOS `!`). The parser still uses it to close views, together with indentation. Lines that
the terminal wrapped at 80 columns (long encrypted passwords, `traffic-profile` lines on OLTs)
are joined to the line they continue.

Sources, per construct (every spelling below was seen in at least one of them):

- [REF] ZXROS NG command reference (Chinese, "ZXROSNG(config)#" examples), in the public code
  index: AAA templates (`aaa-authentication-template`, `aaa-authentication-type tacacs-local`,
  `authentication-tacacs-group`), `ipv4-access-list NAME` + `rule [ID] permit|deny ...` (ports
  `eq|ge|le|range A-B`, wildcard masks), `ipv4-access-group interface X ingress|egress ACL`,
  `ip as-path access-list`, `ip community-list [basic|advanced]`, `route-map NAME permit N` with
  `match ip address [prefix-list]`, `match community-list`, `match as-path`, `set local-preference`,
  `set metric`, `set community [additive]`, `set as-path prepend`, `set origin`, `set tag`,
  `continue`; OSPF `router ospf P [vrf V]`, `area A` + `network A W`, `interface X` views with
  `cost`, `network point-to-point`, `authentication message-digest`, `message-digest-key`,
  `passive-interface default|X [disable]`, `redistribute static|connected|ospf-int|bgp-ext
  [metric] [metric-type ext-1|ext-2] [route-map]`, `auto-cost reference-bandwidth`;
  BGP `network A M` (no `mask` keyword).
- [LACP] ZTE LACP example (a blog post in the index): `lacp` view, `interface smartgroupN`
  + `lacp mode 802.3ad`, member `interface gei-…` + `smartgroup N mode active` + `lacp timeout
  short`, and its `show running-config` output with `!<LACP>` and `$`.
- [SW] ZXR10 switch command notes and two config generators for M6000/8905E (Chinese):
  `switchvlan-configuration` view with `vlan N`/`name`, `interface X` + `switchport mode
  access|trunk|hybrid`, `switchport access vlan N`, `switchport trunk vlan LIST` (ZXROS lists
  trunk VLANs this way, not `allowed vlan`), `switchport trunk native vlan N`, `switchport hybrid
  vlan LIST tag|untag`; `ip vrf V` + `rd` + `address-family ipv4` + `route-target
  import|export`; `vrrp` view + `interface X` + `vrrp N ipv4 A` / `priority` / `preempt`.
- [CTN] A ZXCTN 6120H-S provisioning generator (Brazilian operator): `ip domain name`,
  `clock timezone BRZ -3`, `ntp server A priority N key K`, `ntp source interface X`,
  `ntp authentication-key N md5 clear K`, `ntp trusted-key`, `ntp authenticate`,
  `snmp-server community C view AllView ro ipv4-access-list A`, `snmp-server host A trap version
  2c C udp-port 162`, `snmp-server trap-source interface X`, `snmp-server enable trap`,
  `syslog-server host A`, `syslog-server source interface X`, `syslog level warnings`,
  `syslog-server facility F`, `tacacs enable`, `tacacs-server host A key K`, `tacacs-client
  source-interface X`, `tacplus group-server G` + `server A`, `system-user` + `user-name U` +
  `password P`, `line console|telnet idle-timeout MIN`, `line telnet server disable`, `ssh server
  version 2`, `ssh server access-class ipv4 ACL`, sub-interfaces `xgei-1/1/0/5.100` with
  `vlan-configuration` + `interface X.100` + `encapsulation-dot1q 100`, DHCP relay `ip dhcp relay
  server group N` + `server K A` and `dhcp` + `interface X` + `mode relay` + `relay server group
  N`, OSPF interfaces inside `area A` views, BGP `neighbor PG peer-group`, `bgp router-id`,
  `bgp graceful-restart`, `synchronization disable`, `maximum-paths N`, `police cir percentage N`.
- [OLT] /work/shared/corpus/zte/01-*.cfg (a C620 OLT, ZXAN): section markers, `$`, wrapped
  lines, `hostname`, `banner incoming #…#`, `ssh server enable`, `ntp enable`, `interface
  vlanN`, `ip route A M NH`, `snmp-server community encrypted …`, `system-user` blocks with
  `password encrypted *21*…`.
- Device output in /work/shared/device-output/zte_zxros and ntc-templates: interface names
  `xgei-1/1/0/1`, `xxvgei-1/1/0/24`, `cgei-1/1/0/33`, sub-interfaces `xgei-1/1/0/1.201`.
- [QOS] ZXROS NG QoS/CAR command reference (Chinese, in the public code index): `class-map N
  match-all|match-any`, `match ipv4 precedence|precedence|ipv4 dscp range|dscp range|out-8021p|
  out-vlan R` (R: up to four values or ranges), `match ipv4-access-list|ipv6-access-list A`,
  `policy-map N`, `class N|class-default`, `bandwidth percent`, `bandwidth-remaining percent`,
  `priority-llq`, `shape average|peak KBPS|percentage N`, `queue-limit 7|16|24|64|512|2000|8000`,
  `random-detect enable`, `set dscp|precedence|8021p V`, `police cir KBPS [pir KBPS]
  [conform-action A exceed-action A violate-action A]`, nested `service-policy N`, and the global
  binding `service-policy IFNAME input|output N`.
- [ARP] ZXROS NG ARP reference: `arp` view, `interface X` + `proxy` (proxy ARP, off by
  default); MAC addresses written dotted (`000a.010c.e2c6`).
- [LLDP] ZXROS NG LLDP reference: `lldp` view with `lldp enable|disable` and `interface X` +
  `lldp enable|disable` (both on by default).
- [IPSEC] ZXROS NG IPsec command reference (Chinese, "IPSec配置命令", in the public code index):
  `isakmp enable` (IKE is off by default), `isakmp global-keepalive I retry R`, `isakmp policy N`
  (1-10000; `group 1|2|5`, `lifetime 60-86400`, defaults 3des/sha1/pre-share/group1/86400 in
  `show isakmp policy`), `isakmp key-set K` + `pre-shared key ipv4-address A netmask M
  [vrf-name V]` + `key K|key encrypted K`, `isakmp profile P` (1-18 characters) + `policy N`,
  `key-set K`, `match identity ipv4-address A`, `keepalive I retry R`, `exchange-mode
  main|aggressive`, `initiator ikev1|ikev2`; `crypto ipsec transform-set T` (18 characters) +
  `algorithm esp-des` (example) + `encapsulation-mode transport|tunnel`; `crypto ipsec
  static-profile P` + `match acl A v4` (required), `set transform-set T..` (6 at most), `set pfs
  group1|group2|group5`, `set sa lifetime seconds|kilobytes N`, `set anti-replay window-size
  32-2048`; `ipsec-config` + `interface ipsec_tunnelN` + `tunnel mode ipv4`, `tunnel local
  ipv4-address A|interface X`, `tunnel remote ipv4-address A`, `ipsec-profile P`,
  `isakmp-profile P`, `df-bit outer clear|copy|set` (default clear); GDOI `rekey encryption`
  lists `3des, des, aes-128, aes-192, aes-256`, `prf` lists `md5, sha1, sha256, sha384, sha512`.
- [GRE] ZXROS NG GRE reference: `gre-config` + `interface gre_tunnelN` + `tunnel mode ip|ipv6`
  (first: changing it clears the rest), `tunnel source ipv4 A|interface X`, `tunnel destination
  ipv4|ipv6 A`.
- [LOGIN] ZXROS configs in the public code index (a C600 OLT `show running-config`, the [CTN]
  script): `system-user` + `authentication-template 1` + `bind aaa-authentication-template
  2001`, `authorization-template N` + `bind aaa-authorization-template 2001` +
  `local-privilege-level L`, users `bind authentication-template 1` / `bind
  authorization-template N`; `ssh server enable` in the `!<ssh>` section; `login block 900
  attempts 30 within 120` in the `!<system-user>` section.
- Consulted, not translated: the CGN (NAT) reference (`cgn` instances) and the OSPFv3 view name
  (`ipv6 router ospf N`).

Uncertain spellings (written as IOS-like guesses, parsed back identically; check on a device):
`banner motd` / `banner exec` (only `banner incoming` and `banner login` were seen; each IOS
banner keeps its own keyword), `enable secret`, `ip name-server`, `vrrp N timers advertise`, `vrrp N
authentication`, `vrrp N track interface X decrement D`, `lacp` static mode `smartgroup N mode
on`, `switch attribute enable`, `speed speed-1G`/`duplex`, `ip prefix-list NAME seq N`,
`spantree` view (`enable`, `mode`, `instance 0 priority`), `ntp server … vrf`,
`radius authentication-group G` + `server N A key K`, `authorization-template 1xx` +
`local-privilege-level` for user privileges, the DHCP server `ip pool` view, `set weight`-free
route maps, static route distance written as a bare number; and since round two:
`mac-address H.H.H` and `[no] ip|ipv6 redirects|unreachables` in the interface view,
`snmp-server group G v3 noauth|auth|priv` + `snmp-server user U G v3 [auth md5|sha K [priv
des|aes128 K]]`, `clock summer-time Z recurring|date … OFFSET`, `bgp dampening [H R S M]`,
`neighbor X fall-over bfd`; and since round three: the ISAKMP policy keywords `encryption`,
`hash`, `authentication` (the values are ZXROS's own words), the transform-set `algorithm`
words for AES and SHA (`esp-aes-128|192|256`, `esp-sha1-hmac`, `ah-sha1-hmac`; only
`esp-des`, `esp-3des` and `ah-md5-hmac` were seen) and several words on one `algorithm` line;
`login block S attempts N within W` (seen in the corpus OLT; S and W taken as seconds, as IOS).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from itertools import pairwise
from typing import ClassVar

from orchestrator import ports
from orchestrator.model import DeviceConfig, SecretKind
from orchestrator.syntax.base import Emitter, Parsed, Platform, Rendered
from orchestrator.syntax.linereport import LineReport
from orchestrator.syntax.rules import Ctx, Rule, dispatch
from orchestrator.syntax.sweep import sweep
from orchestrator.syntax.text import Line, split_lines
from orchestrator.syntax.zte_zxros_gre import GRE_TOP, render_gre
from orchestrator.syntax.zte_zxros_ifaces import IFACE_TOP, finish_interfaces, render_interfaces
from orchestrator.syntax.zte_zxros_ipsec import render_ipsec
from orchestrator.syntax.zte_zxros_ipsec_parse import IPSEC_TOP, finish_ipsec
from orchestrator.syntax.zte_zxros_policy import POLICY_TOP, render_policy
from orchestrator.syntax.zte_zxros_prepare import prepare
from orchestrator.syntax.zte_zxros_routing import ROUTING_TOP, render_routing
from orchestrator.syntax.zte_zxros_system import (
    SYSTEM_TOP,
    collect_banners,
    finish_system,
    render_system,
    render_system_tail,
)

#: The whole file, including `$` and comment lines, while one parse runs (views close on `$`).
_RAW: ContextVar[list[Line] | None] = ContextVar("zte_zxros_raw_lines", default=None)

#: A terminal wraps `show running-config` output at this column.
WRAP_COLUMN = 80


def _wrapped_continuations(raw: list[Line], counted: dict[int, Line]) -> dict[int, int]:
    """continuation line number → the line it continues (the previous line was cut at 80)."""
    out: dict[int, int] = {}
    for prev, line in pairwise(raw):
        if (
            line.n in counted
            and prev.n in counted
            and len(prev.raw.rstrip("\r")) == WRAP_COLUMN
            and line.indent == 0
            and not any(r.pattern.fullmatch(line.text) for r in ZteZxros.TOP)
        ):
            out[line.n] = out.get(prev.n, prev.n)
    return out


def build_views(raw: list[Line], counted: dict[int, Line]) -> list[Line]:
    """Nest counted lines into views by indentation; `$` closes a view, `!<…>` closes all.

    Returns the top-level lines; children hang off `Line.children`.
    """
    roots: list[Line] = []
    stack: list[Line] = []
    for item in raw:
        text = item.text
        if text.startswith("!<") or text.startswith("!</"):
            stack.clear()
            continue
        if text == "$":
            while len(stack) > 1 and stack[-1].indent > item.indent:
                stack.pop()
            if stack:
                stack.pop()
            continue
        line = counted.get(item.n)
        if line is None:
            continue
        line.children = []
        while stack and stack[-1].indent >= line.indent:
            stack.pop()
        if stack:
            line.parent = stack[-1]
            stack[-1].children.append(line)
        else:
            line.parent = None
            roots.append(line)
        stack.append(line)
    return roots


def _follow(report: LineReport, n: int, head: int, piece: str) -> None:
    """A wrapped piece shares the outcome of its line, and its secrecy."""
    entry = report.lines[head]
    reason = f"continues line {head} (wrapped at 80 columns)"
    if entry.outcome == "ignored":
        report.ignored(n, reason)
    elif entry.outcome == "unsupported":
        report.unsupported(n, reason)
    else:
        report.parsed(n)
    # a secret read from the joined line is redacted in every piece of it
    for value in getattr(report, "_redact", {}).get(head, set()).copy():
        if piece in value:
            report.redact(n, piece)
            head_text = entry.text
            for cut in range(len(head_text)):
                if value.startswith(head_text[cut:]) and head_text[cut:].strip():
                    report.redact(head, head_text[cut:])
                    break


_INSPECT = (
    "stateful inspection (IOS CBAC): no inspection firewall is documented in the ZXROS NG "
    "command reference available to cutover; return traffic must be allowed by ACLs"
)
_FIREWALL = (
    "stateful firewall (security zones, policies, screens): no zone firewall is documented in "
    "the ZXROS NG command reference available to cutover"
)
_OVERLAY = "VXLAN/EVPN: no ZXROS NG spelling is available to cutover; build the overlay by hand"
_OSPFV3 = (
    "OSPFv3: ZXROS runs it in `ipv6 router ospf N` (OSPF reference); its area and interface "
    "statements are not in the sources available to cutover, so it is not translated"
)
_MLAG = "multi-chassis LAG (vPC): no ZXROS NG spelling is available to cutover; not translated"

#: "Class.field" (or "Class": all its fields) → why ZXROS gets nothing for it; the sweep gives
#: every other field no rule writes a generic reason
REASONS: dict[str, str] = {
    "Security": _FIREWALL,
    "Security.inspect": _INSPECT,
    "Security.inspect_policies": _INSPECT,
    "Interface.inspect_in": _INSPECT,
    "Interface.inspect_out": _INSPECT,
    "Security.ips_rules": "IOS IPS signature rules: ZXROS routers have no IPS engine",
    "DeviceConfig.nve": _OVERLAY,
    "DeviceConfig.evpn_vnis": _OVERLAY,
    "Vlan.vni": _OVERLAY,
    "Vrf.vni": _OVERLAY,
    "Vrf.evpn_import_targets": _OVERLAY,
    "Vrf.evpn_export_targets": _OVERLAY,
    "BgpAddressFamily.advertise_evpn": _OVERLAY,
    "Interface.anycast_gateway": _OVERLAY,
    "DeviceConfig.mlag": _MLAG,
    "Interface.mlag_id": _MLAG,
    "Services.ip_slas": "IP SLA probes: no ZXROS NG spelling is available to cutover",
    "DeviceConfig.ospfv3": _OSPFV3,
    "Interface.ospfv3": _OSPFV3,
    "Interface.ipv6_nd": (
        "IPv6 router advertisement settings: no ZXROS NG spelling is available to cutover"
    ),
    "Interface.tcp_mss": "TCP MSS clamping: no ZXROS NG spelling is available to cutover",
    "Interface.ipv6_tcp_mss": "TCP MSS clamping: no ZXROS NG spelling is available to cutover",
    "System.config_archive": (
        "configuration archive to a server: no ZXROS NG spelling is available to cutover"
    ),
}


class ZteZxros(Platform):
    """ZTE ZXROS NG (ZXR10 routers and switches)."""

    name: ClassVar[str] = "zte_zxros"
    family: ClassVar[str] = "zte"
    comment_prefixes: ClassVar[tuple[str, ...]] = ("!",)
    #: `$` ends a view (like IOS `exit`/`!`): structure only, never a source line.
    separators: ClassVar[frozenset[str]] = frozenset({"!", "$"})
    native_secret_kinds: ClassVar[frozenset[SecretKind]] = frozenset({"zte_encrypted", "plain"})
    #: ZXROS has neither HSRP nor CDP: `adapt` turns them into VRRP and LLDP.
    features: ClassVar[frozenset[str]] = frozenset()
    stp_modes: ClassVar[frozenset[str]] = frozenset({"stp", "rstp", "mstp"})
    #: [REF] `auto-cost reference-bandwidth`: "缺省为100Mbps" (default 100 Mbit/s).
    ospf_reference_bandwidth: ClassVar[int] = 100
    renders: ClassVar[bool] = True
    fingerprints: ClassVar[tuple[str, ...]] = (
        r"^!<[\w -]+>$",
        r"^\s*\$$",
        r"^interface (?:gei|xgei|xxvgei|cgei|fei)-\d+/\d+",
        r"^interface smartgroup\d+",
        r"^\s*smartgroup \d+ mode",
        r"^ipv4-access-list \S+",
        r"^\s*rule \d+ (?:permit|deny) ",
        r"^switchvlan-configuration$",
        r"^ipv4-access-group interface ",
        r"^ip vrf \S+$",
    )

    TOP: ClassVar[list[Rule]] = []

    def parse(self, text: str, *, path: str = "<input>") -> Parsed:
        token = _RAW.set(split_lines(text))
        try:
            return super().parse(text, path=path)
        finally:
            _RAW.reset(token)

    def parse_lines(self, lines: list[Line], config: DeviceConfig, report: LineReport) -> None:
        ctx = Ctx(config, report, self.name)
        raw = _RAW.get() or lines
        counted = {line.n: line for line in lines}
        banner_lines = collect_banners(ctx, raw, counted)
        for n in banner_lines:
            counted.pop(n, None)
        continuations = _wrapped_continuations(raw, counted)
        pieces: dict[int, str] = {}
        for n, head in continuations.items():
            pieces[n] = counted.pop(n).text
            counted[head].text += pieces[n]
        logical = [
            item for item in raw if item.n not in banner_lines and item.n not in continuations
        ]
        for line in build_views(logical, counted):
            if not dispatch(ctx, line, self.TOP):
                for child in line.descendants():
                    report.unsupported(child, f"inside an unsupported block (line {line.n})")
        for n, head in continuations.items():
            _follow(report, n, head, pieces[n])
        finish_interfaces(ctx)
        finish_ipsec(ctx)
        finish_system(ctx)

    def prepare(self, config: DeviceConfig, notes: Emitter) -> None:
        prepare(config, notes)

    def render(self, config: DeviceConfig) -> Rendered:
        out = Emitter(self.name)
        render_system(out, config)
        render_routing(out, config, part="vrf")
        render_interfaces(out, config)
        render_policy(out, config)
        render_gre(out, config)
        render_ipsec(out, config)
        render_routing(out, config, part="protocols")
        render_system_tail(out, config)
        sweep(out, config, REASONS)
        return out.result


ZteZxros.TOP = [*IFACE_TOP, *ROUTING_TOP, *POLICY_TOP, *SYSTEM_TOP, *IPSEC_TOP, *GRE_TOP]

PLATFORM = ZteZxros()


def interface_name(name: str) -> str:
    """The ZXROS spelling of an interface name (`GEI-1/1/0/1` → `gei-1/1/0/1`)."""
    return ports.canonical_name(ZteZxros.name, name)


__all__ = ["PLATFORM", "ZteZxros", "build_views", "interface_name", "re"]
