"""Huawei VRP5 (S-series switches, AR routers): `display current-configuration` text ↔ the model.

The parser reads VRP5 and VRP8 spellings alike (a config is read the same whichever release
wrote it); the renderer writes VRP5. `huawei_vrpv8` subclasses this platform and changes only
what differs on CloudEngine/NE40E: interface names, `ipv4-family` in VPN instances, and the
spellings held in the class attributes below (the renderers ask the platform object).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from orchestrator.model import DeviceConfig, SecretKind
from orchestrator.syntax.base import Emitter, Parsed, Platform, Rendered
from orchestrator.syntax.huawei_common import CONTINUES, Shaper
from orchestrator.syntax.huawei_parse_aaa import finish_aaa, p_local_user_block
from orchestrator.syntax.huawei_parse_bgp import BGP_TOP
from orchestrator.syntax.huawei_parse_finish import finish_interfaces
from orchestrator.syntax.huawei_parse_firewall import (
    finish_firewall,
    p_aging,
    p_default,
    p_defend,
    p_interzone,
    p_zone,
)
from orchestrator.syntax.huawei_parse_interfaces import p_interface
from orchestrator.syntax.huawei_parse_ipsec import IPSEC_TOP
from orchestrator.syntax.huawei_parse_overlay import (
    finish_overlay,
    p_bridge_domain,
    p_dfs_group,
    p_evpn_overlay,
    p_nve,
)
from orchestrator.syntax.huawei_parse_policy import POLICY_TOP
from orchestrator.syntax.huawei_parse_routing import ROUTING_TOP, finish_vrfs
from orchestrator.syntax.huawei_parse_services import finish_behaviors
from orchestrator.syntax.huawei_parse_system import SYSTEM_TOP
from orchestrator.syntax.linereport import LineReport
from orchestrator.syntax.rules import Ctx, Rule, dispatch, rule
from orchestrator.syntax.text import Line, split_lines
from orchestrator.syntax.vrp_family import build_tree

_HEADER = re.compile(r"header (login|shell|motd) information (.)(.*)$")
#: VRP header kinds → the model's banner keys (`header login` shows before the login prompt)
HEADER_KINDS = {"login": "login", "shell": "exec", "motd": "motd"}

_IGNORE_TOP: list[Rule] = [
    rule(r"return", ignore="end of the VRP configuration"),
    rule(r"\[V\d+R\d+C\d+\S*\]", ignore="software release marker of the export"),
    rule(r"!.*", ignore="comment written by the export (software version, save time)"),
    rule(
        r"(?:cluster enable|ntdp enable|ntdp hop \d+|ndp enable|undo nap slave enable)",
        ignore="Huawei cluster management (NDP/NTDP/NAP) has no meaning elsewhere",
    ),
    rule(r"diffserv domain default", ignore="the default DiffServ domain exists on every box"),
    rule(r"drop-profile default", ignore="the default drop profile exists on every box"),
    rule(r"bfd", ignore="BFD is enabled where sessions are configured", tree=True),
    rule(
        r"ssh (?:user \S+ (?:authentication-type password|service-type \S+)|user \S+|"
        r"authentication-type default password)",
        ignore="SSH password login follows from the local users and management lines",
    ),
    rule(r"undo ssh server compatible-ssh1x enable", ignore="SSHv1 is off by default"),
    rule(r"set cpu-usage threshold .+", ignore="CPU alarm threshold is a monitoring setting"),
    rule(r"qos map-table .+", ignore="an empty default QoS mapping table", tree=True),
    rule(r"(?:ftp|FTP) server enable", unsupported="the FTP server is not translated"),
    rule(r"voice-vlan mac-address .+", unsupported="voice VLAN OUI tables are not translated"),
    rule(r"drop illegal-mac alarm", unsupported="illegal-MAC alarms are not translated"),
    rule(r"time-range .+", unsupported="time ranges are not translated", tree=True),
    rule(r"gvrp", unsupported="GVRP is not translated"),
    rule(
        r"stp (?:region-configuration|instance \d+ root .+|enable|disable)",
        unsupported="MSTP regions and root roles are not translated",
        tree=True,
    ),
    rule(
        r"(?:isis|rip|ripng|mpls|mpls ldp|mpls lsr-id|explicit-path|te-class-mapping|"
        r"tunnel-policy|l2tp-group|evpn|bridge-domain|ip dcn|remote-backup-\S+|license|soc|"
        r"user-group|ipv4-family)(?: .*)?",
        unsupported="MPLS, EVPN, IS-IS, RIP and carrier features are not translated",
        tree=True,
    ),
    rule(
        r"(?:ike|ipsec|firewall|security-policy|nat-policy|auth-policy|traffic-policy|"
        r"policy-based-route|quota-policy|pcp-policy|dns-transparent-policy|rightm-policy|"
        r"user-manage|web-manager|page-setting|password-policy|hrp|update|l2tp|banner|"
        r"undo privacy-statement|decoding|undo ips|sa|location|pki|multi-linkif|"
        r"right-manager|device-classification|ip address-set|nat server|nat address-group|"
        r"portal|wlan|detect-group|detect-list|ip rpf-longest-match|radius scheme|domain|"
        r"qos policy|ssh (?:server|client) (?:cipher|hmac) .+|undo telnet ipv6 server enable)"
        r"(?: .*)?",
        unsupported="firewall, VPN, portal and WLAN features are not translated",
        tree=True,
    ),
]


#: what every VRP release writes and Comware (Vlan-interface, Bridge-Aggregation, `port access
#: vlan`, `address-family`) and Cisco do not
VRP_COMMON: tuple[str, ...] = (
    r"^ ?sysname \S+",
    r"^interface (?:Vlanif|Eth-Trunk|Vbdif)\d+",
    r"^ port (?:default vlan|trunk allow-pass vlan|trunk pvid vlan|hybrid (?:pvid|tagged|"
    r"untagged) vlan) ",
    r"^ eth-trunk \d+$",
    r"^ ?stelnet server enable",
    r"^aaa$",
    r"^ local-user \S+ (?:password|privilege|service-type|level) ",
    r"^ ?traffic-filter (?:inbound|outbound) ",
    r"^ dhcp relay server-ip ",
    r"^ ?ip ip-prefix ",
    r"^ ?header (?:login|shell) information ",
    r"^ ?dns resolve$",
    r"^ ipv4-family (?:unicast|vpnv4|vpn-instance \S+)$",
    r"^ ?(?:undo )?http (?:secure-)?server enable",
    r"^!Software Version V\d+R\d+",
    r"^\[V\d+R\d+C\d+",
    r"^ ?firewall zone \S+",
    r"^ stp edged-port (?:enable|disable)$",
    r"^ ?ip route-static ",
    r"^user-interface (?:con|vty) \d",
    r"^ rule \d+ (?:permit|deny)",
    r"^acl (?:number \d+|name \S+)",
)
#: VRP5 (S-series, AR) only
VRP5_ONLY: tuple[str, ...] = (
    r"^interface (?:GigabitEthernet|XGigabitEthernet|Ethernet)\d+/0/\d+$",
    r"^ port link-type (?:access|trunk|hybrid)$",
    r"^ ?(?:ntdp|ndp|cluster) enable",
    r"^ mode lacp$",
    r"^ ?snmp-agent sys-info version ",
    r"^ ?(?:undo )?icmp (?:redirect|host-unreachable) send",
    r"^ arp-proxy enable",
    r"^ ?ntp-service unicast-server ",
)
#: VRP8 (CloudEngine, NE40E) only
VRP8_ONLY: tuple[str, ...] = (
    r"^interface (?:GE|10GE|25GE|40GE|100GE|400GE)\d+/\d+/\d+",
    r"^interface (?:GigabitEthernet|Ethernet)\d+/[1-9]\d*/\d+",
    r"^ ipv4-family$",
    r"^\[~\S+\]",
    r"^ mode lacp-static$",
    r"^ undo shutdown$",
    r"^ vlan-type dot1q \d+",
    r"^radius-server group \S+",
    r"^ip pool \S+ bas ",
    r"^ ?dcn$",
    r"^ apply-label per-instance",
    r"^ ?ntp unicast-server ",
)


class HuaweiVrp(Platform):
    """Huawei VRP5: S-series switches and AR routers."""

    name: ClassVar[str] = "huawei_vrp"
    family: ClassVar[str] = "vrp"
    comment_prefixes: ClassVar[tuple[str, ...]] = ("#",)
    separators: ClassVar[frozenset[str]] = frozenset({"#"})
    native_secret_kinds: ClassVar[frozenset[SecretKind]] = frozenset(
        {"huawei_cipher", "huawei_hash", "plain"}
    )
    features: ClassVar[frozenset[str]] = frozenset({"vrrp", "lldp"})
    stp_modes: ClassVar[frozenset[str]] = frozenset({"stp", "rstp", "mstp"})
    ospf_reference_bandwidth: ClassVar[int] = 100
    proxy_arp_default: ClassVar[bool | None] = False
    dns_lookup_default: ClassVar[bool | None] = False
    ospf_external_metrics: ClassVar[Mapping[str, int]] = {"default": 1}
    #: a traffic filter forwards what no rule of its ACL matches
    acl_filter_default: ClassVar[str | None] = "permit"
    renders: ClassVar[bool] = True
    fingerprints: ClassVar[tuple[str, ...]] = VRP_COMMON + VRP5_ONLY

    # --- dialect: what the renderers write (VRP8 overrides) --------------------------------

    #: VPN instance settings go in an `ipv4-family` view
    vpn_ipv4_family: ClassVar[bool] = False
    #: how an Eth-Trunk runs LACP
    lacp_mode: ClassVar[str] = "mode lacp"
    #: `vrrp vrid N <word> timer delay D` / `<word> disable`
    vrrp_preempt: ClassVar[str] = "preempt-mode"
    #: `vrrp vrid N track interface IF <word> D`
    vrrp_reduce: ClassVar[str] = "reduced"
    #: `traffic classifier C <word> and|or`
    classifier_operator: ClassVar[str] = "operator"
    #: ACLs attach to interfaces with `traffic-filter` (else through a traffic policy)
    traffic_filter: ClassVar[bool] = True
    #: NTP commands start with this word
    ntp_word: ClassVar[str] = "ntp-service"
    #: a VLAN-aware STP mode exists (`stp mode vbst`, CloudEngine)
    vbst: ClassVar[bool] = False
    #: the platform has voice VLANs, NAT and DHCP pools (switch/router features of VRP5)
    voice_vlan: ClassVar[bool] = True
    nat: ClassVar[bool] = True
    #: AR routers filter between firewall zones (zones, interzone packet filters, ASPF)
    firewall: ClassVar[bool] = True
    #: ports with addresses need `undo portswitch` (CloudEngine ports start as Layer 2)
    routed_needs_undo_portswitch: ClassVar[bool] = False

    # --- reading ---------------------------------------------------------------------------

    def parse(self, text: str, *, path: str = "<input>") -> Parsed:
        """Parse a configuration; `header` texts span lines that are not statements."""
        headers, rest, counted = self._split(text)
        report = LineReport(self.name, self._with_headers(headers, counted))
        config = DeviceConfig()
        self.check_complete(counted, path=path)
        with self.crash_guard(path):
            ctx = Ctx(config, report, self.name)
            for kind, block, body in headers:
                key = HEADER_KINDS[kind]
                config.system.banners[key] = body
                for member in block:
                    report.parsed(member)
                    config.system.at(member.n, "banners")
            self._parse_tree(ctx, rest, {line.n for line in counted})

        return Parsed(config=config, report=report, platform=self.name)

    def counted_lines(self, text: str) -> list[Line]:
        """Statements and every line of a `header` text (which may look like a comment)."""
        headers, _, counted = self._split(text)
        return self._with_headers(headers, counted)

    def _split(self, text: str) -> tuple[list[tuple[str, list[Line], str]], list[Line], list[Line]]:
        """(header blocks, the other lines, the counted ones among those)."""
        headers, rest = _take_headers(split_lines(text))
        return headers, rest, [line for line in rest if self.is_counted(line)]

    @staticmethod
    def _with_headers(
        headers: list[tuple[str, list[Line], str]], counted: list[Line]
    ) -> list[Line]:
        header_lines = [line for block in headers for line in block[1]]
        return sorted(counted + header_lines, key=lambda line: line.n)

    def parse_lines(self, lines: list[Line], config: DeviceConfig, report: LineReport) -> None:
        self._parse_tree(Ctx(config, report, self.name), lines, {line.n for line in lines})

    def _parse_tree(self, ctx: Ctx, lines: list[Line], counted: set[int]) -> None:
        for line in build_tree(lines, counted, CONTINUES):
            if not dispatch(ctx, line, TOP):
                for child in line.descendants():
                    ctx.report.unsupported(child, f"inside an unsupported block (line {line.n})")
        self.finish(ctx)

    def finish(self, ctx: Ctx) -> None:
        """What follows from the whole file: LAG modes on members, VPN families, behaviors."""
        finish_vrfs(ctx, self.vpn_ipv4_family)
        finish_behaviors(ctx)
        finish_interfaces(ctx)
        finish_firewall(ctx)
        finish_overlay(ctx)
        finish_aaa(ctx)

    # --- writing ---------------------------------------------------------------------------

    def prepare(self, config: DeviceConfig, notes: Emitter) -> None:
        """Shape an adapted model into what VRP holds (`huawei_prepare`), with notes."""
        from orchestrator.syntax.huawei_prepare import prepare

        prepare(config, Shaper(self, notes))

    def render(self, config: DeviceConfig) -> Rendered:
        """Write the prepared model as it is; the model is not changed."""
        from orchestrator.syntax.huawei_render import render_config

        return render_config(config, self)


def _take_headers(
    lines: list[Line],
) -> tuple[list[tuple[str, list[Line], str]], list[Line]]:
    """Split `header ... information <d>text<d>` blocks (which may span lines) from the rest."""
    headers: list[tuple[str, list[Line], str]] = []
    rest: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _HEADER.match(line.text)
        if m is None:
            rest.append(line)
            i += 1
            continue
        delim, tail = m.group(2), m.group(3)
        block = [line]
        if delim in tail:
            body = tail.split(delim, 1)[0]
            i += 1
        else:
            parts = [tail]
            i += 1
            while i < len(lines) and delim not in lines[i].raw:
                parts.append(lines[i].raw.rstrip("\r"))
                block.append(lines[i])
                i += 1
            if i < len(lines):
                parts.append(lines[i].raw.split(delim, 1)[0])
                block.append(lines[i])
                i += 1
            body = "\n".join(parts)
        headers.append((m.group(1), block, body))
    return headers, rest


TOP: list[Rule] = [
    rule(r"interface Nve ?(\d+)", p_nve),
    rule(r"interface (\S+(?: \d\S*)?)(?: (mode l2))?(?: (p2p|p2mp))?", p_interface),
    rule(r"local-user (\S+)", p_local_user_block),
    *SYSTEM_TOP,
    *ROUTING_TOP,
    *BGP_TOP,
    *POLICY_TOP,
    *IPSEC_TOP,
    rule(r"evpn-overlay enable", p_evpn_overlay),
    rule(r"bridge-domain (\d+)", p_bridge_domain),
    rule(r"dfs-group (\d+)", p_dfs_group),
    rule(r"firewall zone (?:name )?(\S+)", p_zone),
    rule(r"firewall interzone (\S+) (\S+)", p_interzone),
    rule(r"firewall packet-filter default (permit|deny) (.+)", p_default),
    rule(r"firewall defend (\S+) enable", p_defend),
    rule(r"firewall-nat session (\S+) aging-time (\d+)", p_aging),
    *_IGNORE_TOP,
]

PLATFORM = HuaweiVrp()

__all__ = ["PLATFORM", "HuaweiVrp"]
