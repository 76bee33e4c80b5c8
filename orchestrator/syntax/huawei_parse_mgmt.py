"""VRP management odds and ends read into the model: NTP master clock, SCP server, SNMP MIB
views (see `huawei_render_mgmt`)."""

from __future__ import annotations

import re
from typing import Any

from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line


def s_refclock(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ntp = ctx.config.system.ntp
    ntp.master = True
    ntp.at(line.n, "master")
    if m.group(1):
        ntp.master_stratum = int(m.group(1))
        ntp.at(line.n, "master_stratum")


def s_scp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.scp_server = True
    ctx.config.system.at(line.n, "scp_server")


def s_mib_view(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    snmp = ctx.config.system.snmp
    snmp.views.setdefault(m.group(2), []).append((m.group(3), m.group(1) == "included"))
    snmp.at(line.n, "views")


def s_http_acl(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.http_access_class = m.group(1)
    ctx.config.system.at(line.n, "http_access_class")


def s_netconf(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.netconf = True
    ctx.config.system.at(line.n, "netconf")


def s_igmp(ctx: Ctx, line: Line, m: re.Match[str], scope: Any) -> None:
    ctx.config.system.igmp_snooping = True
    ctx.config.system.at(line.n, "igmp_snooping")


MGMT_TOP: list[Rule] = [
    rule(r"snetconf server enable", s_netconf),
    rule(r"igmp[- ]snooping enable", s_igmp),
    rule(r"http acl (\S+)", s_http_acl),
    rule(r"ntp(?:-service)? refclock-master(?: (\d+))?", s_refclock),
    rule(r"scp server enable", s_scp),
    rule(r"snmp-agent mib-view (included|excluded) (\S+) (\S+)", s_mib_view),
]

__all__ = ["MGMT_TOP"]
