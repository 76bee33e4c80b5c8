"""VRP VLANs, VPN instances, static routes and OSPF (BGP is `huawei_render_bgp`)."""

from __future__ import annotations

from ipaddress import IPv4Network

from orchestrator.model import DeviceConfig, Ospf, Redistribution, StaticRoute, item_key
from orchestrator.syntax.huawei_common import secret_text
from orchestrator.syntax.huawei_render_base import Writer
from orchestrator.syntax.huawei_render_mgmt import vlan_igmp_line
from orchestrator.syntax.rules import prefixlen_to_wildcard
from orchestrator.syntax.vrp_family import vlan_text

_IMPORT = {
    "connected": "direct",
    "static": "static",
    "ospf": "ospf",
    "bgp": "bgp",
    "rip": "rip",
    "isis": "isis",
}


def render_vlans(config: DeviceConfig, w: Writer) -> None:
    if not config.vlans:
        return
    ids = sorted(config.vlans)
    for chunk in vlan_text(ids):
        w.line_multi(f"vlan batch {chunk}", [(config.vlans[v], "") for v in ids])
    for vid in ids:
        vlan = config.vlans[vid]
        igmp = vlan_igmp_line(vlan.igmp_snooping, w.platform.vpn_ipv4_family)
        if vlan.name is None and vlan.description is None and not vlan.shutdown and not igmp:
            if vlan.shutdown is False:
                w.ignore(vlan, "shutdown", rule="a VLAN is active unless shut down")
            continue
        w.sep()
        with w.view(f"vlan {vid}", vlan, "", "id"):
            if vlan.name is not None:
                w.line(f"name {vlan.name}", vlan, "name")
            if vlan.description is not None:
                w.line(f"description {vlan.description}", vlan, "description")
            if vlan.shutdown:
                if w.platform.vpn_ipv4_family:
                    w.unsupported(vlan, "shutdown", reason="CloudEngine VLANs cannot be shut down")
                else:
                    w.line("shutdown", vlan, "shutdown")
            elif vlan.shutdown is False:
                w.ignore(vlan, "shutdown", rule="a VLAN is active unless shut down")
            if igmp is not None:
                w.line(igmp, vlan, "igmp_snooping")


def render_vrfs(config: DeviceConfig, w: Writer) -> None:
    families = w.platform.vpn_ipv4_family
    for vrf in config.vrfs.values():
        with w.view(f"ip vpn-instance {vrf.name}", vrf, "", "name"):
            if vrf.description is not None:
                w.line(f"description {vrf.description}", vrf, "description")
            settings = bool(
                vrf.rd
                or vrf.evpn_import_targets
                or vrf.evpn_export_targets
                or vrf.import_targets
                or vrf.export_targets
                or vrf.import_map
                or vrf.export_map
            )
            if vrf.ipv4 and (families or not settings):
                with w.view("ipv4-family", vrf, "ipv4"):
                    _vrf_settings(vrf, w)
            elif vrf.ipv4:
                w.mark(vrf, "ipv4")
                _vrf_settings(vrf, w)
            elif settings:
                w.unsupported(
                    vrf,
                    "rd",
                    "import_targets",
                    "export_targets",
                    "import_map",
                    "export_map",
                    reason="IPv4 settings of a VPN without IPv4",
                )
            else:
                w.mark(vrf, "ipv4")
            if vrf.ipv6:
                w.line("ipv6-family", vrf, "ipv6")
            if vrf.vni is not None:
                w.line(f"vxlan vni {vrf.vni}", vrf, "vni")
        w.sep()


def _vrf_settings(vrf: object, w: Writer) -> None:
    from orchestrator.model import Vrf

    assert isinstance(vrf, Vrf)
    if vrf.rd is not None:
        w.line(f"route-distinguisher {vrf.rd}", vrf, "rd")
    for target in vrf.export_targets:
        w.line(f"vpn-target {target} export-extcommunity", vrf, item_key("export_targets", target))
    for target in vrf.import_targets:
        w.line(f"vpn-target {target} import-extcommunity", vrf, item_key("import_targets", target))
    for field, word in (
        ("evpn_export_targets", "export-extcommunity"),
        ("evpn_import_targets", "import-extcommunity"),
    ):
        for target in getattr(vrf, field):
            if target == "auto":
                w.unsupported(
                    vrf,
                    field,
                    reason="a VPN instance's EVPN route targets are written out on VRP "
                    "(AS number : layer-3 VNI)",
                )
                break
            w.line(f"vpn-target {target} {word} evpn", vrf, item_key(field, target))
    if vrf.import_map is not None:
        w.line(f"import route-policy {vrf.import_map}", vrf, "import_map")
    if vrf.export_map is not None:
        w.line(f"export route-policy {vrf.export_map}", vrf, "export_map")


def render_static_routes(config: DeviceConfig, w: Writer) -> None:
    for route in config.static_routes:
        _route(route, w)


def _route(route: StaticRoute, w: Writer) -> None:
    ipv6 = not isinstance(route.prefix, IPv4Network)
    words = ["ipv6 route-static" if ipv6 else "ip route-static"]
    if route.vrf:
        words.append(f"vpn-instance {route.vrf}")
    if ipv6:
        words.append(f"{str(route.prefix.network_address).upper()} {route.prefix.prefixlen}")
    else:
        words.append(f"{route.prefix.network_address} {route.prefix.netmask}")
    if route.next_hop_vrf == "global":
        words.append("public")
    elif route.next_hop_vrf:
        words.append(f"vpn-instance {route.next_hop_vrf}")
    if route.interface:
        from orchestrator import ports

        if ports.parse_name(w.platform.name, route.interface) is None:
            w.unsupported(route, reason=f"{w.platform.name} has no interface {route.interface}")
            return
        words.append(route.interface)
    if route.next_hop:
        words.append(route.next_hop.upper() if ipv6 else route.next_hop)
    if route.distance is not None:
        words.append(f"preference {route.distance}")
    if route.tag is not None:
        words.append(f"tag {route.tag}")
    if route.permanent:
        words.append("permanent")
    if route.bfd:
        w.unsupported(route, "bfd", reason="BFD for static routes needs a BFD session on VRP")
    if route.track is not None:
        w.unsupported(
            route, "track", reason="object tracking of static routes needs an NQA test on VRP"
        )
    if route.name is not None:
        words.append(f"description {route.name}")
    w.line(
        " ".join(words),
        route,
        "",
        "prefix",
        "vrf",
        "next_hop_vrf",
        "interface",
        "next_hop",
        "distance",
        "tag",
        "permanent",
        "name",
    )


def render_ospf(config: DeviceConfig, w: Writer) -> None:
    passive_by_process: dict[str, list[str]] = {}
    for ifc in config.interfaces.values():
        if ifc.ospf is not None and ifc.ospf.passive:
            owner = ifc.ospf.process or next(iter(config.ospf), "1")
            passive_by_process.setdefault(owner, []).append(ifc.name)
    for process in config.ospf.values():
        _process(process, w, config, passive_by_process.get(process.process, []))
        w.sep()


def _process(p: Ospf, w: Writer, config: DeviceConfig, silent: list[str]) -> None:
    header = f"ospf {p.process}"
    if p.router_id:
        header += f" router-id {p.router_id}"
    if p.vrf:
        header += f" vpn-instance {p.vrf}"
    with w.view(header, p, "", "process", "router_id", "vrf"):
        if p.passive_default:
            w.line("silent-interface all", p, "passive_default")
        for name in p.passive:
            w.line(f"silent-interface {name}", p, item_key("passive", name))
        for name in silent:
            ifc = config.interfaces[name]
            assert ifc.ospf is not None
            w.line(f"silent-interface {name}", ifc.ospf, "passive")
        for name in p.active:
            w.line(f"undo silent-interface {name}", p, item_key("active", name))
        if p.reference_bandwidth is not None:
            w.line(f"bandwidth-reference {p.reference_bandwidth}", p, "reference_bandwidth")
        for item in p.redistribute:
            _import_route(item, w, "cost", ospf=True)
        if p.default_originate:
            words = ["default-route-advertise"]
            if p.default_originate_always:
                words.append("always")
            if p.default_originate_metric is not None:
                words.append(f"cost {p.default_originate_metric}")
            if p.default_originate_metric_type is not None:
                words.append(f"type {p.default_originate_metric_type}")
            if p.default_originate_route_map:
                words.append(f"route-policy {p.default_originate_route_map}")
            w.line(
                " ".join(words),
                p,
                "default_originate",
                "default_originate_always",
                "default_originate_metric",
                "default_originate_metric_type",
                "default_originate_route_map",
            )
        if p.max_metric_on_startup is not None:
            w.line(f"stub-router on-startup {p.max_metric_on_startup}", p, "max_metric_on_startup")
        elif p.max_metric:
            w.line("stub-router", p, "max_metric")
        if p.max_metric and p.max_metric_on_startup is not None:
            w.unsupported(p, "max_metric", reason="VRP has one stub-router setting")
        if p.distance is not None:
            w.line(f"preference {p.distance}", p, "distance")
        if p.maximum_paths is not None:
            w.line(f"maximum load-balancing {p.maximum_paths}", p, "maximum_paths")
        if p.spf_timers is not None:
            start, hold, maximum = p.spf_timers
            w.line(
                f"spf-schedule-interval intelligent-timer {maximum} {start} {hold}", p, "spf_timers"
            )
        if p.bfd_all:
            w.line("bfd all-interfaces enable", p, "bfd_all")
        if p.graceful_restart:
            if not w.platform.vpn_ipv4_family:
                w.line("opaque-capability enable", p, "graceful_restart")
            w.line("graceful-restart", p, "graceful_restart")
        elif p.graceful_restart is False:
            w.ignore(p, "graceful_restart", rule="OSPF graceful restart is off by default")
        if p.log_adjacency:
            w.ignore(p, "log_adjacency", rule="VRP logs OSPF neighbour changes by default")
        elif p.log_adjacency is False:
            w.unsupported(p, "log_adjacency", reason="VRP always logs OSPF neighbour changes")
        for area in p.areas.values():
            with w.view(f"area {area.area}", area, "", "area"):
                if area.auth is not None:
                    key = ""
                    if area.auth_key is not None and area.auth == "md5":
                        key = f" {area.auth_key_id or 1} cipher {secret_text(area.auth_key)}"
                    elif area.auth_key is not None:
                        key = f" cipher {secret_text(area.auth_key)}"
                    w.line(
                        f"authentication-mode {area.auth}{key}",
                        area,
                        "auth",
                        "auth_key_id",
                        "auth_key",
                    )
                for prefix, advertise in area.ranges:
                    tail = "" if advertise else " not-advertise"
                    w.line(
                        f"abr-summary {prefix.network_address} {prefix.netmask}{tail}",
                        area,
                        item_key("ranges", (prefix, advertise)),
                    )
                for net in area.networks:
                    w.line(
                        f"network {net.network_address} {prefixlen_to_wildcard(net.prefixlen)}",
                        area,
                        item_key("networks", net),
                    )
                if area.kind != "normal":
                    words = [area.kind]
                    if area.kind == "nssa" and area.nssa_default:
                        words.append("default-route-advertise")
                    if area.no_summary:
                        words.append("no-summary")
                    w.line(" ".join(words), area, "kind", "no_summary", "nssa_default")
                if area.default_cost is not None:
                    w.line(f"default-cost {area.default_cost}", area, "default_cost")


def render_ospfv3(config: DeviceConfig, w: Writer) -> None:
    """OSPFv3 processes: the router ID in the view, areas without networks (interfaces join
    areas with `ospfv3 P area A`)."""
    silent: dict[str, list[str]] = {}
    for ifc in config.interfaces.values():
        if ifc.ospfv3 is not None and ifc.ospfv3.passive:
            owner = ifc.ospfv3.process or next(iter(config.ospfv3), "1")
            silent.setdefault(owner, []).append(ifc.name)
    for p in config.ospfv3.values():
        vrf = f" vpn-instance {p.vrf}" if p.vrf else ""
        with w.view(f"ospfv3 {p.process}{vrf}", p, "", "process", "vrf"):
            if p.router_id:
                w.line(f"router-id {p.router_id}", p, "router_id")
            if p.passive_default:
                w.line("silent-interface all", p, "passive_default")
            for name in p.passive:
                w.line(f"silent-interface {name}", p, item_key("passive", name))
            for name in silent.get(p.process, []):
                ospf = config.interfaces[name].ospfv3
                assert ospf is not None
                w.line(f"silent-interface {name}", ospf, "passive")
            for item in p.redistribute:
                _import_route(item, w, "cost", ospf=True)
            if p.default_originate:
                w.line("default-route-advertise", p, "default_originate")
            for area in p.areas.values():
                with w.view(f"area {area.area}", area, "", "area"):
                    if area.kind != "normal":
                        tail = " no-summary" if area.no_summary else ""
                        w.line(f"{area.kind}{tail}", area, "kind", "no_summary")
                    if area.default_cost is not None:
                        w.line(f"default-cost {area.default_cost}", area, "default_cost")
        w.sep()


def _import_route(item: Redistribution, w: Writer, metric_word: str, ospf: bool) -> None:
    protocol = _IMPORT.get(item.protocol)
    if protocol is None:
        w.unsupported(item, reason=f"VRP cannot import {item.protocol} routes")
        return
    words = [f"import-route {protocol}"]
    if item.process is not None and protocol in ("ospf", "rip", "isis"):
        words.append(item.process)
    elif item.process is not None:
        w.ignore(item, "process", rule="VRP runs one BGP process")
    elif protocol in ("ospf", "rip", "isis") and not ospf:
        words.append("1")
        w.change(item, "", note=f"{protocol} process 1 is assumed")
        w.mark(item, "process")
    if item.metric is not None:
        words.append(f"{metric_word} {item.metric}")
    if item.metric_type is not None:
        if ospf:
            words.append(f"type {item.metric_type}")
        else:
            w.ignore(item, "metric_type", rule="a BGP route has no OSPF metric type")
    if item.route_map is not None:
        words.append(f"route-policy {item.route_map}")
    if item.subnets:
        w.ignore(item, "subnets", rule="VRP imports subnets always (classless)")
    w.line(" ".join(words), item, "", "protocol", "process", "metric", "metric_type", "route_map")
