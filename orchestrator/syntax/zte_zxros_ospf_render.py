"""ZXROS OSPF rendering: `router ospf P [vrf V]` with `area` views that hold the interface
settings ([REF], [CTN]); the parser is `zte_zxros_ospf`."""

from __future__ import annotations

from orchestrator.model import DeviceConfig, InterfaceOspf, Ospf, OspfArea, Redistribution, item_key
from orchestrator.syntax.rules import prefixlen_to_mask, prefixlen_to_wildcard
from orchestrator.syntax.zte_zxros_common import Writer, all_fields, write_secret

#: model protocol → ZXROS `redistribute` keywords; OSPF needs both internal and external routes.
_REDIST_OUT = {
    "connected": ["connected"],
    "static": ["static"],
    "rip": ["rip"],
    "isis": ["isis-1-2"],
    "bgp": ["bgp-ext"],
    "ospf": ["ospf-int", "ospf-ext"],
}


#: what a `redistribute` line writes (the metric type only into OSPF)
_REDIST_FIELDS = ("protocol", "process", "metric", "metric_type", "route_map")


def render_redistribution(w: Writer, r: Redistribution, *, ospf_target: bool) -> None:
    out = w.out
    keywords = _REDIST_OUT.get(r.protocol)
    if keywords is None:
        out.unsupported(r, *all_fields(r), reason=f"ZXROS has no {r.protocol}")
        return
    options = f" metric {r.metric}" if r.metric is not None else ""
    if ospf_target and r.metric_type is not None:
        options += f" metric-type ext-{r.metric_type}"
    elif r.metric_type is not None:
        out.unsupported(r, "metric_type", reason="metric type outside OSPF")
    options += f" route-map {r.route_map}" if r.route_map else ""
    process = ""
    if r.protocol in ("ospf", "isis") and r.process is not None:
        process = f" {r.process}"
    elif r.process is not None:
        out.ignore(r, "process", rule="ZXROS redistributes its one BGP instance; AS is implicit")
    for word in keywords:
        w.item(f"redistribute {word}{process}{options}", r, *_REDIST_FIELDS)
    if r.subnets:
        out.ignore(r, "subnets", rule="ZXROS always redistributes classless")


#: model network type → ZXROS words
NET_WORDS = {
    "point-to-point": "point-to-point",
    "broadcast": "broadcast",
    "nbma": "non-broadcast",
    "p2mp": "point-to-multipoint",
}


def render_ospf(w: Writer, config: DeviceConfig) -> None:
    if not config.ospf:
        return
    out = w.out
    first = next(iter(config.ospf))
    with w.section("ospfv2"):
        for ospf in config.ospf.values():
            if not ospf.process.isdigit():
                out.unsupported(
                    ospf,
                    *all_fields(ospf),
                    reason="ZXROS OSPF processes are "
                    f"numbered; process {ospf.process!r} needs a number",
                )
                continue
            vrf = f" vrf {ospf.vrf}" if ospf.vrf else ""
            with w.view(f"router ospf {ospf.process}{vrf}", ospf):
                out.mark(ospf, "vrf")
                _render_ospf_body(w, config, ospf, ospf.process == first)
            for name in ("distance", "log_adjacency"):
                if getattr(ospf, name) is not None:
                    if name == "log_adjacency":
                        out.ignore(
                            ospf,
                            name,
                            rule="logging preference only: ZXROS records "
                            "OSPF neighbour changes in its alarm log",
                        )
                    else:
                        out.unsupported(ospf, name, reason="OSPF administrative distance")


def _render_ospf_body(w: Writer, config: DeviceConfig, ospf: Ospf, first: bool) -> None:
    out = w.out
    if ospf.router_id:
        w.line(f"router-id {ospf.router_id}", ospf, "router_id")
    if ospf.reference_bandwidth is not None:
        w.line(
            f"auto-cost reference-bandwidth {ospf.reference_bandwidth}", ospf, "reference_bandwidth"
        )
    if ospf.passive_default:
        w.line("passive-interface default", ospf, "passive_default")
    for name in ospf.passive:
        w.line(f"passive-interface {name}", ospf, item_key("passive", name))
    for name in ospf.active:
        w.line(f"passive-interface {name} disable", ospf, item_key("active", name))
    for r in ospf.redistribute:
        render_redistribution(w, r, ospf_target=True)
    if ospf.default_originate:
        text = "default-information originate"
        text += " always" if ospf.default_originate_always else ""
        if ospf.default_originate_metric is not None:
            text += f" metric {ospf.default_originate_metric}"
        if ospf.default_originate_metric_type is not None:
            text += f" metric-type {ospf.default_originate_metric_type}"
        if ospf.default_originate_route_map:
            text += f" route-map {ospf.default_originate_route_map}"
        w.line(
            text,
            ospf,
            "default_originate",
            "default_originate_always",
            "default_originate_metric",
            "default_originate_metric_type",
            "default_originate_route_map",
        )
    if ospf.maximum_paths is not None:
        w.line(f"maximum-paths {ospf.maximum_paths}", ospf, "maximum_paths")
    if ospf.max_metric:
        w.line("max-metric router-lsa", ospf, "max_metric")
    if ospf.max_metric_on_startup is not None:
        w.line(
            f"max-metric router-lsa on-startup timeout {ospf.max_metric_on_startup}",
            ospf,
            "max_metric_on_startup",
        )
    if ospf.spf_timers is not None:
        a, b, c = ospf.spf_timers
        w.line(f"timers throttle spf {a} {b} {c}", ospf, "spf_timers")
    if ospf.bfd_all:
        w.line("bfd", ospf, "bfd_all")
    if ospf.graceful_restart:
        w.line("nsf", ospf, "graceful_restart")
    elif ospf.graceful_restart is False:
        out.ignore(ospf, "graceful_restart", rule="ZXROS OSPF graceful restart is off by default")
    mine = [i for i in config.interfaces.values() if i.ospf is not None]
    names = list(ospf.areas)
    for ifc in mine:
        s = ifc.ospf
        assert s is not None
        if s.area is not None and s.area not in names and s.process == ospf.process:
            names.append(s.area)
    for name in names:
        area = ospf.areas.get(name)
        with w.view(f"area {name}", area):
            if area is not None:
                before = len(out.result.emissions)
                _render_area(w, area)
                if len(out.result.emissions) == before:
                    out.ignore(area, "", rule="an area with no settings of its own")
            for ifc in mine:
                s = ifc.ospf
                assert s is not None
                in_area = s.process in ((None, ospf.process) if area else (ospf.process,))
                if s.area == name and in_area:
                    _render_ospf_interface(w, ifc.name, s)
    for ifc in mine:
        s = ifc.ospf
        assert s is not None
        if s.area is None and first:
            _render_ospf_interface(w, ifc.name, s)


def _render_area(w: Writer, area: OspfArea) -> None:
    for net in area.networks:
        w.line(
            f"network {net.network_address} {prefixlen_to_wildcard(net.prefixlen)}",
            area,
            item_key("networks", net),
        )
    if area.kind != "normal":
        text = area.kind + (" no-summary" if area.no_summary else "")
        text += " default-information-originate" if area.nssa_default else ""
        w.line(text, area, "kind", "no_summary", "nssa_default")
    if area.default_cost is not None:
        w.line(f"default-cost {area.default_cost}", area, "default_cost")
    if area.auth is not None:
        w.line("authentication" + (" message-digest" if area.auth == "md5" else ""), area, "auth")
    for prefix, advertise in area.ranges:
        text = f"range {prefix.network_address} {prefixlen_to_mask(prefix.prefixlen)}"
        w.line(
            text + ("" if advertise else " not-advertise"),
            area,
            item_key("ranges", (prefix, advertise)),
        )


def _render_ospf_interface(w: Writer, name: str, s: InterfaceOspf) -> None:
    out = w.out
    if s.passive:
        if s.area is None:
            out.unsupported(s, "passive", reason="passive interface outside an area view")
        else:
            w.line(f"passive-interface {name}", s, "passive")
    with w.view(f"interface {name}", s, "", "process", "area"):
        if s.cost is not None:
            w.line(f"cost {s.cost}", s, "cost")
        if s.network_type is not None:
            w.line(f"network {NET_WORDS[s.network_type]}", s, "network_type")
        if s.priority is not None:
            w.line(f"priority {s.priority}", s, "priority")
        if s.hello is not None:
            w.line(f"hello-interval {s.hello}", s, "hello")
        if s.dead is not None:
            w.line(f"dead-interval {s.dead}", s, "dead")
        if s.auth is not None:
            word = {"md5": " message-digest", "null": " null", "simple": ""}[s.auth]
            w.line(f"authentication{word}", s, "auth")
        if s.auth_key is not None:
            if s.auth_key_id is not None:
                w.line(
                    f"message-digest-key {s.auth_key_id} md5 {write_secret(s.auth_key)}",
                    s,
                    "auth_key",
                    "auth_key_id",
                )
            else:
                w.line(f"authentication-key {write_secret(s.auth_key)}", s, "auth_key")
        if s.bfd is not None:
            out.unsupported(s, "bfd", reason="OSPF interface BFD is not translated")
