"""Render OSPF and OSPFv3 processes in Comware 7 syntax (BGP: `hp_comware_render_bgp`)."""

from __future__ import annotations

from orchestrator.model import (
    DeviceConfig,
    Ospf,
    OspfArea,
    Redistribution,
    item_key,
)
from orchestrator.syntax.base import Emitter, secret_token
from orchestrator.syntax.rules import prefixlen_to_wildcard

_IMPORT_WORDS = {
    "connected": "direct",
    "static": "static",
    "ospf": "ospf",
    "bgp": "bgp",
    "rip": "rip",
    "isis": "isis",
}


def import_route(entry: Redistribution, metric_word: str, out: Emitter) -> str | None:
    """`import-route PROTO [PROCESS] [cost|med N] [type T] [route-policy P]`, or None."""
    word = _IMPORT_WORDS.get(entry.protocol)
    if word is None:
        out.unsupported(entry, reason=f"Comware does not run {entry.protocol}")
        return None
    text = f"import-route {word}"
    if entry.process is not None and word in ("ospf", "rip", "isis"):
        text += f" {entry.process}"
    elif entry.process is not None:
        out.unsupported(entry, "process", reason="Comware runs one process of this protocol")
    if entry.metric is not None:
        text += f" {metric_word} {entry.metric}"
    if entry.metric_type is not None:
        if metric_word == "cost":
            text += f" type {entry.metric_type}"
        else:
            out.unsupported(entry, "metric_type", reason="BGP has no external metric type")
    if entry.route_map is not None:
        text += f" route-policy {entry.route_map}"
    if entry.subnets and metric_word != "cost":
        out.ignore(entry, "subnets", rule="classless routes are the only kind on Comware")
    # Comware imports classless routes only: `subnets` is what the line does anyway
    out.mark(entry, "protocol", "process", "metric", "metric_type", "route_map", "subnets")
    return text


# --- OSPF -----------------------------------------------------------------------------------


def render_ospf(config: DeviceConfig, out: Emitter) -> None:
    keyed_areas = _areas_with_interface_keys(config)
    for word, processes in (("ospf", config.ospf), ("ospfv3", config.ospfv3)):
        for process in processes.values():
            opener = f"{word} {process.process}"
            if process.router_id is not None and word == "ospf":
                opener += f" router-id {process.router_id}"
            if process.vrf is not None:
                opener += f" vpn-instance {process.vrf}"
            out.plain("#")
            fields = ("", "process", "vrf") + (("router_id",) if word == "ospf" else ())
            with out.view(opener, process, *fields):
                if word == "ospfv3" and process.router_id is not None:
                    out.emit(f" router-id {process.router_id}", process, "router_id")
                _ospf_body(process, out)
                for area in process.areas.values():
                    with out.view(f" area {area.area}", area):
                        _area_body(area, keyed_areas, out, v3=word == "ospfv3")


def _areas_with_interface_keys(config: DeviceConfig) -> bool:
    return any(
        ifc.ospf is not None and ifc.ospf.auth_key is not None for ifc in config.interfaces.values()
    )


def _ospf_body(process: Ospf, out: Emitter) -> None:
    e = out.emit
    if process.passive_default:
        e(" silent-interface all", process, "passive_default")
    for name in process.active:
        e(f" undo silent-interface {name}", process, item_key("active", name))
    for name in process.passive:
        e(f" silent-interface {name}", process, item_key("passive", name))
    if process.reference_bandwidth is not None:
        e(f" bandwidth-reference {process.reference_bandwidth}", process, "reference_bandwidth")
    if process.default_originate:
        text = " default-route-advertise"
        if process.default_originate_always:
            text += " always"
        if process.default_originate_metric is not None:
            text += f" cost {process.default_originate_metric}"
        if process.default_originate_metric_type is not None:
            text += f" type {process.default_originate_metric_type}"
        if process.default_originate_route_map is not None:
            text += f" route-policy {process.default_originate_route_map}"
        e(
            text,
            process,
            "default_originate",
            "default_originate_always",
            "default_originate_metric",
            "default_originate_metric_type",
            "default_originate_route_map",
        )
    if process.default_metric is not None:
        e(f" default cost {process.default_metric}", process, "default_metric")
    for entry in process.redistribute:
        imported = import_route(entry, "cost", out)
        if imported is not None:
            e(" " + imported, entry)
    if process.log_adjacency is not None:
        e(
            " log-peer-change" if process.log_adjacency else " undo log-peer-change",
            process,
            "log_adjacency",
        )
    if process.max_metric:
        e(" stub-router", process, "max_metric")
    elif process.max_metric_on_startup is not None:
        e(
            f" stub-router on-startup {process.max_metric_on_startup}",
            process,
            "max_metric_on_startup",
        )
    if process.distance is not None:
        e(f" preference {process.distance}", process, "distance")
    if process.maximum_paths is not None:
        e(f" maximum load-balancing {process.maximum_paths}", process, "maximum_paths")
    if process.spf_timers is not None:
        start, hold, maximum = process.spf_timers
        if maximum % 1000 == 0 and 1 <= maximum // 1000 <= 60:
            e(f" spf-schedule-interval {maximum // 1000} {start} {hold}", process, "spf_timers")
        else:
            out.unsupported(
                process, "spf_timers", reason="Comware's maximum SPF interval is whole seconds"
            )
    if process.graceful_restart:
        e(" graceful-restart ietf", process, "graceful_restart")
    elif process.graceful_restart is False:
        out.ignore(process, "graceful_restart", rule="OSPF graceful restart is off by default")


def _area_body(area: OspfArea, keyed: bool, out: Emitter, *, v3: bool = False) -> None:
    e = out.emit
    if v3 and area.networks:
        out.unsupported(
            area, "networks", reason="OSPFv3 runs on interfaces, not network statements"
        )
    for prefix, advertise in area.ranges:
        flag = "" if advertise else " not-advertise"
        e(
            f"  abr-summary {prefix.network_address} {prefix.netmask}{flag}",
            area,
            item_key("ranges", (prefix, advertise)),
        )
    for network in [] if v3 else area.networks:
        wildcard = prefixlen_to_wildcard(network.prefixlen)
        e(f"  network {network.network_address} {wildcard}", area, item_key("networks", network))
    if area.kind != "normal":
        text = f"  {area.kind}"
        if area.kind == "nssa" and area.nssa_default:
            text += " default-route-advertise"
        if area.no_summary:
            text += " no-summary"
        e(text, area, "kind", "no_summary", "nssa_default")
    elif area.no_summary or area.nssa_default:
        out.unsupported(area, "no_summary", reason="only stub and NSSA areas take these options")
    if area.default_cost is not None:
        e(f"  default-cost {area.default_cost}", area, "default_cost")
    if area.auth is not None:
        if area.auth_key is not None and (area.auth == "simple" or area.auth_key_id is not None):
            key_id = f" {area.auth_key_id}" if area.auth == "md5" else ""
            e(
                f"  authentication-mode {area.auth}{key_id} plain {secret_token(area.auth_key)}",
                area,
                "auth",
                "auth_key_id",
                "auth_key",
            )
        elif keyed:
            out.ignore(
                area,
                "auth",
                rule="Comware writes the authentication mode with each interface's key",
            )
        else:
            out.unsupported(area, "auth", reason="area authentication without any key")
