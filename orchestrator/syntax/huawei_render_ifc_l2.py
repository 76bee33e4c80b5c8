"""VRP port statements besides addressing: spanning-tree port roles and costs, storm control,
bandwidth and statistics figures."""

from __future__ import annotations

import re

from orchestrator.model import Interface
from orchestrator.syntax.huawei_render_base import Writer


def render_stp_port(ifc: Interface, w: Writer) -> None:
    if ifc.stp_edge is not None:
        w.line(f"stp edged-port {'enable' if ifc.stp_edge else 'disable'}", ifc, "stp_edge")
    if ifc.stp_bpdu_guard is False:
        w.ignore(ifc, "stp_bpdu_guard", rule="BPDU protection is off unless switched on")
    if ifc.stp_cost is not None:
        w.line(f"stp cost {ifc.stp_cost}", ifc, "stp_cost")
    if ifc.stp_port_priority is not None:
        w.line(f"stp port priority {ifc.stp_port_priority}", ifc, "stp_port_priority")


def render_storm(ifc: Interface, w: Writer) -> None:
    """Storm control in whole percent of the port (VRP5 `broadcast-suppression N`, CloudEngine
    `storm suppression broadcast N`). The lines of one port share their provenance, so a level
    VRP cannot write leaves the port's storm control out whole."""
    levels: list[tuple[str, int]] = []
    for kind, level in ifc.storm_control.items():
        words = level.split()
        whole = len(words) == 1 and re.fullmatch(r"\d+(?:\.0+)?", words[0])
        if kind not in ("broadcast", "multicast", "unicast") or not whole:
            w.unsupported(
                ifc,
                "storm_control",
                reason=f"storm control {kind} {level} has no VRP form (whole percent only)",
            )
            return
        levels.append((kind, int(float(words[0]))))
    for kind, percent in levels:
        if w.platform.vpn_ipv4_family:
            target = "unknown-unicast" if kind == "unicast" else kind
            w.line(f"storm suppression {target} {percent}", ifc, "storm_control")
        else:
            w.line(f"{kind}-suppression {percent}", ifc, "storm_control")


def render_link_figures(ifc: Interface, w: Writer) -> None:
    if ifc.bandwidth is not None:
        mbits = -(-ifc.bandwidth // 1000)
        if mbits * 1000 != ifc.bandwidth:
            w.unsupported(ifc, "bandwidth", reason="VRP sets bandwidth in whole Mbit/s")
        else:
            w.line(f"bandwidth {mbits}", ifc, "bandwidth")
    if ifc.load_interval is not None:
        w.ignore(
            ifc, "load_interval", rule="the traffic statistics interval is a monitoring setting"
        )
    if ifc.delay is not None:
        w.ignore(
            ifc, "delay", rule="interface delay only feeds EIGRP metrics, which VRP does not run"
        )
    if ifc.ip_accounting:
        w.unsupported(
            ifc,
            "ip_accounting",
            reason="VRP keeps no IP accounting table per interface (NetStream samples flows)",
        )


__all__ = ["render_link_figures", "render_storm", "render_stp_port"]
