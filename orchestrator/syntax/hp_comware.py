"""H3C Comware 7 (`hp_comware`): `display current-configuration` text ↔ the model.

Statements are rule tables per view (`hp_comware_parse_*`); `prepare` shapes an adapted model to
what Comware can hold (`hp_comware_prepare*`), and the renderer (`hp_comware_render*`) writes
that model as it is. Comware's `#` separators decide which view a line belongs to, and
`header` banners span raw lines, so this parser reads every line of the file, not only the
counted ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from orchestrator.model import DeviceConfig, SecretKind
from orchestrator.syntax.base import Emitter, Parsed, Platform, Rendered
from orchestrator.syntax.hp_comware_drni import DRNI_TOP, finish_drni
from orchestrator.syntax.hp_comware_parse_aaa import AAA_TOP, finish_aaa, finish_lines
from orchestrator.syntax.hp_comware_parse_monitor import MONITOR_TOP
from orchestrator.syntax.hp_comware_parse_net import IFC_TOP, finish_mirroring, finish_snooping
from orchestrator.syntax.hp_comware_parse_overlay import finish_overlay
from orchestrator.syntax.hp_comware_parse_policy import POLICY_TOP
from orchestrator.syntax.hp_comware_parse_routing import ROUTING_TOP
from orchestrator.syntax.hp_comware_parse_security import SECURITY_TOP, finish_security
from orchestrator.syntax.hp_comware_parse_services import SERVICES_TOP, finish_nat
from orchestrator.syntax.hp_comware_parse_system import SYSTEM_TOP
from orchestrator.syntax.hp_comware_parse_zones import ZONE_TOP, finish_zones
from orchestrator.syntax.linereport import LineReport
from orchestrator.syntax.rules import Ctx, Rule, dispatch
from orchestrator.syntax.text import Line, clean_line, split_lines
from orchestrator.syntax.vrp_family import build_tree

#: `header <kind>` → the model's banner names
BANNERS = {
    "motd": "motd",
    "login": "login",
    "shell": "exec",
    "incoming": "incoming",
    "legal": "legal",
}
_HEADER = re.compile(r"header (motd|login|shell|incoming|legal) (\S)(.*)")


def collect_banners(ctx: Ctx, every: list[Line]) -> set[int]:
    """Read `header <kind> <delim>...<delim>` banners from all lines (blank ones included);
    return the numbers of the lines they span."""
    taken: set[int] = set()
    i = 0
    while i < len(every):
        m = _HEADER.fullmatch(every[i].text)
        if m is None:
            i += 1
            continue
        kind, delim, first = m.group(1), m.group(2), m.group(3)
        block = [every[i]]
        body: list[str] = []
        if delim in first:
            body.append(first.split(delim, 1)[0])
        else:
            if first:
                body.append(first)
            i += 1
            while i < len(every):
                raw = clean_line(every[i].raw)
                block.append(every[i])
                if delim in raw:
                    tail = raw.split(delim, 1)[0]
                    if tail:
                        body.append(tail)
                    break
                body.append(raw)
                i += 1
        i += 1
        system = ctx.config.system
        system.banners[BANNERS[kind]] = "\n".join(body)
        for member in block:
            taken.add(member.n)
            ctx.report.parsed(member)
            system.at(member.n, "banners")
    return taken


def finish_interfaces(ctx: Ctx) -> None:
    """What needs the whole file: LACP modes, VRRP tracks and versions, BFD timers."""
    lacp = ctx.state.get("lacp_lags", {})
    for ifc in ctx.config.interfaces.values():
        if ifc.lag_group is None:
            continue
        prefix = "Route-Aggregation" if ifc.routed else "Bridge-Aggregation"
        lag = f"{prefix}{ifc.lag_group}"
        if lag in lacp:
            if ifc.lag_mode is None:
                ifc.lag_mode = "active"
            ifc.at(lacp[lag], "lag_mode")
        elif ifc.lag_mode is None:
            ifc.lag_mode = "on"
    tracks = ctx.state.get("tracks", {})
    for group, number, decrement, n in ctx.state.get("vrrp_tracks", []):
        if number not in tracks:
            ctx.report.unsupported(n, f"track entry {number} does not follow an interface")
            continue
        group.track.append((tracks[number][0], decrement))
        group.at(n, "track")
        group.at(tracks[number][1], "track")
    for ifc, version, n in ctx.state.get("vrrp_versions", []):
        for group in ifc.fhrp:
            group.version = version
            group.at(n, "version")
    for name, parts in ctx.state.get("bfd", {}).items():
        keys = ("min-transmit-interval", "min-receive-interval", "detect-multiplier")
        ifc = ctx.config.interfaces[name]
        if all(k in parts for k in keys):
            ifc.bfd_interval = (parts[keys[0]][0], parts[keys[1]][0], parts[keys[2]][0])
            for k in keys:
                ifc.at(parts[k][1], "bfd_interval")
        else:
            for _, n in parts.values():
                ctx.report.unsupported(n, "BFD timers are translated only as a full set")


class HpComware(Platform):
    """H3C Comware 7 (and HPE FlexNetwork/FlexFabric switches that run it)."""

    name: ClassVar[str] = "hp_comware"
    family: ClassVar[str] = "vrp"
    comment_prefixes: ClassVar[tuple[str, ...]] = ("#",)
    separators: ClassVar[frozenset[str]] = frozenset({"#"})
    native_secret_kinds: ClassVar[frozenset[SecretKind]] = frozenset(
        {"plain", "huawei_cipher", "huawei_hash"}
    )
    features: ClassVar[frozenset[str]] = frozenset({"vrrp", "lldp"})
    #: Comware's PVST runs rapid transitions and interworks with Rapid PVST+, so a rapid-pvst
    #: source is written as `stp mode pvst` (by `prepare`, with a note) instead of falling
    #: back to MSTP, which would lose the per-VLAN trees and priorities
    stp_modes: ClassVar[frozenset[str]] = frozenset({"stp", "rstp", "mstp", "pvst", "rapid-pvst"})
    ospf_external_metrics: ClassVar[Mapping[str, int]] = {"default": 1}
    #: a packet filter forwards what no rule of its ACL matches
    acl_filter_default: ClassVar[str | None] = "permit"
    ospf_reference_bandwidth: ClassVar[int] = 100
    renders: ClassVar[bool] = True
    fingerprints: ClassVar[tuple[str, ...]] = (
        r"^interface (?:Vlan-interface|Bridge-Aggregation|Route-Aggregation|"
        r"Ten-GigabitEthernet|M-GigabitEthernet|FortyGigE|HundredGigE|Twenty-FiveGigE)\d",
        r"^ ?version 7\.\d+\.\d+",
        r"^line (?:vty|aux|con|class) ",
        r"^ ?irf (?:member|mac-address|domain|auto-update|mode)",
        r"^local-user \S+ class (?:manage|network)",
        r"^ port link-mode (?:bridge|route)$",
        r"^ info-center loghost source ",
        r"^ port link-aggregation group \d+",
        r"^ ?snmp-agent target-host .* params securityname ",
        r"^ authorization-attribute user-role ",
        r"^dhcp server ip-pool \S+$",
        r"^ expired day \d+",
        r"^acl (?:ipv6 )?(?:basic|advanced|mac) (?:\d+|name \S+)$",
        r"^ ?header (?:motd|legal) \S",
        r"^ ?snmp-agent community (?:read|write) (?!cipher )",
    )

    TOP: ClassVar[list[Rule]] = [
        *IFC_TOP,
        *DRNI_TOP,
        *ZONE_TOP,
        *ROUTING_TOP,
        *POLICY_TOP,
        *SERVICES_TOP,
        *SECURITY_TOP,
        *AAA_TOP,
        *MONITOR_TOP,
        *SYSTEM_TOP,
    ]

    def parse(self, text: str, *, path: str = "<input>") -> Parsed:
        """As `Platform.parse`, but the tree is built from every line: separators matter."""
        every = split_lines(text)
        lines = [line for line in every if self.is_counted(line)]
        report = LineReport(self.name, lines)
        config = DeviceConfig()
        self.check_complete(lines, path=path)
        with self.crash_guard(path):
            self.parse_every(every, lines, config, report)
        return Parsed(config=config, report=report, platform=self.name)

    def parse_lines(self, lines: list[Line], config: DeviceConfig, report: LineReport) -> None:
        self.parse_every(lines, lines, config, report)

    def parse_every(
        self, every: list[Line], lines: list[Line], config: DeviceConfig, report: LineReport
    ) -> None:
        ctx = Ctx(config, report, self.name)
        taken = collect_banners(ctx, every)
        counted = {line.n for line in lines} - taken
        for line in build_tree([x for x in every if x.n not in taken], counted):
            if not dispatch(ctx, line, self.TOP):
                for child in line.descendants():
                    report.unsupported(child, f"inside an unsupported block (line {line.n})")
        finish_interfaces(ctx)
        finish_overlay(ctx)
        finish_drni(ctx)
        finish_zones(ctx)
        finish_mirroring(ctx)
        finish_snooping(ctx)
        finish_nat(ctx)
        finish_security(ctx)
        finish_aaa(ctx)
        finish_lines(ctx)

    def prepare(self, config: DeviceConfig, notes: Emitter) -> None:
        """Shape an adapted model into what Comware holds (`hp_comware_prepare`)."""
        from orchestrator.syntax.hp_comware_prepare import prepare

        prepare(config, notes)

    def render(self, config: DeviceConfig) -> Rendered:
        """Write the prepared model as it is; the model is not changed."""
        from orchestrator.syntax.hp_comware_render import render_config

        return render_config(config)


PLATFORM = HpComware()

__all__ = ["PLATFORM", "HpComware"]
