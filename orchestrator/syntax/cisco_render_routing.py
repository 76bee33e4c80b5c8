"""Cisco IOS renderer: static routes, OSPF (v2 and v3) processes."""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import DeviceConfig, Ospf, OspfArea, Redistribution, StaticRoute, item_key
from orchestrator.syntax.cisco_render_common import Writer, net_mask, net_wildcard


def render_static_routes(w: Writer, config: DeviceConfig) -> None:
    for route in config.static_routes:
        _route(w, route)


def _route(w: Writer, route: StaticRoute) -> None:
    vrf = f"vrf {route.vrf} " if route.vrf else ""
    if isinstance(route.prefix, IPv4Network):
        text = f"ip route {vrf}{net_mask(route.prefix)}"
    else:
        text = f"ipv6 route {vrf}{route.prefix.with_prefixlen}"
    if route.interface is None and route.next_hop is None:
        w.unsupported(route, reason="a static route with neither next hop nor interface")
        return
    text += f" {route.interface}" if route.interface else ""
    text += f" {route.next_hop}" if route.next_hop else ""
    fields = ["prefix", "vrf", "interface", "next_hop"]
    if route.next_hop_vrf == "global" and isinstance(route.prefix, IPv4Network):
        text += " global"
        fields.append("next_hop_vrf")
    elif route.next_hop_vrf is not None:
        w.unsupported(
            route,
            "next_hop_vrf",
            reason="IOS resolves a VRF route's next hop in "
            "the global table only (`global`), not in another VRF",
        )
    for field, word in (("distance", ""), ("tag", "tag "), ("name", "name ")):
        value = getattr(route, field)
        if value is not None:
            text += f" {word}{value}"
            fields.append(field)
    if route.permanent:
        text += " permanent"
        fields.append("permanent")
    if route.track is not None:
        text += f" track {route.track}"
        fields.append("track")
    if route.bfd:
        w.unsupported(
            route,
            "bfd",
            reason="IOS enables BFD for static routes per interface "
            "and gateway (`ip route static bfd`), not per route",
        )
    w.item(text, route, *fields)


def render_ospf(w: Writer, config: DeviceConfig) -> None:
    for process in config.ospf.values():
        vrf = f" vrf {process.vrf}" if process.vrf else ""
        with w.view(f"router ospf {process.process}{vrf}", process, "process", "vrf"):
            _ospf_body(w, process, v3=False)
        w.plain("!")
    for process in config.ospfv3.values():
        with w.view(f"ipv6 router ospf {process.process}", process, "process"):
            if process.vrf is not None:
                w.unsupported(process, "vrf", reason="OSPFv3 in a VRF is not translated")
            _ospf_body(w, process, v3=True)
        w.plain("!")


def _ospf_body(w: Writer, p: Ospf, v3: bool) -> None:
    if p.router_id is not None:
        w.line(f" router-id {p.router_id}", p, "router_id")
    if p.log_adjacency is not None:
        text = " log-adjacency-changes" if p.log_adjacency else " no log-adjacency-changes"
        w.line(text, p, "log_adjacency")
    if p.reference_bandwidth is not None:
        w.line(f" auto-cost reference-bandwidth {p.reference_bandwidth}", p, "reference_bandwidth")
    if p.graceful_restart:
        w.line(" nsf", p, "graceful_restart")
    elif p.graceful_restart is False:
        w.ignore(p, "graceful_restart", rule="OSPF graceful restart is off by default on IOS")
    if p.spf_timers is not None:
        w.line(" timers throttle spf {} {} {}".format(*p.spf_timers), p, "spf_timers")
    if p.max_metric_on_startup is not None:
        w.line(
            f" max-metric router-lsa on-startup {p.max_metric_on_startup}",
            p,
            "max_metric_on_startup",
        )
    if p.max_metric:
        w.line(" max-metric router-lsa", p, "max_metric")
    for area in p.areas.values():
        _area(w, p, area, v3)
    for item in p.redistribute:
        _redistribute(w, item)
    w.done(p, "redistribute", "areas")
    if p.passive_default:
        w.line(" passive-interface default", p, "passive_default")
    for name in p.passive:
        w.line(f" passive-interface {name}", p, item_key("passive", name))
    for name in p.active:
        w.line(f" no passive-interface {name}", p, item_key("active", name))
    if p.default_originate:
        text = " default-information originate"
        text += " always" if p.default_originate_always else ""
        if p.default_originate_metric is not None:
            text += f" metric {p.default_originate_metric}"
        if p.default_originate_metric_type is not None:
            text += f" metric-type {p.default_originate_metric_type}"
        if p.default_originate_route_map is not None:
            text += f" route-map {p.default_originate_route_map}"
        w.line(
            text,
            p,
            "default_originate",
            "default_originate_always",
            "default_originate_metric",
            "default_originate_metric_type",
            "default_originate_route_map",
        )
    for field, word in (
        ("default_metric", "default-metric"),
        ("distance", "distance"),
        ("maximum_paths", "maximum-paths"),
    ):
        value = getattr(p, field)
        if value is not None:
            w.line(f" {word} {value}", p, field)
    if p.bfd_all:
        w.line(" bfd all-interfaces", p, "bfd_all")


def _area(w: Writer, p: Ospf, area: OspfArea, v3: bool) -> None:
    name = area.area
    w.done(area, "area")
    for prefix in area.networks:
        if v3:
            w.unsupported(area, "networks", reason="OSPFv3 enables interfaces, not networks")
            break
        w.line(f" network {net_wildcard(prefix)} area {name}", area, item_key("networks", prefix))
    if area.kind != "normal":
        text = f" area {name} {area.kind}"
        if area.kind == "nssa" and area.nssa_default:
            text += " default-information-originate"
        if area.no_summary:
            text += " no-summary"
        w.line(text, area, "kind", "no_summary", "nssa_default")
    elif area.no_summary or area.nssa_default:
        w.unsupported(area, "no_summary", "nssa_default", reason="summary options of a normal area")
    if area.default_cost is not None:
        w.line(f" area {name} default-cost {area.default_cost}", area, "default_cost")
    if area.auth is not None:
        suffix = " message-digest" if area.auth == "md5" else ""
        w.line(f" area {name} authentication{suffix}", area, "auth")
    for prefix, advertise in area.ranges:
        text = f" area {name} range {net_mask(prefix)}"
        w.line(
            text + ("" if advertise else " not-advertise"),
            area,
            item_key("ranges", (prefix, advertise)),
        )
    if area.auth_key is not None or area.auth_key_id is not None:
        w.unsupported(
            area, "auth_key", "auth_key_id", reason="IOS keys OSPF per interface, not per area"
        )
    if not any(
        (id(area), f) in w.out.handled
        for f in ("networks", "kind", "default_cost", "auth", "ranges")
    ):
        w.ignore(
            area, rule="an area with no settings of its own: IOS knows it from the interfaces in it"
        )


def _redistribute(w: Writer, item: Redistribution, indent: str = " ") -> None:
    text = f"{indent}redistribute {item.protocol}"
    text += f" {item.process}" if item.process else ""
    if item.metric is not None:
        text += f" metric {item.metric}"
    if item.metric_type is not None:
        text += f" metric-type {item.metric_type}"
    if item.subnets:
        text += " subnets"
    if item.route_map is not None:
        text += f" route-map {item.route_map}"
    w.item(text, item, "protocol", "process", "metric", "metric_type", "subnets", "route_map")
