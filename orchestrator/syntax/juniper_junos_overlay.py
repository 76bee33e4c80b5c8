"""Junos EVPN-VXLAN → the model's overlay: the tunnel endpoint, layer-2 and layer-3 VNIs.

Junos spreads a VXLAN fabric over `vlans <v> vxlan vni N` (the segment of each VLAN, read in
`juniper_junos_switching`), `switch-options` (the VTEP source and the one EVPN instance of the
box: its route distinguisher and route target) and `protocols evpn` (VXLAN encapsulation and
which VNIs EVPN carries). A routing instance with `protocols evpn ip-prefix-routes` routes its
VRF across the fabric with a layer-3 VNI and advertises its routes as EVPN type-5 routes, with
the instance's `vrf-target`.

The model holds it the way the targets write it: one tunnel endpoint (`nve1`: Junos has no such
interface, its VTEP is implicit), its VNIs with BGP ingress replication (the Junos default), and
an EVPN instance per layer-2 VNI with the switch's route target. Junos gives the whole switch one
route distinguisher; the targets give each VNI its own, so they derive it (``"auto"``).
"""

from __future__ import annotations

import re

from orchestrator.model import EvpnVni, Nve, NveVni
from orchestrator.syntax.juniper_junos_index import junos
from orchestrator.syntax.juniper_junos_text import Stmt, tokens, values
from orchestrator.syntax.rules import Ctx, Rule, rule
from orchestrator.syntax.text import Line

NVE_NAME = "nve1"
RD_RULE = (
    "one route distinguisher for the switch's whole EVPN instance; the targets derive one per "
    "VNI (rd auto), and a route distinguisher only keeps routes apart"
)


def _later(ctx: Ctx) -> dict[str, object]:
    found: dict[str, object] = junos(ctx).bucket("overlay")
    return found


def h_switch_options(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    key, args = m.group(1), values(m.group(2))
    later = _later(ctx)
    if key == "vtep-source-interface" and len(args) == 1:
        later["vtep"] = (args[0], line.n)
    elif key == "route-distinguisher" and len(args) == 1:
        later["rd"] = line.n
    elif key == "vrf-target" and len(args) == 1:
        target = "auto" if args[0] == "auto" else args[0].removeprefix("target:")
        later["targets"] = (target, line.n)
    else:
        ctx.report.unsupported(line, f"switch option `{key} {m.group(2)}` is not translated")


def h_evpn(ctx: Ctx, line: Line, m: re.Match[str], stmt: Stmt) -> None:
    words = tokens(m.group(1))
    later = _later(ctx)
    if words == ["encapsulation", "vxlan"]:
        later["vxlan"] = line.n
    elif words[:1] == ["extended-vni-list"]:
        later.setdefault("extended", [])
        extended = later["extended"]
        assert isinstance(extended, list)
        extended.append((values(words[1:]), line.n))
    elif words[:2] == ["default-gateway", "no-gateway-community"]:
        ctx.report.unsupported(
            line,
            "EVPN gateway MAC advertisement for the anycast gateway "
            "(virtual-gateway-address) is not translated",
        )
    else:
        ctx.report.unsupported(line, f"EVPN option `{m.group(1)}` is not translated")


def h_instance_evpn(ctx: Ctx, line: Line, text: str, vrf: str) -> None:
    """`protocols evpn ...` inside routing instance ``vrf``."""
    words = tokens(text)
    later = junos(ctx).bucket("vrf_evpn").setdefault(vrf, {})
    if words[:1] == ["irb-symmetric-routing"] and words[1:2] == ["vni"] and len(words) == 3:
        later.setdefault("vni", []).append((int(words[2]), line.n))
    elif words[:1] == ["ip-prefix-routes"]:
        rest = words[1:]
        if rest[:1] == ["vni"] and len(rest) == 2:
            later.setdefault("vni", []).append((int(rest[1]), line.n))
        elif rest == ["encapsulation", "vxlan"]:
            later.setdefault("vni", []).append((0, line.n))
        elif rest[:1] == ["advertise"] and rest[1:] in (["direct-nexthop"], ["gateway-address"]):
            later["advertise"] = line.n
        else:
            ctx.report.unsupported(line, f"EVPN type-5 option `{' '.join(rest)}` is not translated")
    else:
        ctx.report.unsupported(line, f"EVPN option `{text}` in a VRF is not translated")


def finish_overlay(ctx: Ctx) -> None:
    """Build the tunnel endpoint and the EVPN instances once VLANs and VRFs are all read."""
    later = _later(ctx)
    state = junos(ctx)
    vtep = later.get("vtep")
    vxlan_line = later.get("vxlan")
    if not isinstance(vtep, tuple):
        for n in [v for k, v in later.items() if k in ("rd", "vxlan") and isinstance(v, int)]:
            ctx.report.unsupported(n, "EVPN-VXLAN without a VTEP source is not translated")
        return
    nve = ctx.config.nve[NVE_NAME] = Nve(name=NVE_NAME)
    nve.source_interface = state.index.ifname(vtep[0])
    nve.at(vtep[1])
    nve.at(vtep[1], "source_interface")
    if isinstance(vxlan_line, int):
        nve.bgp_evpn = True
        nve.at(vxlan_line, "bgp_evpn")
    if isinstance(later.get("rd"), int):
        ctx.report.ignored(later["rd"], RD_RULE)  # type: ignore[arg-type]
    _layer2(ctx, nve, later)
    _layer3(ctx, nve)


def _layer2(ctx: Ctx, nve: Nve, later: dict[str, object]) -> None:
    extended = later.get("extended", [])
    assert isinstance(extended, list)
    listed: set[int] = set()
    every = False
    ext_lines: list[int] = []
    for names, n in extended:
        ext_lines.append(n)
        every = every or names == ["all"]
        listed.update(int(v) for v in names if v.isdigit())
    targets = later.get("targets")
    for vlan in ctx.config.vlans.values():
        if vlan.vni is None:
            continue
        member = NveVni(vni=vlan.vni, replication="bgp")
        for n in vlan.src.get("vni"):
            member.at(n)
        nve.vnis[vlan.vni] = member
        nve.at(next(iter(vlan.src.get("vni")), 0), "vnis")
        if not (every or vlan.vni in listed):
            continue
        for n in ext_lines:
            member.at(n, "replication")
        evi = ctx.config.evpn_vnis[vlan.vni] = EvpnVni(vni=vlan.vni, rd="auto")
        for n in ext_lines:
            evi.at(n)
        if isinstance(targets, tuple):
            evi.import_targets = [targets[0]]
            evi.export_targets = [targets[0]]
            evi.at(targets[1], "import_targets", "export_targets")


def _layer3(ctx: Ctx, nve: Nve) -> None:
    """VRFs routed across the fabric: their layer-3 VNI, type-5 routes and route targets."""
    state = junos(ctx)
    bgp = ctx.config.bgp
    for name, later in state.bucket("vrf_evpn").items():
        vrf = ctx.config.vrfs.get(name)
        entries = later.get("vni", [])
        vnis = {v for v, _ in entries if v}
        if vrf is None or len(vnis) != 1:
            for _, n in entries:
                ctx.report.unsupported(n, "the VRF's layer-3 VNI is not one number")
            continue
        vni = vnis.pop()
        vrf.vni = vni
        member = nve.vnis[vni] = NveVni(vni=vni, l3=True)
        for _, n in entries:
            vrf.at(n, "vni")
            member.at(n)
        if "advertise" in later and bgp is not None:
            af = bgp.family("ipv4", "unicast", name)
            af.advertise_evpn = True
            af.at(later["advertise"], "advertise_evpn")
        # type-5 routes carry the instance's route targets (vrf-target or its policies)
        vrf.evpn_import_targets = list(vrf.import_targets)
        vrf.evpn_export_targets = list(vrf.export_targets)
        vrf.src.copy("import_targets", "evpn_import_targets")
        vrf.src.copy("export_targets", "evpn_export_targets")


OVERLAY_TOP: list[Rule] = [
    rule(r"switch-options (\S+) (.+)", h_switch_options),
    rule(r"protocols evpn (.+)", h_evpn),
]
